// Offsets ↔ LSP positions. Lines end at "\r\n", "\r" or "\n", exactly as LSP and
// vscode-languageserver-textdocument count them; characters are UTF-16 code units, which is
// what a JavaScript string index already is, so a position is (line, offset - lineStart).
import { Int32List } from './int32List';
import type { Position, Range } from './types';

/** The line starts being found, copied out at their size: one list for every index (see the constructor). */
const scratch = new Int32List(1024);

export class LineIndex {
  /** Offset at which each line starts; lineStarts[0] is 0. */
  readonly lineStarts: Int32Array;
  private readonly starts: Int32Array;
  private readonly length: number;
  private readonly text: string;
  // Tokens are mostly asked for in document order: remembering the last line answered turns
  // the usual lookup into a comparison or two instead of a binary search.
  private lastLine = 0;
  private lastOffset = -1;
  private lastPosition: Position = { line: 0, character: 0 };

  /**
   * `previous`: the index of an earlier version of the text whose first `unchanged` characters
   * are the same; its line starts there are kept and only the rest of the text is scanned.
   */
  constructor(text: string, previous?: LineIndex, unchanged = 0) {
    // Gathered in a list shared by every index and copied out to a typed array of their size:
    // pushed to, a JavaScript array leaves its smaller copies as garbage, and a list of its own
    // per index would be one more typed array to allocate (slower than indexing a small file).
    const starts = scratch;
    starts.length = 0;
    const length = text.length;
    let from = 0;
    if (previous && unchanged > 0) {
      // A line start s depends on the characters s - 1 and s (a CR before an LF is not a break).
      const kept = previous.lineAt(unchanged - 1) + 1;
      starts.pushAll(previous.starts.subarray(0, kept));
      from = starts.get(kept - 1);
    } else {
      starts.push(0);
    }
    // Two cursors, one per break character, each advanced only past what was consumed: a text
    // without any CR must not be rescanned for one at every line.
    let lf = text.indexOf('\n', from);
    let cr = text.indexOf('\r', from);
    while (lf >= 0 || cr >= 0) {
      let next: number;
      if (cr >= 0 && (lf < 0 || cr < lf)) {
        next = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
      } else {
        next = lf + 1;
      }
      starts.push(next);
      if (lf >= 0 && lf < next) lf = text.indexOf('\n', next);
      if (cr >= 0 && cr < next) cr = text.indexOf('\r', next);
    }
    this.starts = starts.toArray();
    this.lineStarts = this.starts;
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
    // Positions are immutable, so one asked for twice in a row is shared.
    if (offset === this.lastOffset) return this.lastPosition;
    const line = this.lineAt(offset);
    const position = { line, character: offset - this.starts[line] };
    this.lastOffset = offset;
    this.lastPosition = position;
    return position;
  }

  rangeOf(start: number, end: number): Range {
    const startPosition = this.positionAt(start);
    return { start: startPosition, end: start === end ? startPosition : this.positionAt(end) };
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
