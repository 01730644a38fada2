// The concrete classes behind the semantic model's located interfaces (types.ts): their LSP
// ranges are computed when read, like the syntax tree's.
import { SpanNode, type SourceText } from '../syntax/located';
import type { VariableState } from '../syntax/shellLexer';
import type { Instruction, Span, Token } from '../syntax/types';
import type { ExpandedWord, InstructionFacts, ReferenceContext, Stage, StageBase, StageReference, VariableDefinition, VariableReference } from './types';

export class VariableReferenceNode extends SpanNode implements VariableReference {
  declare readonly name: string;
  declare readonly nameSpan: Span;
  declare readonly braced: boolean;
  declare readonly operator: string | undefined;
  declare readonly context: ReferenceContext;
  declare readonly instruction: Instruction;
  declare readonly stageIndex: number | undefined;
  declare readonly definition: VariableDefinition | undefined;
  declare readonly value: VariableState;

  constructor(
    start: number,
    end: number,
    source: SourceText,
    name: string,
    nameSpan: Span,
    braced: boolean,
    operator: string | undefined,
    context: ReferenceContext,
    instruction: Instruction,
    stageIndex: number | undefined,
    definition: VariableDefinition | undefined,
    value: VariableState,
  ) {
    super(start, end, source);
    this.name = name;
    this.nameSpan = nameSpan;
    this.braced = braced;
    this.operator = operator;
    this.context = context;
    this.instruction = instruction;
    this.stageIndex = stageIndex;
    this.definition = definition;
    this.value = value;
  }
}

export class StageReferenceNode extends SpanNode implements StageReference {
  declare readonly kind: StageReference['kind'];
  declare readonly name: string;
  declare readonly instruction: Instruction;
  declare readonly stageIndex: number | undefined;

  constructor(
    start: number,
    end: number,
    source: SourceText,
    kind: StageReference['kind'],
    name: string,
    instruction: Instruction,
    stageIndex: number | undefined,
  ) {
    super(start, end, source);
    this.kind = kind;
    this.name = name;
    this.instruction = instruction;
    this.stageIndex = stageIndex;
  }
}

export class StageNode extends SpanNode implements Stage {
  declare readonly index: number;
  declare readonly name: string | undefined;
  declare readonly nameToken: Token | undefined;
  declare readonly from: Instruction;
  declare readonly instructions: readonly Instruction[];
  declare readonly baseToken: Token | undefined;
  declare readonly baseName: ExpandedWord | undefined;
  declare readonly base: StageBase;
  declare readonly platform: ExpandedWord | undefined;
  declare readonly triggers: readonly InstructionFacts[];

  constructor(
    start: number,
    end: number,
    source: SourceText,
    index: number,
    name: string | undefined,
    nameToken: Token | undefined,
    from: Instruction,
    instructions: readonly Instruction[],
    baseToken: Token | undefined,
    baseName: ExpandedWord | undefined,
    base: StageBase,
    platform: ExpandedWord | undefined,
    triggers: readonly InstructionFacts[],
  ) {
    super(start, end, source);
    this.index = index;
    this.name = name;
    this.nameToken = nameToken;
    this.from = from;
    this.instructions = instructions;
    this.baseToken = baseToken;
    this.baseName = baseName;
    this.base = base;
    this.platform = platform;
    this.triggers = triggers;
  }
}
