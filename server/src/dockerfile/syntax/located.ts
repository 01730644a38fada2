// Located values. A 10,000-line Dockerfile has hundreds of thousands of them; giving each its
// LSP range up front would mean three more objects apiece (the range and two positions), most
// of which nobody ever reads. So `range` (and a token's `text`) is computed when read, from
// offsets and the document's line index. The values stay immutable and serialise with their
// ranges (toJSON); spreading one (`{...token}`) copies only its own fields — read them instead.
import type { LineIndex } from './lineIndex';
import type { Range, Span, Token } from './types';

/** The text a tree was parsed from, with its line index. */
export interface SourceText {
  readonly text: string;
  readonly lines: LineIndex;
  /** The escape character's code (`\\` or `` ` ``), for splitting instructions on demand. */
  readonly escape: number;
  /**
   * `[0, 0]`: with it the source reads as a logical line whose offsets are source offsets. An
   * instruction on one line is split and expanded in place that way, with no line made for it.
   */
  readonly map: readonly number[];
  /**
   * Set for the source of a parse that kept an earlier version's nodes: the strings its nodes
   * keep are then copies, not slices of the text (see detach.ts and Parser.reuse).
   */
  readonly detachTexts?: boolean;
}

/** The map of a logical line that is the source itself. */
export const SOURCE_MAP: readonly number[] = [0, 0];

// Fields are declared, not initialised by class-field syntax, and assigned once in the
// constructor: that keeps construction as cheap as an object literal.
export class SpanNode implements Span {
  declare readonly start: number;
  declare readonly end: number;
  /** The text and line index the range is computed from. */
  declare readonly source: SourceText;

  constructor(start: number, end: number, source: SourceText) {
    this.start = start;
    this.end = end;
    this.source = source;
  }

  get range(): Range {
    return this.source.lines.rangeOf(this.start, this.end);
  }

  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(this)) if (key !== 'source') json[key] = value;
    json.range = this.range;
    return json;
  }
}

export class TokenNode extends SpanNode implements Token {
  declare readonly value: string;

  constructor(start: number, end: number, source: SourceText, value: string) {
    super(start, end, source);
    this.value = value;
  }

  get text(): string {
    return this.source.text.slice(this.start, this.end);
  }

  // A token whose text holds nothing to substitute, unquote or unescape is its own expansion:
  // the semantic model hands the token out as the expanded word (`unknown` false, no `error`)
  // instead of making one more object per word.
  get unknown(): boolean {
    return false;
  }

  get error(): string | undefined {
    return undefined;
  }

  override toJSON(): Record<string, unknown> {
    const json = super.toJSON();
    json.text = this.text;
    return json;
  }
}

/** Sorts located values by start, in place; most lists arrive sorted, and those are left as they are. */
export function sortByStart<T extends { readonly start: number }>(values: T[]): T[] {
  for (let i = 1; i < values.length; i++) {
    if (values[i - 1].start > values[i].start) return values.sort((a, b) => a.start - b.start);
  }
  return values;
}
