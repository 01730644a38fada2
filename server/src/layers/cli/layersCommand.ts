// `layerwise layers IMAGE|FILE.tar` (loaded only when that command runs): the per-layer table
// and totals, `--json` for machines, and
// `--ci` for a gate that fails the build when an image wastes too much (dive's rules and
// `.dive-ci` file). Images are read straight from the engine's save stream; files from disk.
import { readFile, stat } from 'node:fs/promises';
import { EngineConnection, resolveEndpoint } from '../../../../client/src/engine';
import type { CliIO } from '../../cli/command';
import { exitCodes } from '../../cli/commands/layers';
import { analyseArchiveFile, type AnalysisProgress } from '../analyseArchive';
import { formatBytes, formatPercent } from '../byteSize';
import { effectiveRules, evaluateRules, parseCiConfig, toRuleKey, type RuleKey, type RuleResult, type WastedMetric } from '../ci/ciRules';
import { analyseEngineImage } from '../engineSource';
import { AnalysisCancelledError } from '../errors';
import type { ImageAnalysis } from '../model';
import { jsonReport } from '../report/jsonReport';
import { textReport } from '../report/textReport';

const usage = `Usage: layerwise layers IMAGE|FILE.tar [options]

Shows what every layer of an image adds, changes and deletes, its size, and the bytes it wrote
that a later layer removed or replaced ("wasted": the image still carries them). IMAGE is read
from the engine (docker save, streamed); FILE.tar is an archive from "docker save", "podman save"
or an OCI layout, optionally gzip- or zstd-compressed.

Options:
  --json                          print {sizeBytes, wastedBytes, inefficientBytes, efficiency, layers, wastedPaths}
  --image NAME                    which image of a multi-image archive (default: the first)
  --top N                         wasted paths listed in the table (default 10)
  --host URL                      engine to use (default: DOCKER_HOST, the docker context, the local socket)
  --context NAME                  docker context to use
  --stats                         print time, bytes read and peak memory to stderr (for benchmarks)

CI gate (exits 1 when a rule fails; dive's rules, read from .dive-ci when present):
  --ci                            evaluate the rules
  --ci-config FILE                rules file (default: ./.dive-ci)
  --lowest-efficiency N           fail when dive's efficiency is below N (0..1, default 0.9)
  --highest-wasted-bytes SIZE     fail when wasted bytes exceed SIZE (e.g. 20MB; default disabled)
  --highest-user-wasted-percent N fail when wasted ÷ bytes of all but the first layer exceeds N (0..1, default 0.1)
  --wasted-metric layerwise|dive  which wasted bytes the last two rules check: ours (default) or dive's
                                  inefficient bytes (every copy of a path seen in two or more layers)
  A rule set to "disabled" is skipped.

Exit codes: 0 done (and rules passed), 1 a rule failed, 2 bad usage or rules, 3 the image could not
be analysed, 130 interrupted.
`;

interface LayersArguments {
  target?: string;
  json: boolean;
  image?: string;
  top: number;
  host?: string;
  context?: string;
  ci: boolean;
  ciConfig?: string;
  ruleFlags: Partial<Record<RuleKey, string>>;
  metric: WastedMetric;
  help: boolean;
  stats: boolean;
}

class UsageError extends Error {}

export async function runLayersCommand(argv: readonly string[], io: CliIO, startedMs: number): Promise<number> {
  let options: LayersArguments;
  try {
    options = parseArguments(argv);
  } catch (error) {
    io.stderr.write(`layerwise layers: ${(error as Error).message}\nRun 'layerwise layers --help' for the options.\n`);
    return exitCodes.usage;
  }
  if (options.help) {
    io.stdout.write(usage);
    return exitCodes.ok;
  }
  if (!options.target) {
    io.stderr.write(`layerwise layers: name an image or an archive file.\n\n${usage}`);
    return exitCodes.usage;
  }
  let rules: Record<RuleKey, string> | undefined;
  if (options.ci) {
    try {
      rules = await loadRules(options, io);
    } catch (error) {
      io.stderr.write(`layerwise layers: ${(error as Error).message}\n`);
      return exitCodes.usage;
    }
  }

  const controller = new AbortController();
  const interrupt = (): void => controller.abort();
  process.once('SIGINT', interrupt);
  const progress = progressPrinter(io);
  let bytesRead = 0;
  const onProgress = (update: AnalysisProgress): void => {
    bytesRead = update.bytesRead;
    progress.update(update);
  };
  let analysis: ImageAnalysis;
  try {
    analysis = await analyse(options, options.target, controller.signal, onProgress);
  } catch (error) {
    progress.clear();
    if (error instanceof AnalysisCancelledError) {
      io.stderr.write(`layerwise layers: ${error.message}\n`);
      return exitCodes.cancelled;
    }
    io.stderr.write(`layerwise layers: ${error instanceof Error ? error.message : String(error)}\n`);
    return exitCodes.cannotAnalyse;
  } finally {
    process.off('SIGINT', interrupt);
  }
  progress.clear();
  if (options.stats) {
    const stats = { elapsedMs: Math.round(performance.now() - startedMs), bytesRead, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
    io.stderr.write(`stats: ${JSON.stringify(stats)}\n`);
  }

  if (options.json) io.stdout.write(`${JSON.stringify(jsonReport(analysis), null, 2)}\n`);
  else io.stdout.write(textReport(analysis, { topPaths: options.top, width: terminalWidth(io) }));

  if (!rules) return exitCodes.ok;
  const results = evaluateRules(rules, analysis, options.metric);
  // With --json, stdout stays pure JSON; the verdict goes to stderr.
  (options.json ? io.stderr : io.stdout).write(ciReport(results, analysis, options.metric));
  if (results.some((result) => result.status === 'misconfigured')) return exitCodes.usage;
  return results.some((result) => result.status === 'fail') ? exitCodes.ciFailed : exitCodes.ok;
}

function parseArguments(argv: readonly string[]): LayersArguments {
  const options: LayersArguments = { json: false, top: 10, ci: false, ruleFlags: {}, metric: 'layerwise', help: false, stats: false };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (!argument.startsWith('--') || argument === '--') {
      if (options.target) throw new UsageError(`unexpected argument "${argument}": only one image or file can be analysed at a time`);
      options.target = argument;
      continue;
    }
    const equals = argument.indexOf('=');
    const name = equals < 0 ? argument.slice(2) : argument.slice(2, equals);
    const value = (): string => {
      if (equals >= 0) return argument.slice(equals + 1);
      const next = argv[++index];
      if (next === undefined) throw new UsageError(`--${name} needs a value`);
      return next;
    };
    const ruleKey = toRuleKey(name);
    if (ruleKey) {
      options.ruleFlags[ruleKey] = value();
      options.ci = true;
      continue;
    }
    switch (name) {
      case 'help':
        options.help = true;
        break;
      case 'json':
        options.json = true;
        break;
      case 'stats':
        options.stats = true;
        break;
      case 'ci':
        options.ci = true;
        break;
      case 'ci-config':
        options.ciConfig = value();
        options.ci = true;
        break;
      case 'image':
        options.image = value();
        break;
      case 'host':
        options.host = value();
        break;
      case 'context':
        options.context = value();
        break;
      case 'top': {
        const top = Number(value());
        if (!Number.isInteger(top) || top < 0) throw new UsageError('--top needs a whole number');
        options.top = top;
        break;
      }
      case 'wasted-metric': {
        const metric = value();
        if (metric !== 'layerwise' && metric !== 'dive') throw new UsageError(`--wasted-metric is "layerwise" or "dive", not "${metric}"`);
        options.metric = metric;
        break;
      }
      default:
        throw new UsageError(`unknown option --${name}`);
    }
  }
  return options;
}

async function loadRules(options: LayersArguments, io: CliIO): Promise<Record<RuleKey, string>> {
  const path = options.ciConfig ?? '.dive-ci';
  let text: string | undefined;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || options.ciConfig) {
      throw new Error(`cannot read the CI rules file ${path}: ${(error as Error).message}`);
    }
  }
  const fromFile = text === undefined ? { rules: {}, warnings: [] } : parseCiConfig(text, path);
  for (const warning of fromFile.warnings) io.stderr.write(`warning: ${warning}\n`);
  return effectiveRules(fromFile.rules, options.ruleFlags);
}

async function analyse(
  options: LayersArguments,
  target: string,
  signal: AbortSignal,
  onProgress: (progress: AnalysisProgress) => void,
): Promise<ImageAnalysis> {
  if (await isFile(target)) {
    return (await analyseArchiveFile(target, { signal, onProgress, ...(options.image ? { image: options.image } : {}) })).analysis;
  }
  if (/\.(tar|tar\.gz|tgz|tar\.zst)$/.test(target)) throw new Error(`the file ${target} does not exist.`);
  const { endpoint } = await resolveEndpoint({
    ...(options.host ? { hostSetting: options.host } : {}),
    ...(options.context ? { contextSetting: options.context } : {}),
  });
  const engine = await EngineConnection.open(endpoint, { signal });
  try {
    return await analyseEngineImage(engine, target, { signal, onProgress });
  } finally {
    engine.dispose();
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function ciReport(results: readonly RuleResult[], analysis: ImageAnalysis, metric: WastedMetric): string {
  const label: Record<RuleResult['status'], string> = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP', misconfigured: 'MISCONFIGURED' };
  const lines = ['', `CI rules (wasted bytes: ${metric === 'dive' ? "dive's inefficient bytes" : 'layerwise'}):`];
  for (const result of results) lines.push(`  ${label[result.status]}: ${result.key}: ${result.message}`);
  const count = (status: RuleResult['status']): number => results.filter((result) => result.status === status).length;
  const failed = count('fail') + count('misconfigured');
  lines.push(
    `Result: ${failed > 0 ? 'FAIL' : 'PASS'} [Total:${results.length}] [Passed:${count('pass')}] [Failed:${failed}] [Skipped:${count('skip')}]` +
      `  (wasted ${formatBytes(analysis.wastedBytes)}, efficiency ${formatPercent(analysis.efficiency)})`,
  );
  return `${lines.join('\n')}\n`;
}

function progressPrinter(io: CliIO): { update: (progress: AnalysisProgress) => void; clear: () => void } {
  const stream = io.stderr as NodeJS.WriteStream;
  if (!stream.isTTY) return { update: () => undefined, clear: () => undefined };
  let lastMs = 0;
  let shown = false;
  return {
    update({ bytesRead, totalBytes }) {
      const now = Date.now();
      if (now - lastMs < 100) return;
      lastMs = now;
      shown = true;
      const share = totalBytes ? ` (${Math.min(99, Math.floor((bytesRead / totalBytes) * 100))} %)` : '';
      stream.write(`\rReading ${formatBytes(bytesRead)}${share}…   `);
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}

function terminalWidth(io: CliIO): number {
  const columns = (io.stdout as NodeJS.WriteStream).columns;
  return columns && columns > 40 ? columns : 120;
}
