// `layerwise lint [FILES or globs…]`: the editor's rules in CI, with the same configuration
// (.hadolint.yaml next to each file or --config), in text, JSON, SARIF, Checkstyle or GitLab
// Code Quality format, failing at --fail-level.
import { readFile, stat } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { version } from '../../../../package.json';
import { analyzeText } from '../../dockerfile';
import { lintDocument, RULES, rulesForCode, type Severity, type SeveritySetting } from '../../dockerfile/rules';
import { ShellCache } from '../../dockerfile/shell/cache';
import { contextIgnoresFor } from '../../lint/dockerignore';
import { globFiles } from '../../lint/files';
import { checkstyleFormat } from '../../lint/formats/checkstyle';
import { gitlabFormat } from '../../lint/formats/gitlab';
import { jsonFormat } from '../../lint/formats/json';
import { sarifFormat } from '../../lint/formats/sarif';
import { textFormat } from '../../lint/formats/text';
import { ConfigError, findHadolintConfig, readHadolintConfig, type HadolintConfig } from '../../lint/hadolintConfig';
import { DEFAULT_LINT_SETTINGS, resolveLintConfig, type RuleSetting } from '../../lint/lintConfig';
import type { Formatter, ReportedFinding } from '../../lint/report';
import { ShellcheckRunner, ShellcheckUnavailableError } from '../../lint/shellcheck';
import type { CliCommand, CliIO } from '../command';

export const lintExitCodes = { ok: 0, failed: 1, usage: 2 } as const;

const FORMATS: Readonly<Record<string, Formatter>> = { text: textFormat, json: jsonFormat, sarif: sarifFormat, checkstyle: checkstyleFormat, gitlab: gitlabFormat };
const FAIL_LEVELS = ['error', 'warning', 'info', 'none'] as const;
type FailLevel = (typeof FAIL_LEVELS)[number];
const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };
/** Files read ahead of the one being linted. */
const READ_AHEAD = 16;
const DEFAULT_PATTERNS = ['**/Dockerfile', '**/Dockerfile.*', '**/*.Dockerfile', '**/*.dockerfile', '**/Containerfile', '**/Containerfile.*'];

const usage = `Usage: layerwise lint [FILES or globs…] [options]

Lints Dockerfiles with the rules the editor shows: syntax and build errors, every hadolint rule and
BuildKit build check that the text decides, and layer hygiene. Without FILES, every Dockerfile and
Containerfile under the current directory (node_modules and .git skipped). FILE may be - for stdin.

Options:
  --format text|json|sarif|checkstyle|gitlab   output format (default text)
  --fail-level error|warning|info|none         exit 1 when a finding is at least this severe
                                               (default: .hadolint.yaml failure-threshold, else warning)
  --config FILE                                a .hadolint.yaml to use instead of the one found next to each file
  --rule CODE=off|info|warning|error           set a rule's severity (id, DLxxxx or BuildKit check name); repeatable
  --ignore CODE                                same as --rule CODE=off; repeatable
  --shellcheck                                 also run ShellCheck on RUN scripts (must be installed)

Exit codes: 0 no finding at the fail level, 1 findings at the fail level, 2 bad usage, configuration or file.
`;

interface LintArguments {
  patterns: string[];
  format: string;
  failLevel: FailLevel | undefined;
  config: string | undefined;
  rules: Record<string, RuleSetting>;
  shellcheck: boolean;
  help: boolean;
}

class UsageError extends Error {}

export const lintCommand: CliCommand = {
  name: 'lint',
  summary: 'lint Dockerfiles with the editor\'s rules (text, json, sarif, checkstyle, gitlab); --fail-level for CI',
  async run(argv, io) {
    let options: LintArguments;
    try {
      options = parseArguments(argv);
    } catch (error) {
      io.stderr.write(`layerwise lint: ${(error as Error).message}\nRun 'layerwise lint --help' for the options.\n`);
      return lintExitCodes.usage;
    }
    if (options.help) {
      io.stdout.write(usage);
      return lintExitCodes.ok;
    }
    try {
      return await lint(options, io);
    } catch (error) {
      if (error instanceof ConfigError || error instanceof UsageError || error instanceof ShellcheckUnavailableError) {
        io.stderr.write(`layerwise lint: ${error.message}\n`);
        return lintExitCodes.usage;
      }
      throw error;
    }
  },
};

async function lint(options: LintArguments, io: CliIO): Promise<number> {
  const files = await expandFiles(options.patterns);
  if (files.length === 0) throw new UsageError(options.patterns.length === 0 ? 'no Dockerfile or Containerfile found under the current directory: name the files to lint.' : `no file matches ${options.patterns.join(' ')}.`);
  const explicitConfig = options.config ? await readHadolintConfig(options.config) : undefined;
  const settings = { ...DEFAULT_LINT_SETTINGS, rules: options.rules, shellcheck: { enable: options.shellcheck, path: 'shellcheck' } };
  const shells = new ShellCache();
  const shellcheck = options.shellcheck ? new ShellcheckRunner('shellcheck') : undefined;
  const configs = new Map<string, Promise<HadolintConfig | undefined>>();
  const findings: ReportedFinding[] = [];
  let threshold: FailLevel | undefined = options.failLevel;
  const prepare = async (file: string) => {
    const text = file === '-' ? readStdin() : readFile(file, 'utf8').catch((error: Error) => {
      throw new UsageError(`cannot read ${file}: ${error.message}`);
    });
    let hadolint: Promise<HadolintConfig | undefined> = Promise.resolve(explicitConfig);
    if (!explicitConfig && file !== '-') {
      const directory = dirname(resolve(file));
      if (!configs.has(directory)) configs.set(directory, findHadolintConfig(directory, undefined));
      hadolint = configs.get(directory)!;
    }
    const contextIgnores = file === '-' ? undefined : contextIgnoresFor(resolve(file));
    return { text: await text, hadolint: await hadolint, contextIgnores: await contextIgnores };
  };
  // The files ahead are read while one is linted: one at a time, the reads (and the look-ups of
  // .hadolint.yaml and .dockerignore) left the process waiting for a third of a corpus run.
  const ahead = new Map<number, ReturnType<typeof prepare>>();
  const readAhead = (index: number) => {
    if (index >= files.length || ahead.has(index)) return;
    const prepared = prepare(files[index]);
    prepared.catch(() => undefined); // awaited in turn below, which reports the failure
    ahead.set(index, prepared);
  };
  for (let index = 0; index < Math.min(READ_AHEAD, files.length); index++) readAhead(index);
  for (const [index, file] of files.entries()) {
    const { text, hadolint, contextIgnores } = await ahead.get(index)!;
    ahead.delete(index);
    readAhead(index + READ_AHEAD);
    threshold ??= thresholdOf(hadolint);
    const resolved = resolveLintConfig(hadolint, settings);
    for (const code of resolved.unknownCodes) io.stderr.write(`layerwise lint: ${hadolint?.path ?? '--rule'}: "${code}" names no rule; it is ignored.\n`);
    const document = analyzeText(text);
    const result = lintDocument(document, contextIgnores ? { ...resolved.lint, options: { ...resolved.lint.options, contextIgnores } } : resolved.lint, shells);
    const name = file === '-' ? '-' : relative(process.cwd(), resolve(file)) || file;
    const lines = document.ast.lines;
    const at = (start: number, end: number) => {
      const range = lines.rangeOf(start, end);
      return { line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
    };
    for (const finding of result.findings) {
      findings.push({ file: name, ...at(finding.start, finding.end), severity: finding.severity, code: finding.rule.id, aliases: finding.rule.aliases, message: finding.message });
    }
    if (shellcheck && !result.shellRulesOff) {
      for (const finding of await shellcheck.check(document, shells, resolved.ignoredShellcheckCodes)) {
        findings.push({ file: name, ...at(finding.start, finding.end), severity: finding.severity, code: finding.code, aliases: [], message: finding.message });
      }
    }
  }
  findings.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1));
  const names = files.map((file) => (file === '-' ? '-' : relative(process.cwd(), resolve(file)) || file));
  io.stdout.write(FORMATS[options.format]({ findings, rules: RULES, files: names }, version));
  const level = threshold ?? 'warning';
  if (level === 'none') return lintExitCodes.ok;
  return findings.some((finding) => RANK[finding.severity] >= RANK[level]) ? lintExitCodes.failed : lintExitCodes.ok;
}

function thresholdOf(config: HadolintConfig | undefined): FailLevel | undefined {
  switch (config?.failureThreshold) {
    case undefined:
      return undefined;
    case 'style':
      return 'info';
    case 'ignore':
    case 'none':
      return 'none';
    default:
      return config?.failureThreshold;
  }
}

async function expandFiles(patterns: readonly string[]): Promise<string[]> {
  if (patterns.length === 0) return [...new Set((await Promise.all(DEFAULT_PATTERNS.map((pattern) => globFiles(pattern)))).flat())].sort();
  const files: string[] = [];
  for (const pattern of patterns) {
    if (pattern === '-') {
      files.push('-');
      continue;
    }
    const kind = await stat(pattern).then((entry) => (entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : 'other'), () => 'missing');
    if (kind === 'file') {
      files.push(pattern);
      continue;
    }
    if (kind === 'directory') {
      // A directory stands for the Dockerfiles under it, found by the names the editor knows.
      const base = pattern.replace(/[\\/]+$/, '') || '/';
      const found = (await Promise.all(DEFAULT_PATTERNS.map((name) => globFiles(`${base}/${name}`)))).flat();
      if (found.length === 0) throw new UsageError(`${pattern}: a directory with no Dockerfile or Containerfile under it; name the files to lint, or a glob.`);
      files.push(...new Set(found.sort()));
      continue;
    }
    const matches = await globFiles(pattern);
    if (matches.length === 0 && !/[*?[{]/.test(pattern)) throw new UsageError(`${pattern}: no such file.`);
    files.push(...matches.sort());
  }
  return [...new Set(files)];
}

function parseArguments(argv: readonly string[]): LintArguments {
  const options: LintArguments = { patterns: [], format: 'text', failLevel: undefined, config: undefined, rules: {}, shellcheck: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--help':
      case '-h':
        options.help = true;
        break;
      case '--format':
      case '-f': {
        const format = value();
        if (!FORMATS[format]) throw new UsageError(`unknown format "${format}": use ${Object.keys(FORMATS).join(', ')}`);
        options.format = format;
        break;
      }
      case '--fail-level': {
        const level = value();
        if (!(FAIL_LEVELS as readonly string[]).includes(level)) throw new UsageError(`unknown fail level "${level}": use ${FAIL_LEVELS.join(', ')}`);
        options.failLevel = level as FailLevel;
        break;
      }
      case '--config':
      case '-c':
        options.config = value();
        break;
      case '--ignore':
        options.rules[checkCode(value())] = 'off';
        break;
      case '--rule': {
        const setting = value();
        const equals = setting.lastIndexOf('=');
        const severity = setting.slice(equals + 1);
        if (equals < 0 || !['off', 'info', 'warning', 'error'].includes(severity)) throw new UsageError(`--rule takes CODE=off|info|warning|error, not "${setting}"`);
        options.rules[checkCode(setting.slice(0, equals))] = severity as SeveritySetting;
        break;
      }
      case '--shellcheck':
        options.shellcheck = true;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        options.patterns.push(arg);
    }
  }
  return options;
}

function checkCode(code: string): string {
  if (rulesForCode(code).length === 0 && !/^SC\d{4}$/i.test(code)) throw new UsageError(`"${code}" names no rule: use a rule id (see docs/rules.md), a DLxxxx code or a BuildKit check name`);
  return code;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
