// Character classes as BuildKit (Go) defines them, on UTF-16 code units.

/** Go's unicode.IsSpace. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** The whitespace of BuildKit's `[\t\v\f\r ]+` splitting regexp. */
export function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0b || code === 0x0c || code === 0x0d;
}

export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

export function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Start of `s` after Go's strings.TrimSpace / TrimLeftFunc(unicode.IsSpace). */
export function skipSpace(s: string, from: number, to: number): number {
  while (from < to && isSpace(s.charCodeAt(from))) from++;
  return from;
}

/** End of `s` after trimming trailing Unicode spaces. */
export function trimSpaceEnd(s: string, from: number, to: number): number {
  while (to > from && isSpace(s.charCodeAt(to - 1))) to--;
  return to;
}

const LETTER = /\p{L}/u;
const DECIMAL = /\p{Nd}/u;

/** Go's unicode.IsLetter || unicode.IsDigit || '_' on one code unit. */
export function isNameChar(code: number): boolean {
  if (code < 0x80) return isAsciiLetter(code) || isDigit(code) || code === 0x5f;
  // Astral characters arrive as surrogate halves; none of the rare astral letters is worth a lookup.
  if (code >= 0xd800 && code <= 0xdfff) return false;
  const ch = String.fromCharCode(code);
  return LETTER.test(ch) || DECIMAL.test(ch);
}

/** Go's unicode.IsDigit on one code unit. */
export function isUnicodeDigit(code: number): boolean {
  if (code < 0x80) return isDigit(code);
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return DECIMAL.test(String.fromCharCode(code));
}

/** Length of the text both versions of a document start with. */
export function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  // Compare in blocks first (native string comparison), then character by character.
  const block = 4096;
  let at = 0;
  while (at + block <= limit && a.substr(at, block) === b.substr(at, block)) at += block;
  while (at < limit && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** Past this many characters a native search beats a loop over character codes. */
export const NATIVE_SEARCH_LENGTH = 64;

/** Offset of the first `code` in `text[from, to)`, or -1 (indexOf would search past `to`). */
export function indexIn(text: string, from: number, to: number, code: number): number {
  if (to - from > NATIVE_SEARCH_LENGTH) {
    // Long ranges: the native search over a slice (a view, not a copy), bounded by it.
    const at = (from === 0 && to === text.length ? text : text.slice(from, to)).indexOf(String.fromCharCode(code));
    return at < 0 ? -1 : from + at;
  }
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}
