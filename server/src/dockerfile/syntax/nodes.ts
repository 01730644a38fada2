// The concrete, immutable-by-contract classes behind the syntax tree's interfaces (types.ts).
// Fields are set while parsing only; consumers see the readonly interfaces.
import { SpanNode, type SourceText } from './located';
import type {
  Comment,
  Directive,
  Flag,
  Heredoc,
  JsonFallback,
  KeyValue,
  Problem,
  ProblemCode,
  ProblemSeverity,
  Span,
  Token,
} from './types';

export class CommentNode extends SpanNode implements Comment {
  declare readonly value: string;

  constructor(
    start: number,
    end: number,
    source: SourceText,
    value: string,
  ) {
    super(start, end, source);
    this.value = value;
  }
}

export class DirectiveNode extends SpanNode implements Directive {
  declare readonly name: Directive['name'];
  declare readonly nameToken: Token;
  declare readonly valueToken: Token;

  constructor(
    start: number,
    end: number,
    source: SourceText,
    name: Directive['name'],
    nameToken: Token,
    valueToken: Token,
  ) {
    super(start, end, source);
    this.name = name;
    this.nameToken = nameToken;
    this.valueToken = valueToken;
  }
}

export class FlagNode extends SpanNode implements Flag {
  declare readonly name: Token;
  declare readonly value: Token | undefined;
  declare readonly raw: string;

  constructor(
    start: number,
    end: number,
    source: SourceText,
    name: Token,
    value: Token | undefined,
    raw: string,
  ) {
    super(start, end, source);
    this.name = name;
    this.value = value;
    this.raw = raw;
  }
}

export class KeyValueNode extends SpanNode implements KeyValue {
  declare readonly key: Token;
  declare readonly value: Token | undefined;
  /** Source offset of the `=`, or -1: its span is made when read. */
  private declare readonly equalsAt: number;

  constructor(
    start: number,
    end: number,
    source: SourceText,
    key: Token,
    equalsAt: number,
    value: Token | undefined,
  ) {
    super(start, end, source);
    this.key = key;
    this.value = value;
    this.equalsAt = equalsAt;
  }

  get equals(): Span | undefined {
    return this.equalsAt < 0 ? undefined : new SpanNode(this.equalsAt, this.equalsAt + 1, this.source);
  }

  override toJSON(): Record<string, unknown> {
    const json = super.toJSON();
    delete json.equalsAt;
    json.equals = this.equals;
    return json;
  }
}

export class JsonFallbackNode extends SpanNode implements JsonFallback {
  declare readonly reason: string;

  constructor(
    start: number,
    end: number,
    source: SourceText,
    reason: string,
  ) {
    super(start, end, source);
    this.reason = reason;
  }
}

export class HeredocNode extends SpanNode implements Heredoc {
  declare readonly marker: Token;
  declare readonly name: string;
  declare readonly fileDescriptor: number | undefined;
  declare readonly expand: boolean;
  declare readonly stripTabs: boolean;
  declare readonly content: string;
  declare readonly body: Span;
  declare readonly terminator: Span | undefined;

  constructor(
    start: number,
    end: number,
    source: SourceText,
    marker: Token,
    name: string,
    fileDescriptor: number | undefined,
    expand: boolean,
    stripTabs: boolean,
    content: string,
    body: Span,
    terminator: Span | undefined,
  ) {
    super(start, end, source);
    this.marker = marker;
    this.name = name;
    this.fileDescriptor = fileDescriptor;
    this.expand = expand;
    this.stripTabs = stripTabs;
    this.content = content;
    this.body = body;
    this.terminator = terminator;
  }
}

export class ProblemNode extends SpanNode implements Problem {
  declare readonly code: ProblemCode;
  declare readonly severity: ProblemSeverity;
  declare readonly message: string;

  constructor(
    start: number,
    end: number,
    source: SourceText,
    code: ProblemCode,
    severity: ProblemSeverity,
    message: string,
  ) {
    super(start, end, source);
    this.code = code;
    this.severity = severity;
    this.message = message;
  }
}

/** Most lists are empty; they all share this one frozen array. */
export const EMPTY: readonly never[] = Object.freeze([]);
