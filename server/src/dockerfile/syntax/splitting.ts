// The ways BuildKit's parser cuts an instruction's logical line into pieces
// (frontend/dockerfile/parser split_command.go and line_parsers.go), with offsets.
import { isBlank, isSpace } from './chars';

export interface Piece {
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

export interface RawFlag {
  readonly start: number;
  readonly end: number;
  /** `--name=value` after quote and backslash removal. */
  readonly raw: string;
  /** Offset of the first `=` that went into `raw`, or -1. */
  readonly equalsAt: number;
  /** Index of that `=` in `raw`. */
  readonly equalsIndex: number;
}

/**
 * Leading `--flag` words (quotes and backslashes processed). Returns the flags and the offset
 * where the rest of the line begins. A bare `--` ends the flags and is dropped.
 */
export function extractFlags(s: string, from: number, to: number): { flags: RawFlag[]; rest: number } {
  const flags: RawFlag[] = [];
  let pos = from;
  for (;;) {
    while (pos < to && isSpace(s.charCodeAt(pos))) pos++;
    if (pos >= to) return { flags, rest: to };
    if (s.charCodeAt(pos) !== 0x2d || pos + 1 >= to || s.charCodeAt(pos + 1) !== 0x2d) return { flags, rest: pos };
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
      if (raw === '--') return { flags, rest: pos };
      const equalsIndex = raw.indexOf('=');
      flags.push({ start, end: pos, raw, equalsAt: equalsIndex < 0 ? -1 : start + equalsIndex, equalsIndex });
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
    if (word === '--') {
      if (pos >= to) return { flags, rest: to };
      return { flags, rest: pos };
    }
    if (blankOk || word.length > 0) flags.push({ start, end: pos, raw: word, equalsAt, equalsIndex });
  }
}

/**
 * BuildKit's parseWords: words separated by whitespace, where quotes group (and are kept) and
 * the escape character protects the next character (and is kept too).
 */
export function splitWords(s: string, from: number, to: number, escape: number): Piece[] {
  const words: Piece[] = [];
  let pos = from;
  for (;;) {
    while (pos < to && isSpace(s.charCodeAt(pos))) pos++;
    if (pos >= to) return words;
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
    if (blankOk || end > start) words.push({ start, end: pos, value: s.slice(start, end) });
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
