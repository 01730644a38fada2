// Variable references in text a shell will run (RUN, and the shell form of CMD, ENTRYPOINT and
// HEALTHCHECK): BuildKit does not substitute there, the shell does at run time. This is a
// tolerant scan for `$name` and `${name…}` that honours single quotes and backslashes; it does
// not evaluate anything.
import { indexIn, isAsciiLetter, isDigit } from '../syntax/chars';
import { listOf } from '../syntax/lists';

export interface ShellReference {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly braced: boolean;
  /** `:-`, `-`, `:+`, `+`, `:?`, `?`, `#`, `##`, `%`, `%%`, `/`, `//`, `:` (substring) or undefined. */
  readonly operator: string | undefined;
}

/** The characters the scan stops at: a backslash, quotes, braces and `$`. */
const SPECIAL = new Uint8Array(0x80);
for (const char of '\\\'"{}$') SPECIAL[char.charCodeAt(0)] = 1;

const OPERATORS = [':-', ':+', ':?', ':=', '##', '%%', '//', '-', '+', '?', '=', '#', '%', '/', ':'];

type Found = { -readonly [K in keyof ShellReference]: ShellReference[K] };

// Most scripts refer to no variable, or to a few: the lists are made when first needed (an empty
// list that is pushed to grows to 17 slots at once). Not frozen: V8 walks a frozen array in a
// for-of through an allocated iterator. Handed out read-only.
const NONE: Found[] = [];

export function scanShellReferences(text: string, from = 0, to = text.length): readonly ShellReference[] {
  let references = NONE;
  // Open braces: the index of the reference they opened, or -1 for a plain `{`.
  let open: number[] | undefined;
  let inDouble = false;
  let i = from;
  while (i < to) {
    // Skip to the next character that matters, within [from, to): the text may be the whole
    // source (an instruction read in place), and a search past `to` would cross the file.
    let c = text.charCodeAt(i);
    while (c >= 0x80 || SPECIAL[c] === 0) {
      if (++i >= to) return references;
      c = text.charCodeAt(i);
    }
    if (c === 0x5c /* \ */) {
      i += 2;
      continue;
    }
    if (c === 0x27 /* ' */ && !inDouble) {
      const close = indexIn(text, i + 1, to, 0x27 /* ' */);
      i = close < 0 ? to : close + 1;
      continue;
    }
    if (c === 0x22 /* " */) {
      inDouble = !inDouble;
      i++;
      continue;
    }
    if (c === 0x7b /* { */) {
      (open ??= []).push(-1);
      i++;
      continue;
    }
    if (c === 0x7d /* } */) {
      const index = open?.pop();
      if (index !== undefined && index >= 0) references[index].end = i + 1;
      i++;
      continue;
    }
    if (c !== 0x24 /* $ */) {
      i++;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if (next === 0x7b /* { */) {
      let nameStart = i + 2;
      // ${#name} (length) and ${!name} (indirection) still name the variable.
      const prefix = text.charCodeAt(nameStart);
      if ((prefix === 0x23 || prefix === 0x21) && isNameStart(text.charCodeAt(nameStart + 1))) nameStart++;
      let nameEnd = nameStart;
      if (isNameStart(text.charCodeAt(nameEnd))) {
        while (nameEnd < to && isNameChar(text.charCodeAt(nameEnd))) nameEnd++;
      } else {
        i += 2;
        continue;
      }
      let operator: string | undefined;
      if (text.charCodeAt(nameEnd) !== 0x7d) operator = OPERATORS.find((candidate) => text.startsWith(candidate, nameEnd));
      // Unclosed until its `}` is seen; keep scanning inside the braces: `${a:-$b}` refers to b too.
      (open ??= []).push(references.length);
      const found: Found = { start: i, end: to, name: text.slice(nameStart, nameEnd), nameStart, nameEnd, braced: true, operator };
      if (references === NONE) references = listOf(found);
      else references.push(found);
      i = nameEnd;
      continue;
    }
    if (isNameStart(next)) {
      let nameEnd = i + 1;
      while (nameEnd < to && isNameChar(text.charCodeAt(nameEnd))) nameEnd++;
      const found: Found = { start: i, end: nameEnd, name: text.slice(i + 1, nameEnd), nameStart: i + 1, nameEnd, braced: false, operator: undefined };
      if (references === NONE) references = listOf(found);
      else references.push(found);
      i = nameEnd;
      continue;
    }
    i++;
  }
  return references;
}

function isNameStart(c: number): boolean {
  return isAsciiLetter(c) || c === 0x5f;
}

function isNameChar(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c) || c === 0x5f;
}
