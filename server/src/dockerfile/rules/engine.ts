// Runs the rules over one analysed Dockerfile: the parser's and the model's problems, then every
// check in a single pass over the instructions (each check is called only for the instruction
// names it asked for), then the whole-file checks. Severities come from the table, then the
// configuration; inline ignores in the three dialects drop what the file itself silences.
import { instructionAt, type DockerfileDocument } from '../index';
import type { Instruction, InstructionFacts, Stage } from '../index';
import { ShellCache } from '../shell/cache';
import { programsIn } from '../shell/invocations';
import { runScript, type RunScript } from '../shell/runScript';
import { CHECKS } from './checks';
import { parseCheckOptions, readPragma, type CheckDirectiveOptions, type Pragma } from './ignores';
import { ruleOfProblem } from './problems';
import { RULES, ruleById } from './registry';
import type { Check, CheckContext, Finding, Report, RuleDefinition, RuleId, RuleOptions, Severity, SeveritySetting } from './types';

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
}

const DEFAULT_OPTIONS: RuleOptions = { trustedRegistries: [], labelSchema: {}, strictLabels: false };
const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'ksh', 'mksh', 'zsh', 'busybox']);

/** Lints one document. `shells` keeps parsed RUN scripts between calls (pass the same one each time). */
export function lintDocument(document: DockerfileDocument, config: LintConfig = {}, shells: ShellCache = new ShellCache()): LintResult {
  return new LintRun(document, config, shells).run();
}

interface RawFinding {
  readonly rule: RuleDefinition;
  readonly report: Report;
}

class LintRun implements CheckContext {
  readonly text: string;
  readonly options: RuleOptions;
  private readonly raw: RawFinding[] = [];
  private current: RuleDefinition = RULES[0];
  private readonly stageByInstruction = new Map<Instruction, Stage>();
  private readonly facts = new Map<Instruction, InstructionFacts>();
  private readonly scripts = new Map<Instruction, RunScript | undefined>();
  private readonly shellsByStage = new Map<Stage, Instruction[]>();
  private readonly pragmas: Pragma[] = [];
  private shellRulesOff = false;
  private readonly checkDirective: CheckDirectiveOptions | undefined;

  constructor(
    readonly document: DockerfileDocument,
    private readonly config: LintConfig,
    readonly shells: ShellCache,
  ) {
    this.text = document.text;
    this.options = { ...DEFAULT_OPTIONS, ...config.options };
    for (const stage of document.model.stages) for (const instruction of stage.instructions) this.stageByInstruction.set(instruction, stage);
    for (const facts of document.model.instructions) this.facts.set(facts.instruction, facts);
    for (const comment of document.ast.comments) {
      const pragma = readPragma(comment);
      if (!pragma) continue;
      if ('shell' in pragma) this.shellRulesOff = !POSIX_SHELLS.has(pragma.shell.toLowerCase());
      else this.pragmas.push(pragma);
    }
    const directive = document.ast.directives.find((candidate) => candidate.name === 'check');
    this.checkDirective = directive ? parseCheckOptions(directive.valueToken.value) : undefined;
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

    const severities = this.resolveSeverities();
    const active = (Object.keys(CHECKS) as RuleId[]).filter((id) => severities.get(id) !== 'off' && this.requirementMet(ruleById(id)));
    const byInstruction = new Map<string, { rule: RuleDefinition; check: Check }[]>();
    const documentChecks: { rule: RuleDefinition; check: Check }[] = [];
    for (const id of active) {
      const check = CHECKS[id] as Check;
      const entry = { rule: ruleById(id), check };
      if (check.visit) {
        for (const name of check.instructions ?? []) {
          let list = byInstruction.get(name);
          if (!list) byInstruction.set(name, (list = []));
          list.push(entry);
        }
      }
      if (check.document) documentChecks.push(entry);
    }
    // RUN checks about particular programs run only for the scripts that run them.
    const runEntries = byInstruction.get('RUN') ?? [];
    byInstruction.set('RUN', runEntries.filter((entry) => !entry.check.programs));
    const byProgram = new Map<string, { rule: RuleDefinition; check: Check }[]>();
    for (const entry of runEntries) {
      for (const program of entry.check.programs ?? []) {
        let list = byProgram.get(program);
        if (!list) byProgram.set(program, (list = []));
        list.push(entry);
      }
    }
    for (const instruction of ast.instructions) {
      const entries = byInstruction.get(instruction.name);
      if (entries) {
        for (const { rule, check } of entries) {
          this.current = rule;
          check.visit!(instruction, this);
        }
      }
      if (instruction.name === 'RUN' && byProgram.size > 0) this.visitPrograms(instruction, byProgram);
    }
    for (const { rule, check } of documentChecks) {
      this.current = rule;
      check.document!(this);
    }
    return {
      findings: this.finish(severities),
      pragmas: this.pragmas,
      checkDirective: this.checkDirective,
      shellRulesOff: this.shellRulesOff,
    };
  }

  private visitPrograms(instruction: Instruction, byProgram: Map<string, { rule: RuleDefinition; check: Check }[]>): void {
    const script = this.runScript(instruction);
    if (!script) return;
    const called = new Set<Check>();
    for (const program of programsIn(script.script)) {
      for (const { rule, check } of byProgram.get(program) ?? []) {
        if (called.has(check)) continue;
        called.add(check);
        this.current = rule;
        check.visit!(instruction, this);
      }
    }
  }

  // ---- CheckContext

  report(report: Report): void {
    this.raw.push({ rule: this.current, report });
  }

  factsOf(instruction: Instruction): InstructionFacts | undefined {
    return this.facts.get(instruction);
  }

  stageOf(instruction: Instruction): Stage | undefined {
    return this.stageByInstruction.get(instruction);
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

  private finish(severities: Map<RuleId, SeveritySetting>): Finding[] {
    const instructions = this.document.ast.instructions;
    const directive = this.checkDirective;
    // Every inline ignore is a comment of the file: without any, nothing is ignored inline.
    const ignoresHonoured = !this.config.disableInlineIgnores && this.pragmas.length > 0;
    const filePragmas = this.pragmas.filter((pragma) => pragma.kind === 'file');
    const stagePragmas = this.pragmas.filter((pragma) => pragma.kind === 'stage');
    const codesOf = new Map<RuleDefinition, { codes: string[]; buildkit: string[] }>();
    const findings: Finding[] = [];
    for (const { rule, report } of this.raw) {
      let severity = severities.get(rule.id) ?? 'off';
      if (severity === 'off') continue;
      let known = codesOf.get(rule);
      if (!known) codesOf.set(rule, (known = { codes: [rule.id, ...rule.aliases.map((alias) => alias.toLowerCase())], buildkit: rule.aliases.filter(isBuildkitCheckName) }));
      const { codes, buildkit } = known;
      if (directive && buildkit.length > 0) {
        if (directive.skipAll || buildkit.some((name) => directive.skip.includes(name))) continue;
        if (directive.error) severity = 'error';
      }
      if (ignoresHonoured) {
        if (filePragmas.some((pragma) => matches(pragma, codes, buildkit.length > 0))) continue;
        const instruction = report.instruction ?? instructionAt(instructions, report.start);
        if (instruction && this.ignoredAt(instruction, codes, buildkit.length > 0, stagePragmas)) continue;
      }
      findings.push({
        start: report.start,
        end: report.end,
        message: report.message ?? rule.title,
        fix: report.fix,
        related: report.related,
        instruction: report.instruction,
        tag: report.tag,
        rule,
        severity: severity as Severity,
      });
    }
    findings.sort((a, b) => a.start - b.start || a.end - b.end);
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
