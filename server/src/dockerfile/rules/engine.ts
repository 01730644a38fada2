// Runs the rules over one analysed Dockerfile: the parser's and the model's problems, then every
// check in a single pass over the instructions (each check is called only for the instruction
// names it asked for), then the whole-file checks. Severities come from the table, then the
// configuration; inline ignores in the three dialects drop what the file itself silences.
//
// Given what the lint of the previous version left (LintMemory), the instructions that did not
// change and precede every change are not read again: their reports are reused, and the
// whole-file checks read the values they derived from them before (CheckContext.memo). An edit
// at the end of a 10,000-line file then costs about what the edited instruction costs.
import { instructionAt, type DockerfileDocument } from '../index';
import type { Instruction, InstructionFacts, Stage } from '../index';
import { ShellCache } from '../shell/cache';
import { programsIn } from '../shell/invocations';
import { runScript, type RunScript } from '../shell/runScript';
import { CHECKS } from './checks';
import { parseCheckOptions, readPragma, type CheckDirectiveOptions, type Pragma } from './ignores';
import { commonPrefixLength, detach, type FixBinding, type LintMemory, type StoredReport } from './memory';
import { ruleOfProblem } from './problems';
import { RULES, ruleById } from './registry';
import { shippedStages } from './support/stages';
import type { Check, CheckContext, Finding, Fix, Report, RuleDefinition, RuleId, RuleOptions, Severity, SeveritySetting } from './types';

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

/** A report of this lint (`report`), or one of an unchanged instruction or stage kept from the previous lint (`stored`). */
type RawFinding =
  | { readonly rule: RuleDefinition; readonly report: Report; readonly stored?: StoredReport; readonly index?: number }
  | { readonly rule: RuleDefinition; readonly report?: undefined; readonly stored: StoredReport; readonly index: number };

interface Entry {
  readonly rule: RuleDefinition;
  readonly check: Check;
}

/** Which checks run, resolved once per configuration (and `# check=experimental` setting). */
interface Plan {
  readonly severities: ReadonlyMap<RuleId, SeveritySetting>;
  readonly byInstruction: ReadonlyMap<string, readonly Entry[]>;
  readonly byProgram: ReadonlyMap<string, readonly Entry[]>;
  readonly stageChecks: readonly Entry[];
  readonly documentChecks: readonly Entry[];
  /** Checks whose visit reports depend on which stages ship in the image. */
  readonly shippedDependent: ReadonlySet<Check>;
}

const plans = new WeakMap<LintConfig, Map<string, Plan>>();

class LintRun implements CheckContext {
  readonly text: string;
  readonly options: RuleOptions;
  private raw: RawFinding[] = [];
  private current: RuleDefinition = RULES[0];
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
  }

  /** The leading instructions with the same text and offsets as in the previous version, followed by unchanged text. */
  private unchangedInstructions(previous: LintMemory): number {
    const prefix = commonPrefixLength(previous.text, this.text);
    const spans = previous.spans;
    const count = Math.min(this.instructions.length, spans.length / 2);
    let index = 0;
    while (index < count) {
      const instruction = this.instructions[index];
      if (instruction.start !== spans[2 * index] || instruction.end !== spans[2 * index + 1] || instruction.end >= prefix) break;
      index++;
    }
    return index;
  }

  run(): LintResult {
    const { ast, model } = this.document;
    for (const problem of [...ast.problems, ...model.problems]) {
      const id = ruleOfProblem(problem, model);
      if (!id) continue;
      // "Unknown instruction RUNN: did you mean RUN?": the fix writes the suggestion.
      const suggestion = id === 'unknown-instruction' ? /did you mean ([A-Z]+)\?/.exec(problem.message)?.[1] : undefined;
      const fix = suggestion ? () => ({ title: `Replace with ${suggestion}`, edits: [{ start: problem.start, end: problem.end, newText: suggestion }] }) : undefined;
      this.raw.push({ rule: ruleById(id), report: { start: problem.start, end: problem.end, message: problem.message, fix } });
    }

    const plan = this.planFor();
    const instructions = this.instructions;
    const shipped = this.shippedFlags();
    const reports: (readonly StoredReport[])[] = new Array(instructions.length);
    const previous = this.previous;
    for (let index = 0; index < instructions.length; index++) {
      const instruction = instructions[index];
      if (index < this.reusable) {
        // Unchanged: reuse what the checks found, unless it depends on a stage that now ships or no longer does.
        const stored = previous!.reports[index];
        const shippedChanged = previous!.shipped[index] !== shipped[index];
        const kept = shippedChanged ? stored.filter((report) => !plan.shippedDependent.has(CHECKS[report.rule.id as keyof typeof CHECKS] as Check)) : stored;
        for (const report of kept) this.raw.push(this.reused(index, report));
        if (!shippedChanged) {
          reports[index] = stored;
          continue;
        }
        const from = this.raw.length;
        this.visit(instruction, plan, (check) => plan.shippedDependent.has(check));
        reports[index] = [...kept, ...this.store(from, index)];
        continue;
      }
      const from = this.raw.length;
      this.visit(instruction, plan, () => true);
      reports[index] = this.store(from, index);
    }
    const { stageReports, stageShipped } = this.visitStages(plan);
    for (const { rule, check } of plan.documentChecks) {
      this.current = rule;
      check.document!(this);
    }
    const spans = new Int32Array(2 * instructions.length);
    instructions.forEach((instruction, index) => {
      spans[2 * index] = instruction.start;
      spans[2 * index + 1] = instruction.end;
    });
    // Values of the unchanged instructions that this lint did not ask for stay for the next one.
    if (previous) for (const key of previous.memos.keys()) this.memoValues(key);
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
    };
    const findings = this.finish(plan.severities);
    // What the lint needed while it ran is rebuilt if a fix asks for it: the result stays small.
    this.raw = [];
    this.scripts.clear();
    this.shellsByStage.clear();
    this.factsByInstruction = undefined;
    // The previous version (its text among the rest) is not kept alive by this one.
    this.previous = undefined;
    return { findings, pragmas: this.pragmas, checkDirective: this.checkDirective, shellRulesOff: this.shellRulesOff, memory };
  }

  /** The `stage` hooks, for each stage that changed (or ships now and did not, or the reverse). */
  private visitStages(plan: Plan): { stageReports: Map<number, readonly StoredReport[]>; stageShipped: Map<number, boolean> } {
    const stageReports = new Map<number, readonly StoredReport[]>();
    const stageShipped = new Map<number, boolean>();
    const shipped = shippedStages(this.document.model);
    for (const stage of this.document.model.stages) {
      const fromIndex = this.indexOf(stage.from);
      if (fromIndex === undefined) continue;
      const ships = shipped.has(stage);
      stageShipped.set(fromIndex, ships);
      const kept = this.unchangedStage(stage, fromIndex) && this.previous!.stageShipped.get(fromIndex) === ships ? this.previous!.stageReports.get(fromIndex) : undefined;
      if (kept) {
        for (const report of kept) this.raw.push(this.reused(fromIndex, report));
        stageReports.set(fromIndex, kept);
        continue;
      }
      const from = this.raw.length;
      for (const { rule, check } of plan.stageChecks) {
        this.current = rule;
        check.stage!(stage, this);
      }
      stageReports.set(fromIndex, this.store(from, fromIndex, true));
    }
    return { stageReports, stageShipped };
  }

  /** Whether the stage and everything before it are as in the previous version (the next stage's FROM too, so it did not grow). */
  private unchangedStage(stage: Stage, fromIndex: number): boolean {
    return this.previous !== undefined && fromIndex + stage.instructions.length < this.reusable;
  }

  /** Calls the visit of every check for this instruction that `wanted` accepts. */
  private visit(instruction: Instruction, plan: Plan, wanted: (check: Check) => boolean): void {
    for (const { rule, check } of plan.byInstruction.get(instruction.name) ?? []) {
      if (!wanted(check)) continue;
      this.current = rule;
      check.visit!(instruction, this);
    }
    if (instruction.name === 'RUN' && plan.byProgram.size > 0) {
      const script = this.runScript(instruction);
      if (!script) return;
      const called = new Set<Check>();
      for (const program of programsIn(script.script)) {
        for (const { rule, check } of plan.byProgram.get(program) ?? []) {
          if (called.has(check) || !wanted(check)) continue;
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
      const { rule, report } = this.raw[at];
      if (!report) continue;
      const entry: StoredReport = {
        rule,
        start: report.start,
        end: report.end,
        message: report.message === undefined ? undefined : detach(report.message),
        related: report.related?.map((related) => ({ start: related.start, end: related.end, message: detach(related.message) })),
        tag: report.tag,
        hasFix: report.fix !== undefined,
        own: report.instruction ? (this.indexOf(report.instruction) ?? -1) : -1,
        byStage,
      };
      stored.push(entry);
      this.raw[at] = { rule, report, stored: entry, index };
    }
    return stored;
  }

  /** A stored report of an unchanged instruction or stage, as a raw finding of this lint. */
  private reused(index: number, stored: StoredReport): RawFinding {
    // Reused at the same index version after version: made once.
    if (stored.raw?.index !== index) stored.raw = { rule: stored.rule, stored, index };
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
    const shippedDependent = new Set<Check>();
    for (const id of active) {
      const check = CHECKS[id] as Check;
      const entry = { rule: ruleById(id), check };
      if (check.dependsOn === 'shipped-stages') shippedDependent.add(check);
      if (check.visit) {
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
    return { severities, byInstruction, byProgram, stageChecks, documentChecks, shippedDependent };
  }

  // ---- CheckContext

  report(report: Report): void {
    this.raw.push({ rule: this.current, report });
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
      const previous = this.reusable > 0 ? this.previous?.memos.get(key) : undefined;
      values = previous ? previous.slice(0, this.reusable) : [];
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

  /** The index of a top-level instruction. */
  private indexOf(instruction: Instruction): number | undefined {
    const instructions = this.instructions;
    let low = 0;
    let high = instructions.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const candidate = instructions[mid];
      if (candidate === instruction) return mid;
      if (instruction.start < candidate.start) high = mid - 1;
      else low = mid + 1;
    }
    return undefined;
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

  private finish(severities: ReadonlyMap<RuleId, SeveritySetting>): Finding[] {
    const instructions = this.instructions;
    const directive = this.checkDirective;
    // Every inline ignore is a comment of the file: without any, nothing is ignored inline.
    const ignoresHonoured = !this.config.disableInlineIgnores && this.pragmas.length > 0;
    const filePragmas = this.pragmas.filter((pragma) => pragma.kind === 'file');
    const stagePragmas = this.pragmas.filter((pragma) => pragma.kind === 'stage');
    const codesOf = new Map<RuleDefinition, { codes: string[]; buildkit: string[] }>();
    const findings: Finding[] = [];
    let sorted = true;
    for (const { rule, report, stored, index } of this.raw) {
      let severity = severities.get(rule.id) ?? 'off';
      if (severity === 'off') continue;
      // The codes that name the rule matter only to a `# check=` directive and to inline ignores.
      let known = directive || ignoresHonoured ? codesOf.get(rule) : undefined;
      if (!known && (directive || ignoresHonoured)) codesOf.set(rule, (known = { codes: [rule.id, ...rule.aliases.map((alias) => alias.toLowerCase())], buildkit: rule.aliases.filter(isBuildkitCheckName) }));
      const { codes, buildkit } = known ?? NO_CODES;
      if (directive && buildkit.length > 0) {
        if (directive.skipAll || buildkit.some((name) => directive.skip.includes(name))) continue;
        if (directive.error) severity = 'error';
      }
      if (ignoresHonoured) {
        if (filePragmas.some((pragma) => matches(pragma, codes, buildkit.length > 0))) continue;
        const own = report ? report.instruction : stored!.own >= 0 ? instructions[stored!.own] : undefined;
        const instruction = own ?? instructionAt(instructions, report ? report.start : stored!.start);
        if (instruction && this.ignoredAt(instruction, codes, buildkit.length > 0, stagePragmas)) continue;
      }
      let finding: Finding;
      if (stored?.finding?.severity === severity) {
        // The same finding as in the previous version: the same object, so what was made of it (a diagnostic) is reused too.
        finding = stored.finding.value;
      } else if (stored) {
        finding = keptFinding(stored, index!, severity as Severity, this.binding);
        stored.finding = { severity: severity as Severity, value: finding };
      } else {
        finding = {
          start: report!.start,
          end: report!.end,
          message: report!.message ?? rule.title,
          fix: report!.fix,
          related: report!.related,
          instruction: report!.instruction,
          tag: report!.tag,
          rule,
          severity: severity as Severity,
        };
      }
      const last = findings[findings.length - 1];
      if (last && (last.start > finding.start || (last.start === finding.start && last.end > finding.end))) sorted = false;
      findings.push(finding);
    }
    if (!sorted) findings.sort((a, b) => a.start - b.start || a.end - b.end);
    return findings;
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
