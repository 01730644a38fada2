// Small facts about the text that edits must respect: line endings (LF or CRLF, per line) and
// indentation, so a fix never mixes styles in the user's file.
import type { TextEdit } from '../rules/types';

/** The line break used by the line holding `offset` (or by the file, on its last line). */
export function lineEndingAt(text: string, offset: number): string {
  const next = text.indexOf('\n', offset);
  if (next > 0) return text[next - 1] === '\r' ? '\r\n' : '\n';
  const previous = text.lastIndexOf('\n', offset);
  if (previous > 0) return text[previous - 1] === '\r' ? '\r\n' : '\n';
  return '\n';
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the end of the line holding `offset` (before its line break). */
export function lineEnd(text: string, offset: number): number {
  const next = text.indexOf('\n', offset);
  if (next < 0) return text.length;
  return text[next - 1] === '\r' ? next - 1 : next;
}

/** The whitespace at the start of the line holding `offset`. */
export function indentationAt(text: string, offset: number): string {
  const start = lineStart(text, offset);
  let end = start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(start, end);
}

/** Applies edits (non-overlapping, any order) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

/** Deletes whole lines [from the line of `start` to the line of `end`], line break included. */
export function deleteLines(text: string, start: number, end: number): TextEdit {
  const from = lineStart(text, start);
  let to = text.indexOf('\n', Math.max(start, end - 1));
  to = to < 0 ? text.length : to + 1;
  return { start: from, end: to, newText: '' };
}
