// The exec form: BuildKit accepts the arguments as a JSON array when Go's encoding/json
// decodes them into []any and every element is a string. Anything else that is not valid JSON
// falls back to the shell form; valid JSON holding a non-string is an error. This scanner
// validates the whole JSON grammar (iteratively: nesting depth costs no stack) and locates
// every top-level string.

import { listOf } from './lists';

export interface JsonElement {
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

export type JsonArrayResult =
  | { readonly kind: 'strings'; readonly elements: readonly JsonElement[]; readonly close: number }
  | { readonly kind: 'non-strings'; readonly at: number; readonly close: number; readonly elements: readonly JsonElement[] }
  | { readonly kind: 'invalid'; readonly reason: string; readonly at: number };

// An array with no string element (or not collected) shares this list; not frozen (V8 walks a
// frozen array in a for-of through an allocated iterator), handed out read-only.
const NO_ELEMENTS: JsonElement[] = [];

// encoding/json refuses deeper nesting.
const MAX_DEPTH = 10000;

const enum Expect {
  ValueOrClose,
  Value,
  KeyOrClose,
  Key,
  AfterValue,
}

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * Parses `s[from, to)`, which starts with `[`. `collect` false leaves `elements` empty, for a
 * caller that only asks what kind of array it is (the split that follows reads the elements).
 */
export function parseJsonArray(s: string, from: number, to: number, collect = true): JsonArrayResult {
  let elements = NO_ELEMENTS;
  // How deep the scan is (1: in the top-level array), and above that whether each open value is
  // an object (true) or an array: made only for nested values (most exec forms have none).
  let depth = 1;
  let nested: boolean[] | undefined;
  let nonStringAt = -1;
  let pos = from + 1;
  let expect = Expect.ValueOrClose;
  for (;;) {
    while (pos < to && isJsonSpace(s.charCodeAt(pos))) pos++;
    if (pos >= to) {
      return { kind: 'invalid', reason: depth > 1 ? 'a nested JSON value is not closed' : 'the JSON array is not closed with ]', at: to };
    }
    const c = s.charCodeAt(pos);
    const inObject = depth > 1 && nested![depth - 2];
    if (expect === Expect.AfterValue) {
      if (c === 0x2c /* , */) {
        pos++;
        expect = inObject ? Expect.Key : Expect.Value;
        continue;
      }
      if (c === (inObject ? 0x7d : 0x5d)) {
        pos++;
        if (--depth === 0) return finish(s, pos, to, elements, nonStringAt);
        continue;
      }
      return { kind: 'invalid', reason: `expected , or ${inObject ? '}' : ']'} but found ${describe(s, pos, to)}`, at: pos };
    }
    if ((expect === Expect.ValueOrClose && c === 0x5d) || (expect === Expect.KeyOrClose && c === 0x7d)) {
      pos++;
      if (--depth === 0) return finish(s, pos, to, elements, nonStringAt);
      expect = Expect.AfterValue;
      continue;
    }
    if (expect === Expect.Key || expect === Expect.KeyOrClose) {
      if (c !== 0x22) return { kind: 'invalid', reason: `an object key must be a string, found ${describe(s, pos, to)}`, at: pos };
      const end = scanString(s, pos, to);
      if (typeof end !== 'number') return end;
      pos = end;
      while (pos < to && isJsonSpace(s.charCodeAt(pos))) pos++;
      if (s.charCodeAt(pos) !== 0x3a /* : */) return { kind: 'invalid', reason: `expected : after an object key`, at: pos };
      pos++;
      expect = Expect.Value;
      continue;
    }
    // A value.
    const topLevel = depth === 1;
    if (c === 0x22) {
      const end = scanString(s, pos, to);
      if (typeof end !== 'number') return end;
      if (topLevel && collect) {
        const element = { start: pos, end, value: decodedValue(s, pos, end) };
        if (elements === NO_ELEMENTS) elements = listOf(element);
        else elements.push(element);
      }
      pos = end;
      expect = Expect.AfterValue;
      continue;
    }
    if (topLevel && nonStringAt < 0) nonStringAt = pos;
    if (c === 0x5b || c === 0x7b) {
      if (depth >= MAX_DEPTH) return { kind: 'invalid', reason: 'JSON nested too deeply', at: pos };
      (nested ??= [])[depth - 1] = c === 0x7b;
      depth++;
      pos++;
      expect = c === 0x7b ? Expect.KeyOrClose : Expect.ValueOrClose;
      continue;
    }
    const end = scanScalar(s, pos, to);
    if (end < 0) {
      const reason =
        c === 0x27 ? "JSON strings need double quotes (\"), not single quotes (')" : `${describe(s, pos, to)} is not a JSON value`;
      return { kind: 'invalid', reason, at: pos };
    }
    pos = end;
    expect = Expect.AfterValue;
  }
}

function finish(s: string, pos: number, to: number, elements: JsonElement[], nonStringAt: number): JsonArrayResult {
  const close = pos - 1;
  while (pos < to && isJsonSpace(s.charCodeAt(pos))) pos++;
  if (pos < to) return { kind: 'invalid', reason: `unexpected text after the closing ]: ${describe(s, pos, to)}`, at: pos };
  if (nonStringAt >= 0) return { kind: 'non-strings', at: nonStringAt, close, elements };
  return { kind: 'strings', elements, close };
}

/** What stands at `pos`, for a message: up to ten characters, never past `to` (the text may go on with the next line). */
function describe(s: string, pos: number, to: number): string {
  return JSON.stringify(s.slice(pos, Math.min(pos + 10, to)));
}

/** Scans a string starting at the quote; returns the offset after the closing quote. */
function scanString(s: string, pos: number, to: number): number | JsonArrayResult {
  const open = pos;
  pos++;
  while (pos < to) {
    const c = s.charCodeAt(pos);
    if (c === 0x22) return pos + 1;
    if (c < 0x20) return { kind: 'invalid', reason: 'a control character must be escaped inside a JSON string', at: pos };
    if (c === 0x5c) {
      const e = s.charCodeAt(pos + 1);
      if (e === 0x75 /* u */) {
        for (let k = 2; k < 6; k++) {
          if (!isHex(s.charCodeAt(pos + k)) || pos + k >= to) return { kind: 'invalid', reason: 'invalid \\u escape in a JSON string', at: pos };
        }
        pos += 6;
        continue;
      }
      if (pos + 1 < to && (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74)) {
        pos += 2;
        continue;
      }
      return { kind: 'invalid', reason: `invalid escape ${JSON.stringify(s.slice(pos, Math.min(pos + 2, to)))} in a JSON string`, at: pos };
    }
    pos++;
  }
  return { kind: 'invalid', reason: 'a JSON string is not closed with "', at: open };
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** The decoded value of a valid JSON string `s[start, end)` (quotes included), as Go decodes it. */
function decodedValue(s: string, start: number, end: number): string {
  const body = s.slice(start + 1, end - 1);
  if (body.indexOf('\\') < 0) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c !== 0x5c) {
      out += body[i];
      continue;
    }
    const e = body[++i];
    switch (e) {
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        const unit = parseInt(body.slice(i + 1, i + 5), 16);
        i += 4;
        if (unit >= 0xd800 && unit < 0xdc00) {
          // A high surrogate pairs only with an escaped low surrogate right after it.
          if (body[i + 1] === '\\' && body[i + 2] === 'u') {
            const low = parseInt(body.slice(i + 3, i + 7), 16);
            if (low >= 0xdc00 && low < 0xe000) {
              out += String.fromCharCode(unit, low);
              i += 6;
              break;
            }
          }
          out += '\ufffd';
        } else if (unit >= 0xdc00 && unit < 0xe000) {
          out += '\ufffd';
        } else {
          out += String.fromCharCode(unit);
        }
        break;
      }
      default:
        out += e;
    }
  }
  return out;
}

/** Scans a number or literal; returns its end, or -1 when it is not one. */
function scanScalar(s: string, pos: number, to: number): number {
  const c = s.charCodeAt(pos);
  for (const literal of ['true', 'false', 'null']) {
    if (c === literal.charCodeAt(0)) return s.startsWith(literal, pos) && pos + literal.length <= to ? pos + literal.length : -1;
  }
  let i = pos;
  if (s.charCodeAt(i) === 0x2d) i++;
  const first = s.charCodeAt(i);
  if (first === 0x30) i++;
  else if (first >= 0x31 && first <= 0x39) while (i < to && isDigitCode(s.charCodeAt(i))) i++;
  else return -1;
  if (s.charCodeAt(i) === 0x2e /* . */ && i < to) {
    i++;
    if (!(i < to && isDigitCode(s.charCodeAt(i)))) return -1;
    while (i < to && isDigitCode(s.charCodeAt(i))) i++;
  }
  const e = s.charCodeAt(i);
  if ((e === 0x65 || e === 0x45) && i < to) {
    i++;
    const sign = s.charCodeAt(i);
    if (sign === 0x2b || sign === 0x2d) i++;
    if (!(i < to && isDigitCode(s.charCodeAt(i)))) return -1;
    while (i < to && isDigitCode(s.charCodeAt(i))) i++;
  }
  return i;
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
