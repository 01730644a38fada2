// Offsets ↔ LSP positions. Lines end at "\r\n", "\r" or "\n", exactly as LSP and
// vscode-languageserver-textdocument count them; characters are UTF-16 code units, which is
// what a JavaScript string index already is, so a position is (line, offset - lineStart).
import type { Position, Range } from './types';

export class LineIndex {
  /** Offset at which each line starts; lineStarts[0] is 0. */
  readonly lineStarts: readonly number[];
  private readonly starts: number[];
  private readonly length: number;
  private readonly text: string;
  // Tokens are mostly asked for in document order: remembering the last line answered turns
  // the usual lookup into a comparison or two instead of a binary search.
  private lastLine = 0;

  constructor(text: string) {
    const starts = [0];
    const length = text.length;
    let searchFrom = 0;
    for (;;) {
      const lf = text.indexOf('\n', searchFrom);
      const cr = text.indexOf('\r', searchFrom);
      if (lf < 0 && cr < 0) break;
      if (cr >= 0 && (lf < 0 || cr < lf)) {
        const next = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
        starts.push(next);
        searchFrom = next;
        // A file with many lone CRs would rescan for '\n' each time; skip ahead when none is left.
        if (lf < 0) {
          for (let i = next; i < length; i++) if (text.charCodeAt(i) === 13) starts.push(i + 1);
          break;
        }
      } else {
        starts.push(lf + 1);
        searchFrom = lf + 1;
      }
    }
    this.starts = starts;
    this.lineStarts = starts;
    this.length = length;
    this.text = text;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The line holding `offset` (clamped to the text). */
  lineAt(offset: number): number {
    const starts = this.starts;
    if (offset <= 0) return 0;
    if (offset >= this.length) offset = this.length;
    let line = this.lastLine;
    if (starts[line] <= offset && (line + 1 >= starts.length || offset < starts[line + 1])) return line;
    if (line + 1 < starts.length && starts[line + 1] <= offset && (line + 2 >= starts.length || offset < starts[line + 2])) {
      this.lastLine = line + 1;
      return line + 1;
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    line = low;
    this.lastLine = line;
    return line;
  }

  positionAt(offset: number): Position {
    if (offset < 0) offset = 0;
    else if (offset > this.length) offset = this.length;
    const line = this.lineAt(offset);
    return { line, character: offset - this.starts[line] };
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The offset of an LSP position; characters past the end of a line clamp to its end. */
  offsetAt(position: Position): number {
    const starts = this.starts;
    if (position.line < 0) return 0;
    if (position.line >= starts.length) return this.length;
    const lineStart = starts[position.line];
    const nextStart = position.line + 1 < starts.length ? starts[position.line + 1] : this.length;
    // The end of a line is before its line break, never inside "\r\n".
    let lineEnd = nextStart;
    if (position.line + 1 < starts.length) {
      lineEnd = nextStart - 1;
      if (lineEnd > lineStart && this.text.charCodeAt(lineEnd) === 10 && this.text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    }
    return Math.min(Math.max(lineStart + position.character, lineStart), lineEnd);
  }

  /** Start offset of `line` (clamped). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.starts.length) return this.length;
    return this.starts[line];
  }
}
