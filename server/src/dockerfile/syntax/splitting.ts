// The ways BuildKit's parser cuts an instruction's logical line into pieces
// (frontend/dockerfile/parser split_command.go and line_parsers.go), with offsets.
import { isBlank, isSpace } from './chars';
import { Int32List } from './int32List';

export interface Piece {
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

/**
 * What extractFlags and splitWords found, written over by every call (read it before the next
 * one). A split runs for every ENV, ARG, LABEL and flagged instruction of a file: a list and an
 * object per word or flag, dropped as soon as the nodes are made, were a tenth of what a parse
 * of a big file allocated.
 */
export class Found {
  /** How many flags or words. */
  count = 0;
  /** Per flag: start, end, offset of the first `=` that went into its text (or -1), index of that `=` in it. Per word: start, end (after its last character), end of its value. */
  readonly offsets: Int32List = new Int32List(64);
  /** Per flag, `--name=value` after quote and backslash removal (emptied by whoever reads them: a kept slice would keep its whole source). */
  readonly texts: string[] = [];

  reset(): void {
    this.count = 0;
    this.offsets.length = 0;
  }
}

/** The scratch both functions write to. */
export const found = new Found();

/**
 * Leading `--flag` words (quotes and backslashes processed), into `found`: four offsets and a
 * text per flag. Returns the offset where the rest of the line begins. A bare `--` ends the
 * flags and is dropped.
 */
export function extractFlags(s: string, from: number, to: number): number {
  found.reset();
  let pos = from;
  for (;;) {
    while (pos < to && isSpace(s.charCodeAt(pos))) pos++;
    if (pos >= to) return to;
    if (s.charCodeAt(pos) !== 0x2d || pos + 1 >= to || s.charCodeAt(pos + 1) !== 0x2d) return pos;
    const start = pos;
    // Most flags have no quotes or backslashes: take them as one slice.
    let plainEnd = pos;
    while (plainEnd < to) {
      const c = s.charCodeAt(plainEnd);
      if (isSpace(c) || c === 0x27 || c === 0x22 || c === 0x5c) break;
      plainEnd++;
    }
    if (plainEnd >= to || isSpace(s.charCodeAt(plainEnd))) {
      const raw = s.slice(start, plainEnd);
      pos = plainEnd;
      if (raw === '--') return pos;
      const equalsIndex = raw.indexOf('=');
      addFlag(start, pos, raw, equalsIndex < 0 ? -1 : start + equalsIndex, equalsIndex);
      continue;
    }
    let word = '';
    let blankOk = false;
    let equalsAt = -1;
    let equalsIndex = -1;
    let quote = 0;
    for (;;) {
      if (pos >= to) break;
      let ch = s.charCodeAt(pos);
      if (quote === 0) {
        if (isSpace(ch)) break;
        if (ch === 0x27 || ch === 0x22) {
          quote = ch;
          blankOk = true;
          pos++;
          continue;
        }
      } else if (ch === quote) {
        quote = 0;
        pos++;
        continue;
      }
      if (ch === 0x5c /* \ */) {
        if (pos + 1 >= to) {
          // A backslash at the very end is dropped (and ends a quoted section).
          pos++;
          quote = 0;
          continue;
        }
        pos++;
        ch = s.charCodeAt(pos);
      }
      if (ch === 0x3d && equalsAt < 0) {
        equalsAt = pos;
        equalsIndex = word.length;
      }
      word += String.fromCharCode(ch);
      pos++;
    }
    if (word === '--') return pos >= to ? to : pos;
    if (blankOk || word.length > 0) addFlag(start, pos, word, equalsAt, equalsIndex);
  }
}

function addFlag(start: number, end: number, raw: string, equalsAt: number, equalsIndex: number): void {
  const offsets = found.offsets;
  offsets.push(start);
  offsets.push(end);
  offsets.push(equalsAt);
  offsets.push(equalsIndex);
  found.texts[found.count++] = raw;
}

/**
 * BuildKit's parseWords: words separated by whitespace, where quotes group (and are kept) and
 * the escape character protects the next character (and is kept too). Into `found`: three
 * offsets per word (its value is `s.slice(start, valueEnd)`); returns the count.
 */
export function splitWords(s: string, from: number, to: number, escape: number): number {
  found.reset();
  const offsets = found.offsets;
  let pos = from;
  for (;;) {
    while (pos < to && isSpace(s.charCodeAt(pos))) pos++;
    if (pos >= to) return found.count;
    const start = pos;
    let quote = 0;
    let blankOk = false;
    let valueEnd = -1;
    for (;;) {
      if (pos >= to) break;
      const ch = s.charCodeAt(pos);
      if (quote === 0) {
        if (isSpace(ch)) break;
        if (ch === 0x27 || ch === 0x22) {
          quote = ch;
          blankOk = true;
        } else if (ch === escape) {
          if (pos + 1 >= to) {
            valueEnd = pos;
            pos++;
            break;
          }
          pos += 2;
          continue;
        }
        pos++;
      } else {
        if (ch === quote) {
          quote = 0;
          pos++;
          continue;
        }
        // Inside single quotes nothing is escaped.
        if (ch === escape && quote !== 0x27) {
          if (pos + 1 >= to) {
            valueEnd = pos;
            pos++;
            break;
          }
          pos += 2;
          continue;
        }
        pos++;
      }
    }
    const end = valueEnd >= 0 ? valueEnd : pos;
    if (blankOk || end > start) {
      offsets.push(start);
      offsets.push(pos);
      offsets.push(end);
      found.count++;
    }
  }
}

/** Go's `[\t\v\f\r ]+` split of an already trimmed text; `limit` 2 keeps the rest whole. */
export function splitBlank(s: string, from: number, to: number, limit = Infinity): Piece[] {
  const pieces: Piece[] = [];
  let start = from;
  let pos = from;
  while (pos < to) {
    if (!isBlank(s.charCodeAt(pos))) {
      pos++;
      continue;
    }
    if (pieces.length + 1 >= limit) break;
    pieces.push({ start, end: pos, value: s.slice(start, pos) });
    while (pos < to && isBlank(s.charCodeAt(pos))) pos++;
    start = pos;
  }
  pieces.push({ start, end: to, value: s.slice(start, to) });
  return pieces;
}
