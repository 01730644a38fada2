// Test fixtures written with markers: ‸ is the cursor, «…» a span that is read (a use) and
// ⟪…⟫ a span that is written (a definition). `marked` strips them and gives offsets; `eols`
// runs a case with LF and with CRLF line ends.
import { LineIndex } from '../../../server/src/dockerfile';

export interface Marked {
  readonly text: string;
  readonly cursor: number;
  readonly reads: ReadonlyArray<{ start: number; end: number }>;
  readonly writes: ReadonlyArray<{ start: number; end: number }>;
  readonly lines: LineIndex;
}

export const EOLS = [
  ['LF', '\n'],
  ['CRLF', '\r\n'],
] as const;

export function withEol(source: string, eol: string): string {
  return source.replace(/\r?\n/g, eol);
}

export function marked(source: string): Marked {
  let text = '';
  let cursor = -1;
  const reads: { start: number; end: number }[] = [];
  const writes: { start: number; end: number }[] = [];
  let open: { start: number; kind: 'read' | 'write' } | undefined;
  for (const char of source) {
    if (char === '‸') cursor = text.length;
    else if (char === '«' || char === '⟪') open = { start: text.length, kind: char === '«' ? 'read' : 'write' };
    else if (char === '»' || char === '⟫') {
      if (!open) throw new Error(`unbalanced marker in ${source}`);
      (open.kind === 'read' ? reads : writes).push({ start: open.start, end: text.length });
      open = undefined;
    } else text += char;
  }
  return { text, cursor, reads, writes, lines: new LineIndex(text) };
}

/** A range as the text it covers, for readable assertions. */
export function sliceOf(text: string, lines: LineIndex, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

export function offsetsOf(lines: LineIndex, range: { start: { line: number; character: number }; end: { line: number; character: number } }): { start: number; end: number } {
  return { start: lines.offsetAt(range.start), end: lines.offsetAt(range.end) };
}

/** Applies LSP text edits (any order, non-overlapping) to a text. */
export function applyTextEdits(text: string, edits: ReadonlyArray<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>): string {
  const lines = new LineIndex(text);
  const sorted = edits.map((edit) => ({ ...offsetsOf(lines, edit.range), newText: edit.newText })).sort((a, b) => b.start - a.start);
  let out = text;
  for (const edit of sorted) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  return out;
}
