// Builds the semantic model the way BuildKit's dockerfile2llb walks a Dockerfile: global ARGs
// (with the automatic platform ARGs and --build-arg overrides) feed FROM; each stage starts from
// its base (scratch, an earlier stage, or an image whose environment is not known here) and
// every ARG, ENV and substitution is evaluated in order with BuildKit's own lexer rules.
import { hiddenSlot } from '../syntax/hiddenSlot';
import { logicalToSource, sourceToLogical } from '../syntax/logicalLine';
import { parseDockerfile, type ParsedDockerfile } from '../syntax/parser';
import { lexShellWord, type LexOptions, type VariableState } from '../syntax/shellLexer';
import { AsciiCodes, InstructionNode, type LogicalLine } from '../syntax/instructionParts';
import { SpanNode, TokenNode, sortByStart, type SourceText } from '../syntax/located';
import { ProblemNode } from '../syntax/nodes';
import type { Instruction, Problem, ProblemCode, Span, Token } from '../syntax/types';
import { fileEffects } from './fileEffects';
import { Scope, type Binding } from './scope';
import { normalizeWorkdir } from './paths';
import { parseImageReference } from './imageReference';
import { StageNode, StageReferenceNode, VariableReferenceNode } from './nodes';
import { AUTOMATIC_PLATFORM_ARGS, DEFAULT_LINUX_PATH, PROXY_ARGS, formatPlatform, parsePlatform, platformArgValues } from './predefined';
import { listOf } from '../syntax/lists';
import { spanIndexAt } from '../syntax/spans';
import { scanShellReferences } from './shellReferences';
import { Definition, NO_FILES, Pair, PlainFacts, ScopeBinding, SetState, Word } from './values';
import type {
  AnalyzeOptions,
  DockerfileModel,
  ExpandedWord,
  FileEffects,
  InstructionEffect,
  InstructionFacts,
  ReferenceContext,
  Stage,
  StageBase,
  StageReference,
  VariableDefinition,
  VariableReference,
} from './types';

interface StageState {
  readonly build: Scope;
  readonly image: Scope;
  /** The working directory, when known (an unknown base image's is not). */
  workdir: string | undefined;
}

const UNSET: VariableState = { kind: 'unset' };
// RUN flag values are substituted without quote processing, with `\` as escape (BuildKit's ExpandRaw).
const RAW_FLAG_LEX: LexOptions = { skipProcessQuotes: true, escapeChar: '\\' };
const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;
const MAX_STAGE_NAME_LENGTH = 1024;

/**
 * What the analysis of one version leaves for the analysis of the next: the global scope and
 * each stage's final scopes, and what the stages read from the whole file.
 */
interface ModelMemory {
  readonly global: Scope;
  readonly stageStates: readonly StageState[];
  readonly target: string;
  readonly stageCount: number;
  readonly laterStageNames: ReadonlyMap<string, number>;
  readonly hasOnbuild: boolean;
}

// What the next version's model reuses, kept on the result (see hiddenSlot.ts for why not a WeakMap).
const memories = hiddenSlot<DockerfileModel, ModelMemory>('model memory');

/**
 * Builds the semantic model of a parsed Dockerfile.
 *
 * Given the model of an earlier version of the same document (`previous`) whose parse kept the
 * leading instructions (parseDockerfile's `previous`), the stages made only of kept instructions
 * are kept too — their stage, variables, references, stage references, facts and problems —
 * when nothing they read from the rest of the file changed: the same options, the same target
 * stage (TARGETSTAGE), the same stage names and count (forward and numbered references), and no
 * ONBUILD in either version (a trigger's references are recorded where a later stage runs it).
 * The result is exactly what analysing the tree from scratch gives.
 */
export function analyzeDockerfile(ast: ParsedDockerfile, options: AnalyzeOptions = {}, previous?: DockerfileModel): DockerfileModel {
  const analyzer = new Analyzer(ast, options);
  const model = analyzer.run(previous);
  memories.set(model, analyzer.memory());
  return model;
}

function sameOptions(a: AnalyzeOptions, b: AnalyzeOptions): boolean {
  if (a === b) return true;
  for (const _ in a) return false;
  for (const _ in b) return false;
  return true;
}

function sameNames(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [name, index] of a) if (b.get(name) !== index) return false;
  return true;
}

class Analyzer {
  private readonly buildArgs: Readonly<Record<string, string>>;
  private readonly escapeChar: string;
  private readonly problems: Problem[] = [];
  private readonly variables: VariableDefinition[] = [];
  private readonly globalVariables: VariableDefinition[] = [];
  private readonly references: VariableReference[] = [];
  /**
   * Where the last reference recorded starts, and whether one came before an earlier one (ONBUILD
   * replays, here-documents after their line): checked as they are recorded, the list is sorted
   * at the end only when needed, instead of walking thousands of references once more to find out.
   */
  private lastReferenceStart = -1;
  private referencesOutOfOrder = false;
  private readonly stageReferences: StageReference[] = [];
  private facts: InstructionFacts[] = [];
  private readonly stages: Stage[] = [];
  private readonly stageStates: StageState[] = [];
  private readonly stageIndexByName = new Map<string, number>();
  /** Every stage name in the file with its index (first one wins), to recognise forward references. */
  private readonly laterStageNames = new Map<string, number>();
  private readonly stageCount: number;
  private readonly hasOnbuild: boolean;
  private readonly target: string;
  private global: Scope | undefined;
  /** Off while replaying ONBUILD triggers: their references and problems belong to their own lines (but see problemAt). */
  private recording = true;
  /** On while a trigger of this file is replayed for the first time: its references are recorded then. */
  private recordingTriggerReferences = false;
  /** On while the triggers no stage runs are replayed for their references: they fail no build of this file. */
  private replayingUnrunTriggers = false;
  /** ONBUILD triggers of this file whose references are recorded. */
  private readonly triggersRecorded = new Set<Instruction>();

  private readonly escapeCode: number;
  private lastLineInstruction: Instruction | undefined;
  private lastLine: LogicalLine | undefined;
  /** `$`, quotes, `\` and the escape character: text without them is left as it is by BuildKit's lexer. */
  private readonly substitutionCodes: AsciiCodes;
  private readonly lexOptions: LexOptions;

  constructor(
    private readonly ast: ParsedDockerfile,
    private readonly options: AnalyzeOptions,
  ) {
    this.buildArgs = options.buildArgs ?? {};
    this.escapeChar = ast.escapeChar;
    this.escapeCode = ast.escapeChar.charCodeAt(0);
    this.substitutionCodes = this.escapeCode === 0x5c ? BACKSLASH_SUBSTITUTION : BACKTICK_SUBSTITUTION;
    this.lexOptions = { escapeChar: ast.escapeChar };
    let count = 0;
    let hasOnbuild = false;
    for (const instruction of ast.instructions) {
      if (instruction.name === 'ONBUILD') hasOnbuild = true;
      if (instruction.name !== 'FROM') continue;
      if (instruction.args.length === 3) {
        const name = instruction.args[2].value.toLowerCase();
        if (!this.laterStageNames.has(name)) this.laterStageNames.set(name, count);
      }
      count++;
    }
    this.stageCount = count;
    this.hasOnbuild = hasOnbuild;
    this.target = options.target ?? this.lastStageName();
  }

  memory(): ModelMemory {
    return {
      global: this.global as Scope,
      stageStates: this.stageStates,
      target: this.target,
      stageCount: this.stageCount,
      laterStageNames: this.laterStageNames,
      hasOnbuild: this.hasOnbuild,
    };
  }

  run(previous?: DockerfileModel): DockerfileModel {
    const instructions = this.ast.instructions;
    let i = previous ? this.reuse(previous) : 0;
    const global = (this.global ??= this.globalScope());
    for (; i < instructions.length && instructions[i].name !== 'FROM'; i++) {
      const instruction = instructions[i];
      if (instruction.name === 'ARG') {
        this.blankArgNames(instruction);
        this.globalArg(instruction, global);
      }
      else {
        this.facts.push(this.plainFacts(instruction, undefined));
        if (instruction.known) {
          this.problem(instruction.keyword, 'instruction-before-from', `${instruction.name} comes before the first FROM: only ARG may precede FROM.`);
        }
      }
    }
    while (i < instructions.length) i = this.stage(instructions, i, global);
    if (this.hasOnbuild) this.unreplayedTriggerReferences();
    this.circularReferences();
    if (this.referencesOutOfOrder) sortByStart(this.references);
    sortByStart(this.problems);
    return {
      ast: this.ast,
      options: this.options,
      globalVariables: this.globalVariables,
      stages: this.stages,
      variables: this.variables,
      references: this.references,
      stageReferences: this.stageReferences,
      instructions: this.facts,
      problems: this.problems,
    };
  }

  /**
   * Takes over the leading stages of `previous` that are made of the same instruction objects and
   * read nothing that changed; returns the index of the first instruction left to analyse.
   */
  private reuse(previous: DockerfileModel): number {
    const memory = memories.get(previous);
    if (!memory || memory.hasOnbuild || this.hasOnbuild || !sameOptions(previous.options, this.options)) return 0;
    if (memory.target !== this.target || memory.stageCount !== this.stageCount || !sameNames(memory.laterStageNames, this.laterStageNames)) return 0;
    const now = this.ast.instructions;
    const before = previous.ast.instructions;
    let kept = 0;
    while (kept < now.length && kept < before.length && now[kept] === before[kept]) kept++;
    // A stage is kept when all its instructions are and the next one is still a FROM (or none is left).
    const stages = previous.stages;
    let count = 0;
    let next = 0;
    // Facts are one per instruction, in order: a stage's FROM follows the instructions before it.
    let after = 0;
    while (after < before.length && before[after].name !== 'FROM') after++;
    for (const stage of stages) {
      after += stage.instructions.length;
      if (after > kept || (after < now.length && now[after].name !== 'FROM')) break;
      count++;
      next = after;
    }
    if (count === 0) return 0;
    const end = stages[count - 1].end;
    this.global = memory.global;
    this.globalVariables.push(...previous.globalVariables);
    // Indexed loops: this runs once per edit, too rarely for V8 to optimise it, and an
    // unoptimised for-of allocates a result object per element (thousands here).
    const variables = previous.variables;
    for (let index = 0; index < variables.length; index++) {
      const variable = variables[index];
      if (variable.instruction === undefined || variable.instruction.start <= end) this.variables.push(variable);
    }
    const references = previous.references;
    for (let index = 0; index < references.length && references[index].start <= end; index++) this.references.push(references[index]);
    // The previous version's list is sorted: what was kept of it is in order.
    if (this.references.length > 0) this.lastReferenceStart = this.references[this.references.length - 1].start;
    const problems = previous.problems;
    // Cycles are found again over the whole file (a later stage can close or open one).
    for (let index = 0; index < problems.length && problems[index].start <= end; index++) if (problems[index].code !== 'stage-cycle') this.problems.push(problems[index]);
    const stageReferences = previous.stageReferences;
    for (let index = 0; index < stageReferences.length; index++) if (stageReferences[index].start <= end) this.stageReferences.push(stageReferences[index]);
    this.facts = previous.instructions.slice(0, next);
    for (let index = 0; index < count; index++) {
      const stage = stages[index];
      this.stages.push(stage);
      this.stageStates.push(memory.stageStates[index]);
      if (stage.name !== undefined && !this.stageIndexByName.has(stage.name)) this.stageIndexByName.set(stage.name, index);
    }
    return next;
  }

  // ---- global scope

  private globalScope(): Scope {
    const target = this.target;
    const platform = this.options.platform ?? (this.options.defaultPlatform ? { build: this.options.defaultPlatform, target: this.options.defaultPlatform } : undefined);
    const automatic = automaticDefinitions(platform, this.buildArgs, target);
    for (const definition of automatic.definitions) {
      this.variables.push(definition);
      this.globalVariables.push(definition);
    }
    return new Scope(new Map(), undefined, automatic.bindings);
  }

  private lastStageName(): string {
    const instructions = this.ast.instructions;
    for (let i = instructions.length - 1; i >= 0; i--) {
      const instruction = instructions[i];
      if (instruction.name !== 'FROM') continue;
      return instruction.args.length === 3 ? instruction.args[2].value.toLowerCase() : '';
    }
    return '';
  }

  /** `ARG =x`, `ARG a ==`: a pair with nothing before its `=` fails the build. */
  private blankArgNames(instruction: Instruction): void {
    for (const pair of instruction.keyValues) {
      if (pair.equals && pair.key.value === '') {
        this.problem(pair, 'arg-blank-name', `ARG names can not be blank: write a name before the "=" (ARG name${this.ast.text.slice(pair.equals.start, pair.end)}).`);
      }
    }
  }

  private globalArg(instruction: Instruction, global: Scope): void {
    const pairs: InstructionFacts['expandedPairs'][number][] = [];
    for (const pair of instruction.keyValues) {
      const name = pair.key.value;
      let value: VariableState = UNSET;
      let source: VariableDefinition['source'] = 'none';
      let expanded: ExpandedWord | undefined;
      if (this.buildArgs[name] !== undefined) {
        value = new SetState(this.buildArgs[name]);
        source = 'build-arg';
      }
      if (pair.value) {
        expanded = this.expand(instruction, pair.value, global, undefined, 'build');
        if (source === 'none') {
          value = stateOf(expanded);
          source = 'default';
        }
      }
      const definition = this.define(new Definition(name, 'arg', undefined, instruction, pair.key, pair.value, value, source));
      this.globalVariables.push(definition);
      if (value.kind !== 'unset' || !global.has(name)) global.set(name, new ScopeBinding(value, definition));
      pairs.push(new Pair(literal(name), expanded));
    }
    this.facts.push(new PlainFacts(instruction, undefined, 'build', undefined, pairs));
  }

  // ---- stages

  /**
   * Reads the stage whose FROM is `all[start]`, up to the next FROM, and returns where that is.
   * (It finds its own end while reading: a scan for it first walked every instruction once more.)
   */
  private stage(all: readonly Instruction[], start: number, global: Scope): number {
    const from = all[start];
    const index = this.stages.length;
    const args = from.args;
    let name: string | undefined;
    let nameToken: Token | undefined;
    if (args.length === 3 && args[1].value.toLowerCase() === 'as') {
      nameToken = args[2];
      name = args[2].value.toLowerCase();
      if (name.length > MAX_STAGE_NAME_LENGTH || !STAGE_NAME.test(name)) {
        this.problem(nameToken, 'invalid-stage-name', `Invalid stage name "${args[2].value}": start with a letter, then use letters, digits, -, _ or . only.`);
      }
    } else if (args.length !== 1) {
      this.problem(from.argumentsText ?? from.keyword, 'from-arguments', 'FROM takes an image and an optional stage name: FROM image [AS name].');
    }
    const baseToken = args[0];
    const baseName = baseToken ? this.expand(from, baseToken, global, undefined, 'build') : undefined;
    const platformFlag = from.flags.find((flag) => flag.name.value === 'platform');
    const platform = platformFlag?.value ? this.expand(from, platformFlag.value, global, undefined, 'build') : undefined;
    if (platform && !platform.unknown && !platform.error && platformFlag?.value && !parsePlatform(platform.value)) {
      this.problem(platformFlag.value, 'invalid-platform', `Invalid platform "${platform.value}": use os/arch[/variant], e.g. linux/amd64.`);
    }

    const base = this.stageBase(from, baseToken, baseName);
    let state: StageState;
    if (base.kind === 'stage') {
      const parent = this.stageStates[base.stageIndex];
      state = { build: parent.build.clone(), image: parent.image.clone(), workdir: parent.workdir };
    } else if (base.kind === 'scratch') {
      const path = this.define(new Definition('PATH', 'image', index, from, undefined, undefined, new SetState(DEFAULT_LINUX_PATH), undefined));
      const binding = new ScopeBinding(path.value, path);
      state = { build: new Scope(new Map([['PATH', binding]]), undefined), image: new Scope(new Map([['PATH', binding]]), undefined), workdir: '/' };
    } else {
      const known = base.kind === 'image' ? this.options.baseImageConfig?.(base.reference) : undefined;
      if (known) {
        const bindings = new Map<string, Binding>();
        for (const entry of environmentWithPath(known.Env)) {
          const equals = entry.indexOf('=');
          const variable = equals < 0 ? entry : entry.slice(0, equals);
          const definition = this.define(new Definition(variable, 'image', index, from, undefined, undefined, new SetState(equals < 0 ? '' : entry.slice(equals + 1)), undefined));
          bindings.set(variable, new ScopeBinding(definition.value, definition));
        }
        state = { build: new Scope(bindings, undefined), image: new Scope(new Map(bindings), undefined), workdir: known.WorkingDir || '/' };
      } else {
        const reason = base.kind === 'image' ? `may be set by the base image ${base.reference.text}` : 'may be set by the base image';
        state = { build: new Scope(new Map(), reason), image: new Scope(new Map(), reason), workdir: undefined };
      }
    }

    if (name !== undefined && !this.stageIndexByName.has(name)) this.stageIndexByName.set(name, index);
    this.facts.push(new PlainFacts(from, index, 'build', baseName ? listOf(baseName) : undefined, NO_PAIRS));
    const triggers = this.replayTriggers(base, index, state, global);
    let end = start + 1;
    for (; end < all.length && all[end].name !== 'FROM'; end++) this.facts.push(this.instruction(all[end], index, state, global));
    this.stageStates.push(state);
    const last = all[end - 1];
    this.stages.push(new StageNode(from.start, last.end, this.sourceOf(from), index, name, nameToken, from, all.slice(start, end), baseToken, baseName, base, platform, triggers));
    return end;
  }

  /**
   * The ONBUILD triggers a stage inherits run first in it (BuildKit: those of an earlier stage it
   * is built FROM, or those recorded in a known base image). They change the scope like any
   * instruction. A trigger's references are recorded (on its ONBUILD line) the first time it
   * runs, with the values of that stage; those of a trigger no stage here runs are recorded
   * at the end, unknown.
   */
  private replayTriggers(base: StageBase, stageIndex: number, state: StageState, global: Scope): InstructionFacts[] {
    let triggers: Instruction[] | undefined;
    if (base.kind === 'stage') {
      // A file without ONBUILD has no triggers to find in its stages.
      if (this.hasOnbuild) {
        for (const instruction of this.stages[base.stageIndex].instructions) if (instruction.name === 'ONBUILD' && instruction.trigger) (triggers ??= []).push(instruction.trigger);
      }
    } else if (base.kind === 'image') {
      const known = this.options.baseImageConfig?.(base.reference);
      triggers = (known?.OnBuild ?? []).flatMap((expression) => parseDockerfile(expression).instructions.slice(0, 1));
    }
    // Most stages run none: they share one empty list.
    if (!triggers || triggers.length === 0) return NO_TRIGGERS;
    const recording = this.recording;
    this.recording = false;
    try {
      return triggers.map((trigger) => this.replay(trigger, base.kind === 'stage', () => this.instruction(trigger, stageIndex, state, global)));
    } finally {
      this.recording = recording;
    }
  }

  private replay<T>(trigger: Instruction, inFile: boolean, run: () => T): T {
    const first = inFile && !this.triggersRecorded.has(trigger);
    if (first) this.triggersRecorded.add(trigger);
    this.recordingTriggerReferences = first;
    try {
      return run();
    } finally {
      this.recordingTriggerReferences = false;
    }
  }

  /** The references of ONBUILD triggers no stage of this file runs: their values depend on the image built FROM this one. */
  private unreplayedTriggerReferences(): void {
    const reason = 'set where an image is built FROM this one (ONBUILD runs there)';
    for (const stage of this.stages) {
      for (const instruction of stage.instructions) {
        const trigger = instruction.name === 'ONBUILD' ? instruction.trigger : undefined;
        if (!trigger || this.triggersRecorded.has(trigger) || !includesAny(trigger, DOLLAR)) continue;
        const state: StageState = { build: new Scope(new Map(), reason), image: new Scope(new Map(), reason), workdir: undefined };
        this.recording = false;
        this.replayingUnrunTriggers = true;
        try {
          this.replay(trigger, true, () => this.instruction(trigger, stage.index, state, new Scope(new Map(), undefined)));
        } finally {
          this.recording = true;
          this.replayingUnrunTriggers = false;
        }
      }
    }
  }

  private stageBase(from: Instruction, baseToken: Token | undefined, baseName: ExpandedWord | undefined): StageBase {
    if (!baseToken || !baseName) return { kind: 'unknown', text: '' };
    if (baseName.unknown || baseName.error) return { kind: 'unknown', text: baseName.value };
    const text = baseName.value;
    if (text === '') {
      this.problem(baseToken, 'empty-base-image', `The base image name ${baseToken.value} is empty here: give the ARG a default or pass --build-arg.`);
      return { kind: 'unknown', text };
    }
    const stageIndex = this.stageIndexByName.get(text);
    if (stageIndex !== undefined) {
      this.stageReferences.push(new StageReferenceNode(baseToken.start, baseToken.end, this.sourceOf(from), 'from', text, from, stageIndex));
      return { kind: 'stage', stageIndex };
    }
    if (text === 'scratch') return { kind: 'scratch' };
    const reference = parseImageReference(text);
    if (reference.error) this.problem(baseToken, 'invalid-image-reference', `Invalid image reference "${text}": ${reference.error}.`);
    this.stageReferences.push(new StageReferenceNode(baseToken.start, baseToken.end, this.sourceOf(from), 'from', text, from, undefined));
    return { kind: 'image', reference };
  }

  // ---- instructions inside a stage

  private instruction(instruction: Instruction, stageIndex: number, state: StageState, global: Scope): InstructionFacts {
    // Most instructions hold nothing BuildKit substitutes: their facts are read from the tree
    // when asked, and splitting them into tokens waits until someone reads those.
    switch (instruction.name) {
      case 'LABEL':
      case 'EXPOSE':
      case 'USER':
      case 'VOLUME':
      case 'STOPSIGNAL':
        if (!includesAny(instruction, this.substitutionCodes)) return new LiteralFacts(instruction, stageIndex);
        break;
      case 'ADD':
      case 'COPY':
        if (!includesAnyOrWord(instruction, this.substitutionCodes, '--from')) {
          this.heredocReferences(instruction, state.build, stageIndex, 'build', true);
          return new LiteralFacts(instruction, stageIndex);
        }
        break;
      case 'RUN':
        // Without `$` nothing is substituted; a `from=` mount key may still name a stage.
        if (!includesAnyOrWord(instruction, DOLLAR, 'from')) {
          this.heredocReferences(instruction, state.build, stageIndex, 'run', false);
          return new RunFacts(instruction, stageIndex, state.build, state.build.mark(), state.workdir);
        }
        break;
      case 'CMD':
      case 'ENTRYPOINT':
      case 'HEALTHCHECK':
        if (!includesAny(instruction, DOLLAR)) return this.plainFacts(instruction, stageIndex);
        break;
      case 'ENV':
        if (!includesAny(instruction, this.substitutionCodes)) {
          // Nothing to substitute: each value is the text as written; the expanded pairs are made when asked.
          for (const pair of instruction.keyValues) {
            if (pair.value) this.assignEnv(instruction, stageIndex, state, pair.key.value, new SetState(pair.value.value), pair.key, pair.value);
          }
          return new LiteralFacts(instruction, stageIndex);
        }
        break;
      default:
        break;
    }
    const build = state.build;
    let expandedArgs: ExpandedWord[] | undefined;
    // Pair lists are made by map, at their size (a list grown by push keeps room for 17).
    let pairs = NO_PAIRS as InstructionFacts['expandedPairs'][number][];
    switch (instruction.name) {
      case 'ARG':
        this.blankArgNames(instruction);
        pairs = instruction.keyValues.map((pair) => this.stageArg(instruction, pair.key, pair.value, stageIndex, build, global));
        break;
      case 'ENV': {
        // Every pair sees the environment from before the instruction: all are expanded before any is set.
        const assigned = instruction.keyValues.every((pair) => pair.value !== undefined) ? instruction.keyValues : instruction.keyValues.filter((pair) => pair.value !== undefined);
        const envPairs = assigned.map((pair) => new Pair(this.expand(instruction, pair.key, build, stageIndex, 'build'), this.expand(instruction, pair.value!, build, stageIndex, 'build')));
        for (let i = 0; i < assigned.length; i++) {
          const { key, value } = envPairs[i];
          this.assignEnv(instruction, stageIndex, state, key.value, stateOf(value!), assigned[i].key, assigned[i].value!);
        }
        pairs = envPairs;
        break;
      }
      case 'LABEL':
        pairs = instruction.keyValues.map(
          (pair) => new Pair(this.expand(instruction, pair.key, build, stageIndex, 'build'), pair.value ? this.expand(instruction, pair.value, build, stageIndex, 'build') : undefined),
        );
        break;
      case 'ADD':
      case 'COPY':
        expandedArgs = this.expandArgs(instruction, build, stageIndex);
        for (const flag of instruction.flags) {
          if (!flag.value) continue;
          const flagName = flag.name.value;
          if (flagName === 'from') this.copyFrom(instruction, flag.value);
          else if (flagName === 'chown' || flagName === 'chmod' || flagName === 'checksum' || flagName === 'exclude') {
            this.expand(instruction, flag.value, build, stageIndex, 'build');
          }
        }
        if (instruction.name === 'COPY' || instruction.name === 'ADD') this.heredocReferences(instruction, build, stageIndex, 'build', true);
        break;
      case 'EXPOSE':
      case 'USER':
      case 'VOLUME':
      case 'STOPSIGNAL':
        expandedArgs = this.expandArgs(instruction, build, stageIndex);
        break;
      case 'WORKDIR': {
        expandedArgs = this.expandArgs(instruction, build, stageIndex);
        const path = expandedArgs[0];
        if (!path || path.error || path.value === '') break;
        if (path.unknown) state.workdir = undefined;
        else if (path.value.startsWith('/') || state.workdir !== undefined) state.workdir = normalizeWorkdir(state.workdir ?? '/', path.value);
        break;
      }
      case 'RUN':
        for (const flag of instruction.flags) {
          if (flag.name.value === 'mount' && flag.value) this.mount(instruction, flag.value, build, stageIndex);
          else if (flag.value) this.expand(instruction, flag.value, build, stageIndex, 'build', RAW_FLAG_LEX);
        }
        this.shellReferences(instruction, build, stageIndex, 'run');
        this.heredocReferences(instruction, build, stageIndex, 'run', false);
        break;
      case 'CMD':
      case 'ENTRYPOINT':
        this.shellReferences(instruction, state.image, stageIndex, 'container');
        break;
      case 'HEALTHCHECK':
        if (instruction.args[0]?.value.toUpperCase() === 'CMD') this.shellReferences(instruction, state.image, stageIndex, 'container');
        break;
      default:
        break;
    }
    if (instruction.name === 'RUN') {
      // Reading the script is left until someone asks: the scope is marked now.
      return new RunFacts(instruction, stageIndex, build, build.mark(), state.workdir);
    }
    return new PlainFacts(instruction, stageIndex, effectOf(instruction, expandedArgs), expandedArgs, pairs);
  }

  private assignEnv(instruction: Instruction, stageIndex: number, state: StageState, name: string, value: VariableState, nameToken: Token, valueToken: Token | undefined): void {
    const definition = this.define(new Definition(name, 'env', stageIndex, instruction, nameToken, valueToken, value, undefined));
    const binding = new ScopeBinding(value, definition);
    state.build.set(name, binding);
    state.image.set(name, binding);
  }

  private stageArg(instruction: Instruction, key: Token, valueToken: Token | undefined, stageIndex: number, build: Scope, global: Scope): InstructionFacts['expandedPairs'][number] {
    // A stage's ARG name is expanded like its value (`ARG "Q"=1` declares Q, `ARG ${P}_V` uses P;
    // checked against the engine). A global ARG's is not.
    const name = isLiteralWord(key.value, this.substitutionCodes) ? key.value : this.expand(instruction, key, build, stageIndex, 'build').value;
    let value: VariableState = UNSET;
    let source: VariableDefinition['source'] = 'none';
    let expanded: ExpandedWord | undefined;
    if (valueToken) expanded = this.expand(instruction, valueToken, build, stageIndex, 'build');
    if (this.buildArgs[name] !== undefined) {
      value = new SetState(this.buildArgs[name]);
      source = 'build-arg';
    } else if (expanded) {
      value = stateOf(expanded);
      source = 'default';
    } else {
      const inherited = global.get(name);
      if (inherited && inherited.state.kind !== 'unset') {
        value = inherited.state;
        source = 'global';
      }
    }
    const definition = this.define(new Definition(name, 'arg', stageIndex, instruction, key, valueToken, value, source));
    // An ARG without any value leaves the environment as it was.
    if (source !== 'none') build.set(name, new ScopeBinding(value, definition));
    else if (!build.has(name)) build.set(name, new ScopeBinding(build.lookup(name), definition));
    return new Pair(literal(name), expanded);
  }

  private copyFrom(instruction: Instruction, value: Token): void {
    const text = value.value;
    if (!isLiteralWord(text, this.substitutionCodes) && lexShellWord(text, () => UNSET, { escapeChar: this.escapeChar }).value !== text) {
      this.problem(value, 'copy-from-variable', 'COPY --from does not expand variables: define a stage (FROM ${ARG} AS name) and copy from its name.');
      return;
    }
    this.stageReference(instruction, value, text, 'copy-from');
  }

  private stageReference(instruction: Instruction, token: Token | Span, text: string, kind: StageReference['kind']): void {
    if (!this.recording && !this.recordingTriggerReferences) return;
    let target: number | undefined;
    if (text.length <= 9 && /^[0-9]+$/.test(text)) {
      const index = Number(text);
      if (index >= this.stageCount) {
        this.problem(token, 'stage-index-out-of-range', `There is no stage ${index}: stages are numbered from 0 to ${this.stageCount - 1}.`);
      } else {
        target = index;
      }
    } else {
      // BuildKit finds a stage named anywhere in the file (a later one too); only a cycle fails,
      // which circularReferences finds once every stage is read.
      const name = text.toLowerCase();
      target = this.stageIndexByName.get(name) ?? this.laterStageNames.get(name);
    }
    this.stageReferences.push(new StageReferenceNode(token.start, token.end, this.sourceOf(instruction), kind, text, instruction, target));
  }

  /** `--mount=type=…,from=…,target=…`: values are substituted (quotes kept), `from` names a stage. */
  private mount(instruction: Instruction, value: Token, build: Scope, stageIndex: number): void {
    this.expand(instruction, value, build, stageIndex, 'build', RAW_FLAG_LEX);
    const text = value.value;
    // Most mounts name no stage: no lower-cased copy of every mount's text to find that out.
    if (!FROM_KEY.test(text)) return;
    let offset = 0;
    for (const field of text.split(',')) {
      const equals = field.indexOf('=');
      const key = (equals < 0 ? field : field.slice(0, equals)).trim().toLowerCase();
      if (key === 'from' && equals >= 0) {
        const fieldValue = field.slice(equals + 1);
        const start = this.valueOffsetToSource(value, offset + equals + 1);
        const span = new SpanNode(start, start + fieldValue.length, this.sourceOf(instruction));
        this.stageReference(instruction, span, fieldValue, 'mount-from');
      }
      offset += field.length + 1;
    }
  }

  // ---- substitution

  private expandArgs(instruction: Instruction, scope: Scope, stageIndex: number): ExpandedWord[] {
    // No callback: a closure over these arguments would be allocated for every instruction.
    const args = instruction.args;
    if (args.length === 1) return listOf(this.expand(instruction, args[0], scope, stageIndex, 'build'));
    if (args.length === 2) return listOf(this.expand(instruction, args[0], scope, stageIndex, 'build'), this.expand(instruction, args[1], scope, stageIndex, 'build'));
    const words: ExpandedWord[] = listOf();
    for (const arg of args) words.push(this.expand(instruction, arg, scope, stageIndex, 'build'));
    return words;
  }

  /** Substitutes variables in one word the way BuildKit's ProcessWord does, recording the references. */
  private expand(instruction: Instruction, token: Token, scope: Scope, stageIndex: number | undefined, context: ReferenceContext, lexOptions?: LexOptions): ExpandedWord {
    const value = token.value;
    // Most words hold nothing to substitute, unquote or unescape.
    if (isLiteralWord(value, this.substitutionCodes)) return literalToken(token);
    const line = this.lineOf(instruction);
    const logical = line.text;
    const logicalStart = sourceToLogical(line.map, token.start);
    const verbatim = logical.startsWith(value, logicalStart);
    const options = lexOptions ?? this.lexOptions;
    const result = verbatim
      ? lexShellWord(logical, scope.lookup, options, false, logicalStart, logicalStart + value.length)
      : lexShellWord(value, scope.lookup, options);
    // Offsets of the lexed text map back to the source through the logical line when the word
    // was lexed in place, else through the token (no closure for it: this runs for every word).
    const map = verbatim ? line.map : undefined;
    for (const reference of result.references) {
      // `$$`, `$1`, `$@` … are the shell's, not variables a Dockerfile defines.
      if (!isVariableName(reference.name)) continue;
      const start = this.wordOffsetToSource(map, token, reference.start);
      const end = this.wordOffsetToSource(map, token, reference.end - 1) + 1;
      const nameStart = this.wordOffsetToSource(map, token, reference.nameStart);
      const nameEnd = reference.nameEnd > reference.nameStart ? this.wordOffsetToSource(map, token, reference.nameEnd - 1) + 1 : nameStart;
      this.reference(instruction, stageIndex, context, scope, reference.name, start, end, nameStart, nameEnd, reference.braced, reference.operator, reference.state);
    }
    if (result.error) {
      const start = this.wordOffsetToSource(map, token, result.error.start);
      const end = result.error.end > result.error.start ? this.wordOffsetToSource(map, token, result.error.end - 1) + 1 : start;
      this.problemAt(instruction, start, Math.max(end, start), 'substitution-error', `${result.error.message} in ${JSON.stringify(token.value)}.`);
    }
    return new Word(result.value, result.unknown, result.error?.message);
  }

  /** The instruction's logical line, made once for the words of one instruction and not kept on it. */
  private lineOf(instruction: Instruction): LogicalLine {
    if (this.lastLineInstruction !== instruction) {
      this.lastLineInstruction = instruction;
      this.lastLine = instruction instanceof InstructionNode ? instruction.readingLine() : { text: instruction.logicalText, map: instruction.logicalMap };
    }
    return this.lastLine as LogicalLine;
  }

  /** Source offset of an offset into a lexed word: through the logical line's `map` when the word was lexed there, else into the token's value. */
  private wordOffsetToSource(map: LogicalLine['map'] | undefined, token: Token, offset: number): number {
    return map ? logicalToSource(map, offset) : this.valueOffsetToSource(token, offset);
  }

  /**
   * Source offset of an offset into a token's value when the value is not a verbatim slice: a JSON
   * string (escapes decoded) or a flag value (quotes and backslashes removed, anywhere in it:
   * `target="$V"`), found by walking the text as it was read.
   */
  private valueOffsetToSource(token: Token, offset: number): number {
    const text = token.text;
    let i = 0;
    if (text.charCodeAt(0) === 0x22 && isJsonString(text, token.value)) {
      i = 1;
      for (let count = 0; count < offset && i < text.length - 1; count++) i += text.charCodeAt(i) !== 0x5c ? 1 : text.charCodeAt(i + 1) === 0x75 /* u */ ? 6 : 2;
      return Math.min(token.start + i, token.end);
    }
    let quote = 0;
    for (let count = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (quote === 0 && (c === 0x22 || c === 0x27)) {
        quote = c;
        continue;
      }
      if (c === quote) {
        quote = 0;
        continue;
      }
      if (c === 0x5c && i + 1 < text.length) i++;
      if (count === offset) break;
      count++;
    }
    return Math.min(token.start + i, token.end);
  }

  private shellReferences(instruction: Instruction, scope: Scope, stageIndex: number, context: ReferenceContext): void {
    if (instruction.form !== 'shell') return;
    const text = instruction.argumentsText;
    if (!text) return;
    const { text: logical, map } = this.lineOf(instruction);
    let from = sourceToLogical(map, text.start);
    // HEALTHCHECK CMD …: the command starts after the type.
    if (instruction.name === 'HEALTHCHECK' && instruction.args.length > 1) from = sourceToLogical(map, instruction.args[1].start);
    const to = sourceToLogical(map, text.end - 1) + 1;
    for (const found of scanShellReferences(logical, from, to)) {
      const start = logicalToSource(map, found.start);
      const end = logicalToSource(map, found.end - 1) + 1;
      const nameStart = logicalToSource(map, found.nameStart);
      const nameEnd = logicalToSource(map, found.nameEnd - 1) + 1;
      const state = this.shellLookup(scope, found.name, context);
      this.reference(instruction, stageIndex, context, scope, found.name, start, end, nameStart, nameEnd, found.braced, found.operator, state);
    }
  }

  private heredocReferences(instruction: Instruction, scope: Scope, stageIndex: number, context: ReferenceContext, expandedByBuildkit: boolean): void {
    const heredocs = instruction.heredocs;
    // Most instructions share one frozen empty list, which a for-of would walk through an
    // allocated iterator (V8 does not inline iteration over frozen arrays): return before it.
    if (heredocs.length === 0) return;
    const text = this.ast.text;
    for (const heredoc of heredocs) {
      if (!heredoc.expand) continue;
      for (const found of scanShellReferences(text, heredoc.body.start, heredoc.body.end)) {
        const state = expandedByBuildkit ? scope.lookup(found.name) : this.shellLookup(scope, found.name, context);
        this.reference(instruction, stageIndex, context, scope, found.name, found.start, found.end, found.nameStart, found.nameEnd, found.braced, found.operator, state);
      }
    }
  }

  private shellLookup(scope: Scope, name: string, context: ReferenceContext): VariableState {
    const state = scope.lookup(name);
    if (state.kind === 'unset' && context === 'run' && this.buildArgs[name] !== undefined && (PROXY_ARGS as readonly string[]).includes(name)) {
      return new SetState(this.buildArgs[name]);
    }
    return state;
  }

  private reference(
    instruction: Instruction,
    stageIndex: number | undefined,
    context: ReferenceContext,
    scope: Scope,
    name: string,
    start: number,
    end: number,
    nameStart: number,
    nameEnd: number,
    braced: boolean,
    operator: string | undefined,
    value: VariableState,
  ): void {
    if (!this.recording && !this.recordingTriggerReferences) return;
    const source = this.sourceOf(instruction);
    if (start < this.lastReferenceStart) this.referencesOutOfOrder = true;
    this.lastReferenceStart = start;
    this.references.push(
      new VariableReferenceNode(
        start,
        end,
        source,
        name,
        new SpanNode(nameStart, nameEnd, source),
        braced,
        operator,
        context,
        instruction,
        stageIndex,
        scope.get(name)?.definition,
        value,
      ),
    );
  }

  // ---- bookkeeping

  private define(definition: VariableDefinition): VariableDefinition {
    if (this.recording) this.variables.push(definition);
    return definition;
  }

  private plainFacts(instruction: Instruction, stageIndex: number | undefined): InstructionFacts {
    return new PlainFacts(instruction, stageIndex, effectOf(instruction, undefined), undefined, NO_PAIRS);
  }

  /**
   * `COPY --from` and `RUN --mount from=` that close a cycle: a stage that copies from itself, or
   * from a stage that (through its base and its own copies) depends on it. BuildKit fails the
   * build ("circular dependency detected on stage"); a reference to a later stage is otherwise fine.
   */
  private circularReferences(): void {
    // A trigger's references belong to whichever stage runs it: left out.
    const triggers = new Set<Instruction>();
    if (this.hasOnbuild) for (const instruction of this.ast.instructions) if (instruction.trigger) triggers.add(instruction.trigger);
    const fromStage: number[] = [];
    let forward = false;
    for (const reference of this.stageReferences) {
      const from = reference.kind === 'from' || reference.stageIndex === undefined || triggers.has(reference.instruction) ? undefined : this.stageOfInstruction(reference.instruction);
      fromStage.push(from ?? -1);
      if (from !== undefined && reference.stageIndex! >= from) forward = true;
    }
    // Bases name earlier stages only: without a reference to the same or a later stage there is no cycle.
    if (!forward) return;
    const dependencies: number[][] = this.stages.map(() => []);
    for (const stage of this.stages) if (stage.base.kind === 'stage') dependencies[stage.index].push(stage.base.stageIndex);
    this.stageReferences.forEach((reference, index) => {
      if (fromStage[index] >= 0) dependencies[fromStage[index]].push(reference.stageIndex!);
    });
    const component = stronglyConnected(dependencies);
    this.stageReferences.forEach((reference, index) => {
      const from = fromStage[index];
      // In a cycle: the reference's two ends depend on each other (the same component), or it is its own stage.
      if (from < 0 || component[from] !== component[reference.stageIndex!]) return;
      const verb = reference.kind === 'mount-from' ? 'mount' : 'copy';
      const message =
        reference.stageIndex === from
          ? `A stage cannot ${verb} from itself (${reference.name}): BuildKit fails with "circular dependency detected". Name another stage.`
          : `This ${verb} from ${reference.name}, which depends on this stage, makes a cycle: BuildKit fails with "circular dependency detected". Break the cycle.`;
      this.problems.push(new ProblemNode(reference.start, reference.end, this.sourceOf(reference.instruction), 'stage-cycle', 'error', message));
    });
  }

  /** The index of the stage an instruction is in. */
  private stageOfInstruction(instruction: Instruction): number | undefined {
    return spanIndexAt(this.stages, instruction.start);
  }

  private problem(span: Span, code: ProblemCode, message: string): void {
    if (!this.recording) return;
    this.problems.push(new ProblemNode(span.start, span.end, this.sourceOf(span), code, 'error', message));
  }

  private problemAt(instruction: Instruction, start: number, end: number, code: ProblemCode, message: string): void {
    // A trigger's words are expanded only where it runs (ONBUILD keeps them as written): a word
    // that cannot be expanded fails that build, and is reported once, on the trigger's own line.
    if (!this.recording && !(this.recordingTriggerReferences && !this.replayingUnrunTriggers && code === 'substitution-error')) return;
    this.problems.push(new ProblemNode(start, end, this.sourceOf(instruction), code, 'error', message));
  }

  /**
   * The source a located value of the model computes its range from: that of the instruction
   * (or token) it lies in, which a later version that keeps the instruction points at its text.
   */
  private sourceOf(located: Span | Instruction): SourceText {
    return located instanceof SpanNode ? located.source : this.ast.source;
  }
}

const NO_PAIRS: InstructionFacts['expandedPairs'] = Object.freeze([]);
// Not frozen (V8 walks a frozen array in a for-of through an allocated iterator); handed out read-only.
const NO_TRIGGERS: InstructionFacts[] = [];

/**
 * Facts of an instruction with nothing to substitute (no `$`, quote or escape character): its
 * expanded words are its words, read from the tree when first asked.
 */
class LiteralFacts implements InstructionFacts {
  declare readonly instruction: Instruction;
  declare readonly stageIndex: number;
  private declare cachedArgs: readonly ExpandedWord[] | undefined;
  private declare cachedPairs: InstructionFacts['expandedPairs'] | undefined;

  constructor(instruction: Instruction, stageIndex: number) {
    this.instruction = instruction;
    this.stageIndex = stageIndex;
    this.cachedArgs = undefined;
    this.cachedPairs = undefined;
  }

  get effect(): InstructionEffect {
    return effectOf(this.instruction, undefined);
  }

  get files(): FileEffects {
    return NO_FILES;
  }

  get expandedArgs(): readonly ExpandedWord[] | undefined {
    const name = this.instruction.name;
    if (name === 'LABEL' || name === 'ENV') return undefined;
    this.cachedArgs ??= this.instruction.args.map(literalToken);
    return this.cachedArgs;
  }

  get expandedPairs(): InstructionFacts['expandedPairs'] {
    const name = this.instruction.name;
    if (name !== 'LABEL' && name !== 'ENV') return NO_PAIRS;
    // ENV lists only the pairs that set something (a key without value is a parse problem).
    const pairs = name === 'ENV' ? this.instruction.keyValues.filter((pair) => pair.value) : this.instruction.keyValues;
    this.cachedPairs ??= pairs.map((pair) => ({ key: literalToken(pair.key), value: pair.value ? literalToken(pair.value) : undefined }));
    return this.cachedPairs;
  }

  toJSON(): Record<string, unknown> {
    return { instruction: this.instruction, stageIndex: this.stageIndex, effect: this.effect, expandedArgs: this.expandedArgs, expandedPairs: this.expandedPairs, files: this.files };
  }
}

/** `from` in any letter case (a mount's `from=` key). */
const FROM_KEY = /from/i;
const DOLLAR = new AsciiCodes([0x24]);
// `$`, quotes, `\` and the escape character (`\` or a backtick).
const BACKSLASH_SUBSTITUTION = new AsciiCodes([0x24, 0x27, 0x22, 0x5c]);
const BACKTICK_SUBSTITUTION = new AsciiCodes([0x24, 0x27, 0x22, 0x5c, 0x60]);

/** Whether the instruction's logical text holds one of `codes` (a one-line instruction's text is not sliced for it). */
function includesAny(instruction: Instruction, codes: AsciiCodes): boolean {
  if (instruction instanceof InstructionNode) return instruction.logicalIncludesAny(codes);
  const text = instruction.logicalText;
  return codes.chars.some((char) => text.includes(char));
}

function includesAnyOrWord(instruction: Instruction, codes: AsciiCodes, lowerCaseWord: string): boolean {
  if (instruction instanceof InstructionNode) return instruction.logicalIncludesAnyOrWord(codes, lowerCaseWord);
  return includesAny(instruction, codes) || instruction.logicalText.toLowerCase().includes(lowerCaseWord);
}

/** BuildKit gives every Linux image a PATH when its base has none. */
export function environmentWithPath(env: readonly string[] | null | undefined): string[] {
  const entries = env ? [...env] : [];
  if (!entries.some((entry) => entry.startsWith('PATH='))) entries.push(`PATH=${DEFAULT_LINUX_PATH}`);
  return entries;
}

// The automatic ARGs are the same for every file analysed with the same options: built once.
interface AutomaticArgs {
  readonly definitions: readonly VariableDefinition[];
  readonly bindings: ReadonlyMap<string, Binding>;
}

const automaticCache = new Map<string, AutomaticArgs>();
const AUTOMATIC_NAMES: readonly string[] = [...AUTOMATIC_PLATFORM_ARGS, 'TARGETSTAGE'];
const AUTOMATIC_CACHE_SIZE = 32;

function automaticDefinitions(platform: AnalyzeOptions['platform'], buildArgs: Readonly<Record<string, string>>, target: string): AutomaticArgs {
  const names = AUTOMATIC_NAMES;
  let overrides: (string | undefined)[] | undefined;
  for (let i = 0; i < names.length; i++) {
    const override = buildArgs[names[i]];
    if (override !== undefined) (overrides ??= new Array<string | undefined>(names.length))[i] = override;
  }
  // Analysed once per edit of every open file: the usual key (no overrides) is built without JSON.
  const platformKey = platform ? `${formatPlatform(platform.build)} ${formatPlatform(platform.target)}` : '';
  const key = overrides ? JSON.stringify([platformKey, target, overrides]) : `${platformKey}\u0000${target}`;
  const cached = automaticCache.get(key);
  if (cached) return cached;
  const values = platform ? platformArgValues(platform.build, platform.target) : undefined;
  const definitions = names.map((name, i): VariableDefinition => {
    const override = overrides?.[i];
    const state: VariableState =
      override !== undefined
        ? { kind: 'set', value: override }
        : name === 'TARGETSTAGE'
          ? { kind: 'set', value: target }
          : values
            ? { kind: 'set', value: values[name as keyof typeof values] }
            : { kind: 'unknown', reason: 'depends on the platform of the build' };
    return Object.freeze({ name, kind: 'automatic', stageIndex: undefined, instruction: undefined, nameToken: undefined, valueToken: undefined, value: state, source: undefined });
  });
  const automatic: AutomaticArgs = { definitions, bindings: new Map(definitions.map((definition) => [definition.name, Object.freeze({ state: definition.value, definition })])) };
  if (automaticCache.size >= AUTOMATIC_CACHE_SIZE) automaticCache.clear();
  automaticCache.set(key, automatic);
  return automatic;
}

/** A RUN's facts; the files it creates and deletes are read from its script on first access. */
class RunFacts implements InstructionFacts {
  declare readonly instruction: Instruction;
  declare readonly stageIndex: number;
  private declare readonly scope: Scope;
  private declare readonly mark: number;
  private declare readonly workdir: string | undefined;
  private declare cachedFiles: FileEffects | undefined;

  constructor(instruction: Instruction, stageIndex: number, scope: Scope, mark: number, workdir: string | undefined) {
    this.instruction = instruction;
    this.stageIndex = stageIndex;
    this.scope = scope;
    this.mark = mark;
    this.workdir = workdir;
    this.cachedFiles = undefined;
  }

  get effect(): 'layer' {
    return 'layer';
  }

  // BuildKit substitutes nothing in a RUN's arguments (the shell does).
  get expandedArgs(): undefined {
    return undefined;
  }

  get expandedPairs(): InstructionFacts['expandedPairs'] {
    return NO_PAIRS;
  }

  get files(): FileEffects {
    if (!this.cachedFiles) {
      const files = fileEffects(this.instruction, (name) => this.scope.valueAt(name, this.mark), this.workdir);
      // Most RUNs visibly create and delete nothing: they share one empty answer.
      this.cachedFiles = files.created.length === 0 && files.deleted.length === 0 ? NO_FILES : files;
    }
    return this.cachedFiles;
  }

  toJSON(): Record<string, unknown> {
    return { instruction: this.instruction, stageIndex: this.stageIndex, effect: this.effect, expandedArgs: this.expandedArgs, expandedPairs: this.expandedPairs, files: this.files };
  }
}

/** Whether BuildKit's lexer leaves `value` as it is: none of `codes` (`$`, quotes, `\\`, the escape character). */
function isLiteralWord(value: string, codes: AsciiCodes): boolean {
  // One table lookup per character instead of five comparisons: every expanded word goes through here.
  return !codes.foundIn(value, 0, value.length);
}

/** Whether `text` is the JSON string whose value is `value` (an exec-form element). */
function isJsonString(text: string, value: string): boolean {
  try {
    return JSON.parse(text) === value;
  } catch {
    return false;
  }
}

function isVariableName(name: string): boolean {
  const first = name.charCodeAt(0);
  return first === 0x5f || (first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a) || first > 0x7f;
}

function literal(value: string): ExpandedWord {
  return new Word(value, false, undefined);
}

/** A token with nothing to substitute, as its expanded word: the token itself (see TokenNode). */
function literalToken(token: Token): ExpandedWord {
  return token instanceof TokenNode ? token : literal(token.value);
}

function stateOf(word: ExpandedWord): VariableState {
  return word.unknown ? { kind: 'unknown', reason: 'depends on a value not known here' } : new SetState(word.value);
}

function effectOf(instruction: Instruction, expandedArgs: readonly ExpandedWord[] | undefined): InstructionEffect {
  switch (instruction.name) {
    case 'RUN':
    case 'COPY':
    case 'ADD':
      return 'layer';
    case 'WORKDIR':
      // BuildKit creates the directory, a layer, unless it is the root.
      return expandedArgs?.[0]?.value === '/' ? 'config' : 'layer';
    case 'FROM':
    case 'ARG':
      return 'build';
    default:
      return instruction.known ? 'config' : 'build';
  }
}

/**
 * The strongly connected component of each node of a graph (Tarjan's algorithm, without
 * recursion: a file may have thousands of stages). Linear in nodes and edges.
 */
function stronglyConnected(edges: readonly (readonly number[])[]): Int32Array {
  const count = edges.length;
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const component = new Int32Array(count).fill(-1);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  let next = 0;
  let components = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] >= 0) continue;
    // Each frame: a node and the position of the next edge to follow.
    const frames: [number, number][] = [[root, 0]];
    index[root] = low[root] = next++;
    stack.push(root);
    onStack[root] = 1;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const node = frame[0];
      if (frame[1] < edges[node].length) {
        const target = edges[node][frame[1]++];
        if (index[target] < 0) {
          index[target] = low[target] = next++;
          stack.push(target);
          onStack[target] = 1;
          frames.push([target, 0]);
        } else if (onStack[target]) {
          low[node] = Math.min(low[node], index[target]);
        }
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const parent = frames[frames.length - 1][0];
        low[parent] = Math.min(low[parent], low[node]);
      }
      if (low[node] === index[node]) {
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          component[member] = components;
        } while (member !== node);
        components++;
      }
    }
  }
  return component;
}
