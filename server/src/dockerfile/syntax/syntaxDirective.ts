// Which frontend builds the file, found the way BuildKit's DetectSyntax finds it before any
// Dockerfile parsing: after a byte order mark and a `#!` line, a `# syntax=…` directive among
// the first lines; else the same with `//` comments; else a whole-file JSON object's "syntax"
// key. The last two are for frontends that do not read Dockerfile syntax at all.
import { isAsciiLetter, isDigit } from './chars';
import { SpanNode, TokenNode, type SourceText } from './located';
import type { Span, Token } from './types';

export interface SyntaxDirective extends Span {
  /** How it was written: `# syntax=`, `// syntax=`, or `{"syntax": …}`. */
  readonly form: '#' | '//' | 'json';
  /** The frontend image reference (the value up to its first space), e.g. `docker/dockerfile:1`. */
  readonly image: string;
  /** The whole value (BuildKit passes what follows the image to the frontend as its command line). */
  readonly value: Token;
}

/** BuildKit's DetectSyntax over `text`; undefined when no frontend is named. */
export function detectSyntax(source: SourceText): SyntaxDirective | undefined {
  const text = source.text;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.startsWith('#!', start)) {
    const newline = text.indexOf('\n', start);
    start = newline < 0 ? text.length : newline + 1;
  }
  return directiveSyntax(source, start, '#') ?? directiveSyntax(source, start, '//') ?? jsonSyntax(source, start);
}

/** BuildKit's DirectiveParser with a comment prefix: directives on the first lines, one per line. */
function directiveSyntax(source: SourceText, from: number, prefix: '#' | '//'): SyntaxDirective | undefined {
  const text = source.text;
  const seen = new Set<string>();
  let pos = from;
  while (pos < text.length) {
    const newline = text.indexOf('\n', pos);
    const lineEnd = newline < 0 ? text.length : newline;
    const next = newline < 0 ? text.length : newline + 1;
    const match = matchDirective(text, pos, lineEnd, prefix);
    if (!match) return undefined;
    const name = text.slice(match.nameStart, match.nameEnd).toLowerCase();
    if (name !== 'syntax' && name !== 'escape' && name !== 'check') return undefined;
    // A repeated directive is an error for BuildKit: it stops looking there.
    if (seen.has(name)) return undefined;
    seen.add(name);
    if (name === 'syntax') {
      const value = text.slice(match.valueStart, match.valueEnd);
      const space = value.indexOf(' ');
      return syntaxNode(source, pos, lineEnd, prefix, space < 0 ? value : value.slice(0, space), new TokenNode(match.valueStart, match.valueEnd, source, value));
    }
    pos = next;
  }
  return undefined;
}

interface DirectiveMatch {
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly valueStart: number;
  readonly valueEnd: number;
}

/** `^PREFIX\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$` on one line, without a regular expression. */
function matchDirective(text: string, start: number, end: number, prefix: string): DirectiveMatch | undefined {
  if (!text.startsWith(prefix, start)) return undefined;
  let i = start + prefix.length;
  while (i < end && isRegexSpace(text.charCodeAt(i))) i++;
  const nameStart = i;
  if (i >= end || !isAsciiLetter(text.charCodeAt(i))) return undefined;
  while (i < end && (isAsciiLetter(text.charCodeAt(i)) || isDigit(text.charCodeAt(i)))) i++;
  const nameEnd = i;
  while (i < end && isRegexSpace(text.charCodeAt(i))) i++;
  if (i >= end || text.charCodeAt(i) !== 0x3d) return undefined;
  i++;
  if (i >= end) return undefined;
  while (i < end && isRegexSpace(text.charCodeAt(i))) i++;
  // The value is at least one character, even when only spaces follow the `=`.
  const valueStart = i < end ? i : end - 1;
  let valueEnd = end;
  while (valueEnd > valueStart + 1 && isRegexSpace(text.charCodeAt(valueEnd - 1))) valueEnd--;
  return { nameStart, nameEnd, valueStart, valueEnd };
}

/** The whole text as a JSON object of strings (Go: json.Unmarshal into map[string]string). */
function jsonSyntax(source: SourceText, from: number): SyntaxDirective | undefined {
  const text = source.text;
  let i = from;
  while (i < text.length && isRegexSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 0x7b /* { */) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(from));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const entries = Object.entries(parsed as Record<string, unknown>);
  if (!entries.every(([, value]) => typeof value === 'string' || value === null)) return undefined;
  const value = (parsed as Record<string, unknown>).syntax;
  if (typeof value !== 'string') return undefined;
  // Locate the value for ranges: the first "syntax" key's string (exact enough for an editor).
  const at = locateJsonValue(text, from, value);
  const token = new TokenNode(at.start, at.end, source, value);
  return syntaxNode(source, at.start, at.end, 'json', value, token);
}

function locateJsonValue(text: string, from: number, value: string): { start: number; end: number } {
  const key = text.indexOf('"syntax"', from);
  if (key >= 0) {
    const open = text.indexOf('"', text.indexOf(':', key + 8) + 1);
    if (open >= 0) {
      let close = open + 1;
      while (close < text.length && text.charCodeAt(close) !== 0x22) close += text.charCodeAt(close) === 0x5c ? 2 : 1;
      return { start: open + 1, end: Math.min(close, text.length) };
    }
  }
  return { start: from, end: from + Math.min(value.length, text.length - from) };
}

class SyntaxDirectiveNode extends SpanNode implements SyntaxDirective {
  declare readonly form: SyntaxDirective['form'];
  declare readonly image: string;
  declare readonly value: Token;

  constructor(start: number, end: number, source: SourceText, form: SyntaxDirective['form'], image: string, value: Token) {
    super(start, end, source);
    this.form = form;
    this.image = image;
    this.value = value;
  }
}

function syntaxNode(source: SourceText, start: number, end: number, form: SyntaxDirective['form'], image: string, value: Token): SyntaxDirective {
  let lineEnd = end;
  while (lineEnd > start && source.text.charCodeAt(lineEnd - 1) === 0x0d) lineEnd--;
  return new SyntaxDirectiveNode(start, lineEnd, source, form, image, value);
}

function isRegexSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}
