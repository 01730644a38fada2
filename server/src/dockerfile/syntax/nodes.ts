// The concrete, immutable-by-contract classes behind the syntax tree's interfaces (types.ts).
// Fields are set while parsing only; consumers see the readonly interfaces.
import { SpanNode, type SourceText } from './located';
import type {
  Comment,
  Directive,
  ExecForm,
  Flag,
  Heredoc,
  Instruction,
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
  declare readonly equals: Span | undefined;
  declare readonly value: Token | undefined;

  constructor(
    start: number,
    end: number,
    source: SourceText,
    key: Token,
    equals: Span | undefined,
    value: Token | undefined,
  ) {
    super(start, end, source);
    this.key = key;
    this.equals = equals;
    this.value = value;
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

/** An instruction; the parser fills its fields, then hands it out as the readonly Instruction. */
export class InstructionNode extends SpanNode implements Instruction {
  declare keyword: Token;
  declare name: string;
  declare known: boolean;
  declare flags: readonly Flag[];
  declare argumentsText: Token | undefined;
  declare args: readonly Token[];
  declare form: 'exec' | 'shell' | undefined;
  declare exec: ExecForm | undefined;
  declare jsonFallback: JsonFallback | undefined;
  declare keyValues: readonly KeyValue[];
  declare legacyKeyValue: boolean;
  declare heredocs: readonly Heredoc[];
  declare trigger: Instruction | undefined;
  declare comments: readonly Comment[];
  declare precedingComments: readonly Comment[];
  declare emptyContinuationLines: readonly number[];
  declare continuations: readonly Span[];
  declare logicalText: string;
  declare logicalMap: readonly number[];

  constructor(start: number, end: number, source: SourceText, keyword: Token, name: string, known: boolean, logicalText: string, logicalMap: readonly number[]) {
    super(start, end, source);
    // Every field is assigned here, in one order, so all instructions share one shape.
    this.keyword = keyword;
    this.name = name;
    this.known = known;
    this.flags = EMPTY;
    this.argumentsText = undefined;
    this.args = EMPTY;
    this.form = undefined;
    this.exec = undefined;
    this.jsonFallback = undefined;
    this.keyValues = EMPTY;
    this.legacyKeyValue = false;
    this.heredocs = EMPTY;
    this.trigger = undefined;
    this.comments = EMPTY;
    this.precedingComments = EMPTY;
    this.emptyContinuationLines = EMPTY;
    this.continuations = EMPTY;
    this.logicalText = logicalText;
    this.logicalMap = logicalMap;
  }

  /** Moves the instruction to its final span (continuations and here-documents included). */
  relocate(start: number, end: number): void {
    (this as { start: number }).start = start;
    (this as { end: number }).end = end;
  }
}
