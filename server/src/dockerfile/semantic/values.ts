// The semantic model's small values (expanded words, variable states, bindings, definitions,
// instruction facts), made by constructors rather than object literals.
//
// Why constructors: V8 tracks where object literals are allocated and, when most objects of one
// site outlive a young-generation collection, allocates that site's later objects straight in
// the old generation ("pretenuring"). Models are built and dropped again and again (on every
// edit; by the CLI, once per file it lints): pretenured objects then die at once, and until a
// full collection frees them they keep the young objects they point to alive, which the next
// collections copy. Objects made by constructor calls are not tracked that way.
import type { VariableState } from '../syntax/shellLexer';
import type { Instruction, Token } from '../syntax/types';
import type { Binding } from './scope';
import type { ExpandedWord, FileEffects, InstructionEffect, InstructionFacts, VariableDefinition } from './types';

/** The facts of an instruction that visibly creates and deletes no file. */
export const NO_FILES: FileEffects = Object.freeze({ created: Object.freeze([]), deleted: Object.freeze([]) });

export class Word implements ExpandedWord {
  declare readonly value: string;
  declare readonly unknown: boolean;
  declare readonly error: string | undefined;
  constructor(value: string, unknown: boolean, error: string | undefined) {
    this.value = value;
    this.unknown = unknown;
    this.error = error;
  }
}

export class SetState {
  declare readonly kind: 'set';
  declare readonly value: string;
  constructor(value: string) {
    this.kind = 'set';
    this.value = value;
  }
}

export class ScopeBinding implements Binding {
  declare readonly state: VariableState;
  declare readonly definition: VariableDefinition | undefined;
  constructor(state: VariableState, definition: VariableDefinition | undefined) {
    this.state = state;
    this.definition = definition;
  }
}

export class Pair {
  declare readonly key: ExpandedWord;
  declare readonly value: ExpandedWord | undefined;
  constructor(key: ExpandedWord, value: ExpandedWord | undefined) {
    this.key = key;
    this.value = value;
  }
}

export class Definition implements VariableDefinition {
  declare readonly name: string;
  declare readonly kind: VariableDefinition['kind'];
  declare readonly stageIndex: number | undefined;
  declare readonly instruction: Instruction | undefined;
  declare readonly nameToken: Token | undefined;
  declare readonly valueToken: Token | undefined;
  declare readonly value: VariableState;
  declare readonly source: VariableDefinition['source'];
  constructor(
    name: string,
    kind: VariableDefinition['kind'],
    stageIndex: number | undefined,
    instruction: Instruction | undefined,
    nameToken: Token | undefined,
    valueToken: Token | undefined,
    value: VariableState,
    source: VariableDefinition['source'],
  ) {
    this.name = name;
    this.kind = kind;
    this.stageIndex = stageIndex;
    this.instruction = instruction;
    this.nameToken = nameToken;
    this.valueToken = valueToken;
    this.value = value;
    this.source = source;
  }
}

export class PlainFacts implements InstructionFacts {
  declare readonly instruction: Instruction;
  declare readonly stageIndex: number | undefined;
  declare readonly effect: InstructionEffect;
  declare readonly expandedArgs: readonly ExpandedWord[] | undefined;
  declare readonly expandedPairs: InstructionFacts['expandedPairs'];
  declare readonly files: FileEffects;
  constructor(instruction: Instruction, stageIndex: number | undefined, effect: InstructionEffect, expandedArgs: readonly ExpandedWord[] | undefined, expandedPairs: InstructionFacts['expandedPairs']) {
    this.instruction = instruction;
    this.stageIndex = stageIndex;
    this.effect = effect;
    this.expandedArgs = expandedArgs;
    this.expandedPairs = expandedPairs;
    this.files = NO_FILES;
  }
}
