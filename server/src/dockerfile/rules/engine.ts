// Runs the rules over one analysed Dockerfile: the parser's and the model's problems, then every
// check in a single pass over the instructions (each check is called only for the instruction
// names it asked for), then the whole-file checks. Severities come from the table, then the
// configuration; inline ignores in the three dialects drop what the file itself silences.
//
// Given what the lint of the previous version left (LintMemory), the instructions that did not
// change and precede every change are not read again: their reports are reused, and the
// whole-file checks read the values they derived from them before (CheckContext.memo). Their
// findings, finished and sorted, are carried over as one block (FindingBlock) and merged with
// the rest: an edit at the end of a 10,000-line file costs about what the edited instruction
// and its stage cost, not what the kept findings number.
import { instructionAt, type DockerfileDocument } from '../index';
import type { Instruction, InstructionFacts, Stage } from '../index';
import { ShellCache } from '../shell/cache';
import { boundedMessage } from '../syntax/shownText';
import { spanIndexAt } from '../syntax/spans';
import { programsIn } from '../shell/invocations';
import { runScript, type RunScript } from '../shell/runScript';
import { CHECKS } from './checks';
import { parseCheckOptions, readPragma, type CheckDirectiveOptions, type Pragma } from './ignores';
import { commonPrefixLength, detach, type FindingBlock, type FixBinding, type LintMemory, type Outliers, type StoredReport } from './memory';
import { ruleOfProblem } from './problems';
import { RULES, ruleById } from './registry';
import { shippedStages } from './support/stages';
import { EVERY_INSTRUCTION, type Check, type CheckContext, type Finding, type Fix, type Report, type RuleDefinition, type RuleId, type RuleOptions, type Severity, type SeveritySetting } from './types';

export interface LintConfig {
  /** Severity per rule id (already resolved from settings and .hadolint.yaml); absent: the table's default. */
  readonly severities?: Readonly<Partial<Record<RuleId, SeveritySetting>>>;
  readonly options?: Partial<RuleOptions>;
  /** hadolint's `disable-ignore-pragma`: inline ignores are not honoured. */
  readonly disableInlineIgnores?: boolean;
}

export interface LintResult {
  /** Findings in document order, severities resolved, ignored ones removed. */
  readonly findings: readonly Finding[];
  /** The file's inline ignores (for DL1001 and the "ignore in this file" quick fix). */
  readonly pragmas: readonly Pragma[];
  /** The `# check=` directive's options, when there is one. */
  readonly checkDirective: CheckDirectiveOptions | undefined;
  /** A `# hadolint shell=…` pragma naming a non-POSIX shell switches the shell rules off. */
  readonly shellRulesOff: boolean;
  /** What the lint of the next version of this document may reuse (pass it as `previous`). */
  readonly memory: LintMemory;
}

export type { LintMemory } from './memory';

const DEFAULT_OPTIONS: RuleOptions = { trustedRegistries: [], labelSchema: {}, strictLabels: false };
const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'ksh', 'mksh', 'zsh', 'busybox']);

/**
 * Lints one document. `shells` keeps parsed RUN scripts between calls (pass the same one each
 * time); `previous` is the memory of the lint of an earlier version of the same document, lint
 * with the same `config` object for it to be reused.
 */
export function lintDocument(document: DockerfileDocument, config: LintConfig = {}, shells: ShellCache = new ShellCache(), previous?: LintMemory): LintResult {
  return new LintRun(document, config, shells, previous).run();
}

/**
 * A report of this lint (`report`), or one of an unchanged instruction or stage kept from the
 * previous lint (`stored`). `kind` and `owner` give its place in the order of the raw findings
 * (problems, then each instruction's visits, then each stage's, then the whole-file checks):
 * findings at the same range keep that order, whichever lint (incremental or not) found them.
 */
type RawFinding =
  | { readonly rule: RuleDefinition; readonly report: Report; readonly stored?: StoredReport; readonly index?: number; readonly kind: Kind; readonly owner: number }
  | { readonly rule: RuleDefinition; readonly report?: undefined; readonly stored: StoredReport; readonly index: number; readonly kind: Kind; readonly owner: number };

interface Entry {
  readonly rule: RuleDefinition;
  readonly check: Check;
}

/** Which checks run, resolved once per configuration (and `# check=experimental` setting). */
interface Plan {
  readonly severities: ReadonlyMap<RuleId, SeveritySetting>;
  readonly byInstruction: ReadonlyMap<string, readonly Entry[]>;
  readonly byProgram: ReadonlyMap<string, readonly Entry[]>;
  /** Checks that visit every instruction, whatever its name. */
  readonly everyInstruction: readonly Entry[];
  readonly stageChecks: readonly Entry[];
  readonly documentChecks: readonly Entry[];
}

const plans = new WeakMap<LintConfig, Map<string, Plan>>();

class LintRun implements CheckContext {
  readonly text: string;
  readonly options: RuleOptions;
  private raw: RawFinding[] = [];
  private current: RuleDefinition = RULES[0];
  /** Where the reports made now go in the raw order (see RawFinding). */
  private kind: Kind = DOCUMENT;
  private owner = 0;
  private readonly scripts = new Map<Instruction, RunScript | undefined>();
  private readonly shellsByStage = new Map<Stage, Instruction[]>();
  private readonly pragmas: Pragma[] = [];
  private shellRulesOff = false;
  private readonly checkDirective: CheckDirectiveOptions | undefined;
  private factsByInstruction: Map<Instruction, InstructionFacts> | undefined;
  private readonly instructions: readonly Instruction[];
  /** How many leading instructions are unchanged since `previous` (their reports are reused). */
  private reusable = 0;
  /** By memo key, per instruction index (empty where not asked for yet). */
  private readonly memos = new Map<string, unknown[]>();
  private readonly stageMemos = new Map<number, Map<string, unknown>>();
  private readonly binding: FixBinding;
  private finishKeyText: string | undefined;
  private ownsMemos = false;

  constructor(
    readonly document: DockerfileDocument,
    private readonly config: LintConfig,
    readonly shells: ShellCache,
    private previous: LintMemory | undefined,
  ) {
    this.text = document.text;
    this.options = { ...DEFAULT_OPTIONS, ...config.options };
    this.instructions = document.ast.instructions;
    for (const comment of document.ast.comments) {
      const pragma = readPragma(comment);
      if (!pragma) continue;
      if ('shell' in pragma) this.shellRulesOff = !POSIX_SHELLS.has(pragma.shell.toLowerCase());
      else this.pragmas.push(pragma);
    }
    const directive = document.ast.directives.find((candidate) => candidate.name === 'check');
    this.checkDirective = directive ? parseCheckOptions(directive.valueToken.value) : undefined;
    // Fixes of findings kept across versions are computed by the newest lint of the document.
    this.binding = previous?.binding ?? { refix: () => undefined, instruction: () => undefined };
    this.binding.refix = (index, stored) => this.refix(index, stored);
    this.binding.instruction = (index) => this.instructions[index];
    if (previous && previous.config === config && previous.shellRulesOff === this.shellRulesOff) this.reusable = this.unchangedInstructions(previous);
    // The first lint from a memory takes its memo arrays over; a second lint from the same memory computes its values again.
    if (previous && !previous.memosTaken) this.ownsMemos = previous.memosTaken = true;
  }

  /**
   * The leading instructions with the same text and offsets as in the previous version, followed
   * by unchanged text up to the next instruction: what lies between an instruction and the next
   * one (empty continuation lines) is read by its checks too.
   */
  private unchangedInstructions(previous: LintMemory): number {
    const prefix = commonPrefixLength(previous.text, this.text);
    const sameText = prefix === this.text.length && prefix === previous.text.length;
    const spans = previous.spans;
    const count = Math.min(this.instructions.length, spans.length / 2);
    let index = 0;
    while (index < count) {
      const instruction = this.instructions[index];
      if (instruction.start !== spans[2 * index] || instruction.end !== spans[2 * index + 1]) break;
      // A next instruction that starts at or before the first change ends this one there in both
      // versions (an instruction still continuing would have taken that line in); the last one
      // reads to the end of the text.
      const next = this.instructions[index + 1];
      if (next ? next.start > prefix : !sameText) break;
      index++;
    }
    return index;
  }

  run(): LintResult {
    const { ast, model } = this.document;
    this.kind = PROBLEM;
    for (const problem of [...ast.problems, ...model.problems]) {
      const id = ruleOfProblem(problem, model);
      if (!id) continue;
      // "Unknown instruction RUNN: did you mean RUN?": the fix writes the suggestion.
      const suggestion = id === 'unknown-instruction' ? /did you mean ([A-Z]+)\?/.exec(problem.message)?.[1] : undefined;
      const fix = suggestion ? () => ({ title: `Replace with ${suggestion}`, edits: [{ start: problem.start, end: problem.end, newText: suggestion }] }) : undefined;
      this.raw.push({ rule: ruleById(id), report: { start: problem.start, end: problem.end, message: problem.message, fix }, kind: PROBLEM, owner: 0 });
    }

    const plan = this.planFor();
    const instructions = this.instructions;
    const shipped = this.shippedFlags();
    const previous = this.previous;
    // The leading unchanged instructions whose stage ships as before: their reports, and those of
    // the stages made of them, are carried over as one block (see FindingBlock), not one by one.
    let blockEnd = 0;
    while (blockEnd < this.reusable && previous!.shipped[blockEnd] === shipped[blockEnd]) blockEnd++;
    const blockStages = this.blockStages(blockEnd);
    const previousBlock = previous?.block;
    // Where the previous block still holds: its findings of instructions and stages that stay in the block are reused.
    const carried = previousBlock && previousBlock.plan === plan && previousBlock.context === this.finishKey() ? previousBlock : undefined;
    const carriedEnd = carried ? Math.min(carried.instructions, blockEnd) : 0;
    const carriedStages = carried ? Math.min(carried.stageEnd, blockStages.end) : 0;
    const reports: (readonly StoredReport[])[] = blockEnd > 0 ? previous!.reports.slice(0, blockEnd) : [];
    // Block instructions with a report outside the instruction (an inline ignore would look
    // elsewhere for it) go the ordinary way: found once, when they join the block.
    const outliers: Outliers = { instructions: [], stages: [] };
    if (carried) {
      outliers.instructions.push(...carried.outliers.instructions.filter((index) => index < carriedEnd));
      outliers.stages.push(...carried.outliers.stages.filter((fromIndex) => fromIndex < carriedStages));
    }
    for (let index = carriedEnd; index < blockEnd; index++) if (!this.withinInstruction(reports[index], index)) outliers.instructions.push(index);
    for (const index of outliers.instructions) this.pushStored(index, reports[index]);
    for (let index = blockEnd; index < instructions.length; index++) {
      const instruction = instructions[index];
      if (index < this.reusable && previous!.shipped[index] === shipped[index]) {
        // Unchanged but after the block (which a stage shipping differently ended): reuse what the checks found.
        reports[index] = previous!.reports[index];
        this.pushStored(index, reports[index]);
        continue;
      }
      // Changed, or its stage now ships or no longer does (some checks depend on it): visited again.
      const from = this.raw.length;
      this.visit(instruction, plan, index);
      reports[index] = this.store(from, index);
    }
    const { stageReports, stageShipped } = this.visitStages(plan, blockStages.end, carriedStages, outliers);
    for (const { rule, check } of plan.documentChecks) {
      this.current = rule;
      this.kind = DOCUMENT;
      check.document!(this);
    }
    const spans = new Int32Array(2 * instructions.length);
    if (this.reusable > 0) spans.set(previous!.spans.subarray(0, 2 * this.reusable));
    for (let index = this.reusable; index < instructions.length; index++) {
      spans[2 * index] = instructions[index].start;
      spans[2 * index + 1] = instructions[index].end;
    }
    // Values of the unchanged instructions that this lint did not ask for stay for the next one.
    if (previous) for (const key of previous.memos.keys()) this.memoValues(key);
    const finishing = this.finishing(plan.severities);
    // The block: the previous one cut to what stays in it, and the findings of what joins it.
    const joining: Ranked[] = [];
    for (let index = carriedEnd; index < blockEnd; index++) {
      if (!outliers.instructions.includes(index)) this.finishStored(finishing, reports[index], index, joining);
    }
    for (const { fromIndex } of blockStages.stages) {
      if (fromIndex < carriedStages || outliers.stages.includes(fromIndex)) continue;
      this.finishStored(finishing, stageReports.get(fromIndex)!, fromIndex, joining);
    }
    const kept = carried ? cutBlock(carried, carriedEnd, carriedStages) : EMPTY_SEQUENCE;
    const blockSequence = mergeSequences(kept, sortRanked(joining), true);
    const rest: Ranked[] = [];
    for (const raw of this.raw) {
      const finding = this.finishOne(finishing, raw.rule, raw.report, raw.stored, raw.index);
      if (finding) rest.push({ finding, kind: raw.kind, owner: raw.owner });
    }
    let findings: readonly Finding[];
    let block: FindingBlock;
    if (previous) {
      findings = mergeSequences(blockSequence, sortRanked(rest), false).findings;
      block = {
        plan,
        context: this.finishKey(),
        instructions: blockEnd,
        stageEnd: blockStages.end,
        findings: blockSequence.findings,
        kinds: blockSequence.kinds!,
        owners: blockSequence.owners!,
        outliers,
      };
    } else {
      // A first lint (a document just opened) already has every finding finished and in order:
      // those a later version may keep make its block now, or the first edit would finish and
      // merge all of them again (the costliest lint of a large file, just when the user starts typing).
      const sorted = sortRanked(rest);
      findings = sorted.map((ranked) => ranked.finding);
      block = this.firstBlock(sorted, reports, stageReports, plan);
    }
    const memory: LintMemory = {
      text: this.text,
      config: this.config,
      shellRulesOff: this.shellRulesOff,
      spans,
      shipped,
      reports,
      memos: this.memos,
      stageReports,
      stageMemos: this.stageMemos,
      stageShipped,
      binding: this.binding,
      block,
    };
    // What the lint needed while it ran is rebuilt if a fix asks for it: the result stays small.
    this.raw = [];
    this.scripts.clear();
    this.shellsByStage.clear();
    this.factsByInstruction = undefined;
    // The previous version (its text among the rest) is not kept alive by this one.
    this.previous = undefined;
    return { findings, pragmas: this.pragmas, checkDirective: this.checkDirective, shellRulesOff: this.shellRulesOff, memory };
  }

  /** Pushes the stored reports of an instruction (or of the stage it starts) as raw findings of this lint. */
  private pushStored(index: number, stored: readonly StoredReport[]): void {
    for (const report of stored) this.raw.push(this.reused(index, report));
  }

  /**
   * Whether inline ignores find the same instruction for every report in any later version that
   * keeps this one: its own instruction is this one or an earlier one, or (none named) the
   * instruction at its start is, because it starts before this one ends.
   */
  private withinInstruction(stored: readonly StoredReport[], index: number): boolean {
    return stored.every((report) => (report.own >= 0 ? report.own <= index : report.start <= this.instructions[index].end));
  }

  /** The leading stages whose instructions, and the next stage's FROM, are all in the block, shipping as before. */
  private blockStages(blockEnd: number): { stages: { stage: Stage; fromIndex: number }[]; end: number } {
    const previous = this.previous;
    if (!previous || blockEnd === 0) return { stages: [], end: 0 };
    return this.stagesWithin(blockEnd, (fromIndex, ships) => previous.stageShipped.get(fromIndex) === ships && previous.stageReports.has(fromIndex));
  }

  /** The leading stages wholly before `blockEnd` (the next stage's FROM included) whose reports `kept` says are there. */
  private stagesWithin(blockEnd: number, kept: (fromIndex: number, ships: boolean) => boolean): { stages: { stage: Stage; fromIndex: number }[]; end: number } {
    const stages: { stage: Stage; fromIndex: number }[] = [];
    const shipped = shippedStages(this.document.model);
    for (const stage of this.document.model.stages) {
      const fromIndex = this.indexOf(stage.from);
      if (fromIndex === undefined) continue;
      // The end never passes the block: a stage of the previous version whose FROM lay between
      // the block and this stage's FROM (an edit can turn a FROM into something else) is gone.
      if (!(fromIndex + stage.instructions.length < blockEnd && kept(fromIndex, shipped.has(stage)))) return { stages, end: Math.min(fromIndex, blockEnd) };
      stages.push({ stage, fromIndex });
    }
    return { stages, end: blockEnd };
  }

  /**
   * The block of a first lint: the findings of every instruction, and of every stage but the last
   * (a stage is kept only with the next FROM, which shows it did not grow), as a later lint that
   * keeps them all would have built it; reports reaching outside their instruction or stage stay
   * out of it, as there.
   */
  private firstBlock(sorted: readonly Ranked[], reports: readonly (readonly StoredReport[])[], stageReports: ReadonlyMap<number, readonly StoredReport[]>, plan: Plan): FindingBlock {
    const instructions = this.instructions.length;
    const outliers: Outliers = { instructions: [], stages: [] };
    for (let index = 0; index < instructions; index++) if (!this.withinInstruction(reports[index], index)) outliers.instructions.push(index);
    const { stages, end: stageEnd } = this.stagesWithin(instructions, (fromIndex) => stageReports.has(fromIndex));
    for (const { stage, fromIndex } of stages) if (!this.withinStage(stageReports.get(fromIndex)!, stage, fromIndex)) outliers.stages.push(fromIndex);
    const outlyingInstructions = new Set(outliers.instructions);
    const outlyingStages = new Set(outliers.stages);
    const findings: Finding[] = [];
    const kinds: number[] = [];
    const owners: number[] = [];
    for (const { finding, kind, owner } of sorted) {
      const inBlock = kind === VISIT ? owner < instructions && !outlyingInstructions.has(owner) : kind === STAGE && owner < stageEnd && !outlyingStages.has(owner);
      if (!inBlock) continue;
      findings.push(finding);
      kinds.push(kind);
      owners.push(owner);
    }
    return { plan, context: this.finishKey(), instructions, stageEnd, findings, kinds: Uint8Array.from(kinds), owners: Int32Array.from(owners), outliers };
  }

  /** The `stage` hooks, for each stage that changed (or ships now and did not, or the reverse); the block's stages keep their reports. */
  private visitStages(plan: Plan, blockEnd: number, carriedEnd: number, outliers: Outliers): { stageReports: Map<number, readonly StoredReport[]>; stageShipped: Map<number, boolean> } {
    const stageReports = new Map<number, readonly StoredReport[]>();
    const stageShipped = new Map<number, boolean>();
    const shipped = shippedStages(this.document.model);
    for (const stage of this.document.model.stages) {
      const fromIndex = this.indexOf(stage.from);
      if (fromIndex === undefined) continue;
      const ships = shipped.has(stage);
      stageShipped.set(fromIndex, ships);
      if (fromIndex < blockEnd) {
        const kept = this.previous!.stageReports.get(fromIndex)!;
        stageReports.set(fromIndex, kept);
        // Reports reaching outside the stage go the ordinary way (known from the previous block, or read once on joining it).
        if (fromIndex >= carriedEnd && !this.withinStage(kept, stage, fromIndex)) outliers.stages.push(fromIndex);
        if (outliers.stages.includes(fromIndex)) this.pushStored(fromIndex, kept);
        continue;
      }
      const kept = this.unchangedStage(stage, fromIndex) && this.previous!.stageShipped.get(fromIndex) === ships ? this.previous!.stageReports.get(fromIndex) : undefined;
      if (kept) {
        this.pushStored(fromIndex, kept);
        stageReports.set(fromIndex, kept);
        continue;
      }
      const from = this.raw.length;
      this.kind = STAGE;
      this.owner = fromIndex;
      for (const { rule, check } of plan.stageChecks) {
        this.current = rule;
        check.stage!(stage, this);
      }
      stageReports.set(fromIndex, this.store(from, fromIndex, true));
    }
    return { stageReports, stageShipped };
  }

  /** Like `withinInstruction`, for the reports of a stage hook (the stage's last instruction bounds them). */
  private withinStage(stored: readonly StoredReport[], stage: Stage, fromIndex: number): boolean {
    return this.withinInstruction(stored, fromIndex + stage.instructions.length - 1);
  }

  /** Whether the stage and everything before it are as in the previous version (the next stage's FROM too, so it did not grow). */
  private unchangedStage(stage: Stage, fromIndex: number): boolean {
    return this.previous !== undefined && fromIndex + stage.instructions.length < this.reusable;
  }

  /** Calls the visit of every check for this instruction (the one at `index`). */
  private visit(instruction: Instruction, plan: Plan, index: number): void {
    this.kind = VISIT;
    this.owner = index;
    for (const { rule, check } of plan.byInstruction.get(instruction.name) ?? []) {
      this.current = rule;
      check.visit!(instruction, this);
    }
    for (const { rule, check } of plan.everyInstruction) {
      this.current = rule;
      check.visit!(instruction, this);
    }
    if (instruction.name === 'RUN' && plan.byProgram.size > 0) {
      const script = this.runScript(instruction);
      if (!script) return;
      const called = new Set<Check>();
      for (const program of programsIn(script.script)) {
        for (const { rule, check } of plan.byProgram.get(program) ?? []) {
          if (called.has(check)) continue;
          called.add(check);
          this.current = rule;
          check.visit!(instruction, this);
        }
      }
    }
  }

  /** The raw findings from `from` on, stored as plain data for the next lint. */
  private store(from: number, index: number, byStage = false): StoredReport[] {
    if (this.raw.length === from) return [];
    const stored: StoredReport[] = [];
    for (let at = from; at < this.raw.length; at++) {
      const { rule, report, kind, owner } = this.raw[at];
      if (!report) continue;
      const entry: StoredReport = {
        rule,
        start: report.start,
        end: report.end,
        message: report.message === undefined ? undefined : detach(boundedMessage(report.message)),
        related: report.related?.map((related) => ({ start: related.start, end: related.end, message: detach(related.message) })),
        tag: report.tag,
        hasFix: report.fix !== undefined,
        own: report.instruction ? (this.indexOf(report.instruction) ?? -1) : -1,
        byStage,
      };
      stored.push(entry);
      this.raw[at] = { rule, report, stored: entry, index, kind, owner };
    }
    return stored;
  }

  /** A stored report of an unchanged instruction or stage, as a raw finding of this lint. */
  private reused(index: number, stored: StoredReport): RawFinding {
    // Reused at the same index version after version: made once.
    if (stored.raw?.index !== index) stored.raw = { rule: stored.rule, stored, index, kind: stored.byStage ? STAGE : VISIT, owner: index };
    return stored.raw as RawFinding;
  }

  /** The fix of a stored report: its check visits the instruction again and reports it with its fix. */
  private refix(index: number, stored: StoredReport): Fix | undefined {
    const instruction = this.instructions[index];
    const check = CHECKS[stored.rule.id as keyof typeof CHECKS] as Check | undefined;
    const stage = stored.byStage ? this.document.model.stages.find((candidate) => candidate.from === instruction) : undefined;
    if (!instruction || !(stored.byStage ? stage && check?.stage : check?.visit)) return undefined;
    const saved = this.raw;
    const savedRule = this.current;
    this.raw = [];
    try {
      this.current = stored.rule;
      if (stage) check!.stage!(stage, this);
      else check!.visit!(instruction, this);
      const same = this.raw.find(({ report }) => report && report.start === stored.start && report.end === stored.end && report.message === stored.message);
      return same?.report?.fix?.();
    } finally {
      this.raw = saved;
      this.current = savedRule;
    }
  }

  /** Per instruction: 1 when its stage is the last one or one the last is built on. */
  private shippedFlags(): Uint8Array {
    const flags = new Uint8Array(this.instructions.length);
    const shipped = shippedStages(this.document.model);
    if (shipped.size === 0) return flags;
    let index = 0;
    for (const stage of this.document.model.stages) {
      if (!shipped.has(stage)) continue;
      // Stages and instructions are both in document order.
      while (index < this.instructions.length && this.instructions[index].start < stage.start) index++;
      while (index < this.instructions.length && this.instructions[index].start <= stage.end && this.instructions[index].end <= stage.end) flags[index++] = 1;
    }
    return flags;
  }

  private planFor(): Plan {
    const directive = this.checkDirective;
    const experimental = directive !== undefined && (directive.experimentalAll || directive.experimental.length > 0) ? `x:${directive.experimentalAll}:${directive.experimental.join(',')}` : '';
    let byKey = plans.get(this.config);
    if (!byKey) plans.set(this.config, (byKey = new Map()));
    let plan = byKey.get(experimental);
    if (!plan) byKey.set(experimental, (plan = this.makePlan()));
    return plan;
  }

  private makePlan(): Plan {
    const severities = this.resolveSeverities();
    const active = (Object.keys(CHECKS) as RuleId[]).filter((id) => severities.get(id) !== 'off' && this.requirementMet(ruleById(id)));
    const byInstruction = new Map<string, Entry[]>();
    const stageChecks: Entry[] = [];
    const documentChecks: Entry[] = [];
    const everyInstruction: Entry[] = [];
    for (const id of active) {
      const check = CHECKS[id] as Check;
      const entry = { rule: ruleById(id), check };
      if (check.visit && check.instructions?.includes(EVERY_INSTRUCTION[0])) everyInstruction.push(entry);
      else if (check.visit) {
        for (const name of check.instructions ?? []) {
          let list = byInstruction.get(name);
          if (!list) byInstruction.set(name, (list = []));
          list.push(entry);
        }
      }
      if (check.stage) stageChecks.push(entry);
      if (check.document) documentChecks.push(entry);
    }
    // RUN checks about particular programs run only for the scripts that run them.
    const runEntries = byInstruction.get('RUN') ?? [];
    byInstruction.set(
      'RUN',
      runEntries.filter((entry) => !entry.check.programs),
    );
    const byProgram = new Map<string, Entry[]>();
    for (const entry of runEntries) {
      for (const program of entry.check.programs ?? []) {
        let list = byProgram.get(program);
        if (!list) byProgram.set(program, (list = []));
        list.push(entry);
      }
    }
    return { severities, byInstruction, byProgram, everyInstruction, stageChecks, documentChecks };
  }

  // ---- CheckContext

  report(report: Report): void {
    this.raw.push({ rule: this.current, report, kind: this.kind, owner: this.owner });
  }

  factsOf(instruction: Instruction): InstructionFacts | undefined {
    if (!this.factsByInstruction) {
      this.factsByInstruction = new Map();
      for (const facts of this.document.model.instructions) this.factsByInstruction.set(facts.instruction, facts);
    }
    return this.factsByInstruction.get(instruction);
  }

  stageOf(instruction: Instruction): Stage | undefined {
    const stages = this.document.model.stages;
    let low = 0;
    let high = stages.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const stage = stages[mid];
      if (instruction.start < stage.start) high = mid - 1;
      else if (instruction.start > stage.end) low = mid + 1;
      else return stage.instructions.includes(instruction) ? stage : undefined;
    }
    return undefined;
  }

  memo<T>(instruction: Instruction, key: string, compute: () => T): T {
    const index = this.indexOf(instruction);
    if (index === undefined) return compute();
    const values = this.memoValues(key);
    const known = values[index];
    if (known !== undefined) return (known === UNDEFINED ? undefined : known) as T;
    const value = compute();
    values[index] = value === undefined ? UNDEFINED : value;
    return value;
  }

  /** The values of one memo key: those of the unchanged instructions carried over from the previous lint. */
  private memoValues(key: string): unknown[] {
    let values = this.memos.get(key);
    if (!values) {
      const previous = this.reusable > 0 && this.ownsMemos ? (this.previous!.memos.get(key) as unknown[] | undefined) : undefined;
      // The previous version's values are taken over (cut to the unchanged instructions), not copied.
      if (previous) previous.length = this.reusable;
      values = previous ?? [];
      this.memos.set(key, values);
    }
    return values;
  }

  stageMemo<T>(stage: Stage, key: string, compute: () => T): T {
    const fromIndex = this.indexOf(stage.from);
    if (fromIndex === undefined) return compute();
    let values = this.stageMemos.get(fromIndex);
    if (!values) {
      values = (this.unchangedStage(stage, fromIndex) ? this.previous!.stageMemos.get(fromIndex) : undefined) ?? new Map<string, unknown>();
      this.stageMemos.set(fromIndex, values);
    }
    if (values.has(key)) return values.get(key) as T;
    const value = compute();
    values.set(key, value);
    return value;
  }

  /** The index of a top-level instruction (undefined for an ONBUILD trigger, which is not one). */
  private indexOf(instruction: Instruction): number | undefined {
    const index = spanIndexAt(this.instructions, instruction.start);
    return index !== undefined && this.instructions[index] === instruction ? index : undefined;
  }

  runScript(instruction: Instruction): RunScript | undefined {
    if (this.scripts.has(instruction)) return this.scripts.get(instruction);
    let script: RunScript | undefined;
    if (!this.shellRulesOff && this.posixShellAt(instruction)) script = runScript(instruction, this.shells);
    this.scripts.set(instruction, script);
    return script;
  }

  /** Whether RUN at this point runs a POSIX shell (no SHELL to PowerShell/cmd, not a Windows base). */
  private posixShellAt(instruction: Instruction): boolean {
    if (instruction.form === 'exec') return true;
    const stage = this.stageOf(instruction);
    if (!stage) return true;
    let shells = this.shellsByStage.get(stage);
    if (!shells) {
      shells = stage.instructions.filter((candidate) => candidate.name === 'SHELL' && candidate.exec !== undefined && candidate.exec.elements.length > 0);
      this.shellsByStage.set(stage, shells);
    }
    let shell: string | undefined;
    for (const candidate of shells) {
      if (candidate.start >= instruction.start) break;
      shell = candidate.exec!.elements[0].value;
    }
    if (shell !== undefined) {
      const name = shell.slice(Math.max(shell.lastIndexOf('/'), shell.lastIndexOf('\\')) + 1).toLowerCase().replace(/\.exe$/, '');
      return POSIX_SHELLS.has(name);
    }
    return !isWindowsBase(this.document, stage);
  }

  // ---- severities and ignores

  private resolveSeverities(): Map<RuleId, SeveritySetting> {
    const severities = new Map<RuleId, SeveritySetting>();
    const directive = this.checkDirective;
    for (const rule of RULES) {
      let severity: SeveritySetting = this.config.severities?.[rule.id] ?? rule.severity;
      // `# check=experimental=…` turns BuildKit's experimental checks on (InvalidDefinitionDescription).
      if (rule.id === 'definition-description' && directive && (directive.experimentalAll || directive.experimental.some((name) => rule.aliases.includes(name)))) {
        if (severity === 'off') severity = 'warning';
      }
      severities.set(rule.id, severity);
    }
    return severities;
  }

  private requirementMet(rule: RuleDefinition): boolean {
    switch (rule.requires) {
      case 'trustedRegistries':
        return this.options.trustedRegistries.length > 0;
      case 'labelSchema':
        return Object.keys(this.options.labelSchema).length > 0;
      case 'strictLabels':
        return this.options.strictLabels && Object.keys(this.options.labelSchema).length > 0;
      case 'dockerignore':
        return this.options.contextIgnores !== undefined;
      default:
        return true;
    }
  }

  /**
   * What decides whether a finding is kept and its severity, besides its rule's severity (the
   * plan) and what precedes its instruction: the `# check=` directive, whether inline ignores are
   * honoured, and the file-wide ignores. A block of finished findings holds while it is the same.
   */
  private finishKey(): string {
    if (this.finishKeyText === undefined) {
      const directive = this.checkDirective;
      const filePragmas = this.pragmas.filter((pragma) => pragma.kind === 'file').map((pragma) => `${pragma.dialect}:${pragma.all}:${pragma.codes.join(',')}`);
      const honoured = !this.config.disableInlineIgnores && this.pragmas.length > 0;
      this.finishKeyText = JSON.stringify([directive ? [directive.skip, directive.skipAll, directive.error] : null, honoured, filePragmas]);
    }
    return this.finishKeyText;
  }

  private finishing(severities: ReadonlyMap<RuleId, SeveritySetting>): Finishing {
    // Every inline ignore is a comment of the file: without any, nothing is ignored inline.
    const ignoresHonoured = !this.config.disableInlineIgnores && this.pragmas.length > 0;
    return {
      severities,
      ignoresHonoured,
      filePragmas: this.pragmas.filter((pragma) => pragma.kind === 'file'),
      stagePragmas: this.pragmas.filter((pragma) => pragma.kind === 'stage'),
      codesOf: new Map(),
    };
  }

  /** The stored reports of an instruction (or of the stage its FROM starts), finished, into `out`. */
  private finishStored(finishing: Finishing, stored: readonly StoredReport[], index: number, out: Ranked[]): void {
    for (const report of stored) {
      const finding = this.finishOne(finishing, report.rule, undefined, report, index);
      if (finding) out.push({ finding, kind: report.byStage ? STAGE : VISIT, owner: index });
    }
  }

  /** A raw finding with its severity resolved, or undefined when it is off, skipped or ignored. */
  private finishOne(finishing: Finishing, rule: RuleDefinition, report: Report | undefined, stored: StoredReport | undefined, index: number | undefined): Finding | undefined {
    const directive = this.checkDirective;
    const { ignoresHonoured } = finishing;
    let severity = finishing.severities.get(rule.id) ?? 'off';
    if (severity === 'off') return undefined;
    // The codes that name the rule matter only to a `# check=` directive and to inline ignores.
    let known = directive || ignoresHonoured ? finishing.codesOf.get(rule) : undefined;
    if (!known && (directive || ignoresHonoured)) finishing.codesOf.set(rule, (known = { codes: [rule.id, ...rule.aliases.map((alias) => alias.toLowerCase())], buildkit: rule.aliases.filter(isBuildkitCheckName) }));
    const { codes, buildkit } = known ?? NO_CODES;
    if (directive && buildkit.length > 0) {
      if (directive.skipAll || buildkit.some((name) => directive.skip.includes(name))) return undefined;
      if (directive.error) severity = 'error';
    }
    if (ignoresHonoured) {
      if (finishing.filePragmas.some((pragma) => matches(pragma, codes, buildkit.length > 0))) return undefined;
      const instructions = this.instructions;
      const own = report ? report.instruction : stored!.own >= 0 ? instructions[stored!.own] : undefined;
      const instruction = own ?? instructionAt(instructions, report ? report.start : stored!.start);
      if (instruction && this.ignoredAt(instruction, codes, buildkit.length > 0, finishing.stagePragmas)) return undefined;
    }
    if (stored?.finding?.severity === severity) {
      // The same finding as in the previous version: the same object, so what was made of it (a diagnostic) is reused too.
      return stored.finding.value;
    }
    if (stored) {
      const finding = keptFinding(stored, index!, severity as Severity, this.binding);
      stored.finding = { severity: severity as Severity, value: finding };
      return finding;
    }
    return {
      start: report!.start,
      end: report!.end,
      message: boundedMessage(report!.message ?? rule.title),
      fix: report!.fix,
      related: report!.related,
      instruction: report!.instruction,
      tag: report!.tag,
      rule,
      severity: severity as Severity,
    };
  }

  private ignoredAt(instruction: Instruction, codes: readonly string[], isBuildkitCheck: boolean, stagePragmas: readonly Pragma[]): boolean {
    for (const comment of instruction.precedingComments) {
      const pragma = readPragma(comment);
      if (pragma && !('shell' in pragma) && pragma.kind === 'instruction' && matches(pragma, codes, isBuildkitCheck)) return true;
    }
    if (stagePragmas.length > 0) {
      const stage = this.stageOf(instruction);
      if (stage && stagePragmas.some((pragma) => pragma.start >= stage.start && pragma.start < instruction.start && matches(pragma, codes, isBuildkitCheck))) return true;
    }
    return false;
  }
}

/**
 * A finding that later versions may reuse as it is: its fix and its instruction are those of the
 * newest lint (which has the same instruction at the same index), never of the one that made it,
 * which would keep that version of the file in memory.
 */
function keptFinding(stored: StoredReport, index: number, severity: Severity, binding: FixBinding): Finding {
  return stored.hasFix ? new KeptFindingWithFix(stored, index, severity, binding) : new KeptFinding(stored, index, severity, binding);
}

// Classes rather than object literals: thousands of findings share the accessors, no closure each.
class KeptFinding implements Finding {
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly related: Finding['related'];
  readonly tag: Finding['tag'];
  readonly rule: RuleDefinition;

  constructor(
    protected readonly stored: StoredReport,
    protected readonly index: number,
    readonly severity: Severity,
    protected readonly binding: FixBinding,
  ) {
    this.start = stored.start;
    this.end = stored.end;
    this.message = stored.message ?? stored.rule.title;
    this.related = stored.related;
    this.tag = stored.tag;
    this.rule = stored.rule;
  }

  get instruction(): Instruction | undefined {
    return this.stored.own >= 0 ? this.binding.instruction(this.stored.own) : undefined;
  }
}

class KeptFindingWithFix extends KeptFinding {
  fix(): Fix | undefined {
    return this.binding.refix(this.index, this.stored);
  }
}

/** The raw order's kinds (see RawFinding). */
type Kind = 0 | 1 | 2 | 3;
const PROBLEM: Kind = 0;
const VISIT: Kind = 1;
const STAGE: Kind = 2;
const DOCUMENT: Kind = 3;

/** A finished finding with its place in the raw order. */
interface Ranked {
  readonly finding: Finding;
  readonly kind: Kind;
  readonly owner: number;
}

/** What finishing a raw finding reads, resolved once per lint. */
interface Finishing {
  readonly severities: ReadonlyMap<RuleId, SeveritySetting>;
  readonly ignoresHonoured: boolean;
  readonly filePragmas: readonly Pragma[];
  readonly stagePragmas: readonly Pragma[];
  readonly codesOf: Map<RuleDefinition, { codes: string[]; buildkit: string[] }>;
}

/** Finished findings in order, with (for a block) the kind and owner of each. */
interface Sequence {
  readonly findings: readonly Finding[];
  readonly kinds?: Uint8Array;
  readonly owners?: Int32Array;
}

const EMPTY_SEQUENCE: Sequence = { findings: [], kinds: new Uint8Array(0), owners: new Int32Array(0) };

/** Sorted by range; findings at the same range keep their order (the raw order). */
function sortRanked(list: Ranked[]): Ranked[] {
  let sorted = true;
  for (let at = 1; at < list.length && sorted; at++) sorted = compareRange(list[at - 1].finding, list[at].finding) <= 0;
  return sorted ? list : list.sort((a, b) => compareRange(a.finding, b.finding));
}

function compareRange(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end;
}

/** The order of the findings of a lint: by range, then in the raw order (kind, then owner). */
function compareRanked(a: Finding, aKind: number, aOwner: number, b: Ranked): number {
  return a.start - b.finding.start || a.end - b.finding.end || aKind - b.kind || aOwner - b.owner;
}

/**
 * Merges sorted findings into a sorted block. The block's findings that come before the first
 * added one are taken as a slice (an edit at the end adds findings after all of them).
 */
function mergeSequences(block: Sequence, added: readonly Ranked[], withRanks: boolean): Sequence {
  if (added.length === 0) return block;
  const { findings, kinds, owners } = block;
  // The first block finding that goes after the first added one.
  let low = 0;
  let high = findings.length;
  const first = added[0];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compareRanked(findings[mid], kinds![mid], owners![mid], first) < 0) low = mid + 1;
    else high = mid;
  }
  const total = findings.length + added.length;
  const merged = findings.slice(0, low) as Finding[];
  const mergedKinds = withRanks ? new Uint8Array(total) : undefined;
  const mergedOwners = withRanks ? new Int32Array(total) : undefined;
  if (withRanks) {
    mergedKinds!.set(kinds!.subarray(0, low));
    mergedOwners!.set(owners!.subarray(0, low));
  }
  let at = low;
  let next = 0;
  while (at < findings.length || next < added.length) {
    const fromBlock = next >= added.length || (at < findings.length && compareRanked(findings[at], kinds![at], owners![at], added[next]) < 0);
    if (withRanks) {
      mergedKinds![merged.length] = fromBlock ? kinds![at] : added[next].kind;
      mergedOwners![merged.length] = fromBlock ? owners![at] : added[next].owner;
    }
    merged.push(fromBlock ? findings[at++] : added[next++].finding);
  }
  return { findings: merged, kinds: mergedKinds, owners: mergedOwners };
}

/** The block's findings of instructions before `end` and of stages whose FROM is before `stageEnd`. */
function cutBlock(block: FindingBlock, end: number, stageEnd: number): Sequence {
  if (end === block.instructions && stageEnd === block.stageEnd) return block;
  const findings: Finding[] = [];
  const kinds: number[] = [];
  const owners: number[] = [];
  for (let at = 0; at < block.findings.length; at++) {
    if (block.owners[at] >= (block.kinds[at] === STAGE ? stageEnd : end)) continue;
    findings.push(block.findings[at]);
    kinds.push(block.kinds[at]);
    owners.push(block.owners[at]);
  }
  return { findings, kinds: Uint8Array.from(kinds), owners: Int32Array.from(owners) };
}

const NO_CODES: { readonly codes: readonly string[]; readonly buildkit: readonly string[] } = { codes: [], buildkit: [] };

/** A memoised `undefined` (an empty slot is a value not computed yet). */
const UNDEFINED = Symbol('undefined');

function matches(pragma: Pragma, codes: readonly string[], isBuildkitCheck: boolean): boolean {
  // `# check=skip=all` above an instruction only skips BuildKit's checks, as in BuildKit.
  if (pragma.all) return pragma.dialect !== 'buildkit' || isBuildkitCheck;
  return pragma.codes.some((code) => codes.includes(code));
}

function isBuildkitCheckName(alias: string): boolean {
  return !/^(DL|SC)\d{4}$/.test(alias);
}

const WINDOWS_BASE = /(^|\/)(windows|windowsservercore|nanoserver|servercore)([:/@-]|$)|mcr\.microsoft\.com\/windows/i;

function isWindowsBase(document: DockerfileDocument, stage: Stage): boolean {
  let current: Stage | undefined = stage;
  for (let depth = 0; current && depth < 64; depth++) {
    const base: Stage['base'] = current.base;
    if (base.kind === 'image') return WINDOWS_BASE.test(base.reference.text);
    if (base.kind !== 'stage') return false;
    current = document.model.stages[base.stageIndex];
  }
  return false;
}
