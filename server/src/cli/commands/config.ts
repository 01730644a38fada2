// `layerwise config FILE`: the image configuration a BuildKit build of the Dockerfile records —
// `docker image inspect`'s `.Config` — predicted without building. `--json` prints exactly that
// shape, so it can be diffed with `docker image inspect --format '{{json .Config}}' IMAGE`.
import { readFile } from 'node:fs/promises';
import { analyzeText, formatGoDuration, parsePlatform, predictImageConfig, type ImageConfig, type Platform } from '../../dockerfile';
import type { CliCommand, CliIO } from '../command';

const exitCodes = { ok: 0, buildWouldFail: 1, usage: 2, unreadable: 3 } as const;

const usage = `Usage: layerwise config FILE [--target NAME] [--build-arg KEY=VALUE]... [--label KEY=VALUE]... [--platform OS/ARCH] [--json]

Predicts the image configuration (ENV, CMD, ENTRYPOINT, WORKDIR, USER, LABEL, EXPOSE, VOLUME,
HEALTHCHECK, STOPSIGNAL, SHELL, ONBUILD) that building FILE with BuildKit records, as
"docker image inspect" shows it under .Config. FILE may be - for standard input.

Options:
  --target NAME            the stage to build (default: the last one)
  --build-arg KEY=VALUE    a build argument; KEY alone takes the value from the environment
  --label KEY=VALUE        a label docker build --label adds to the image
  --platform OS/ARCH       the platform TARGETPLATFORM and friends describe (default: this machine's)
  --json                   print the configuration as JSON (notes go to standard error)

Base images outside the file are not inspected: what they set is reported as unknown.
Exit codes: 0 predicted, 1 the build would fail (errors listed), 2 bad usage, 3 unreadable file.
`;

interface ConfigArguments {
  file?: string;
  target?: string;
  buildArgs: Record<string, string>;
  labels: Record<string, string>;
  platform?: Platform;
  json: boolean;
  help: boolean;
}

export const configCommand: CliCommand = {
  name: 'config',
  summary: 'predict the image configuration (docker image inspect .Config) a build of a Dockerfile records',
  async run(argv, io) {
    let options: ConfigArguments;
    try {
      options = parseArguments(argv);
    } catch (error) {
      return usageError(io, (error as Error).message);
    }
    if (options.help) {
      io.stdout.write(usage);
      return exitCodes.ok;
    }
    if (!options.file) return usageError(io, 'name the Dockerfile');
    let text: string;
    try {
      text = options.file === '-' ? await readStdin() : await readFile(options.file, 'utf8');
    } catch (error) {
      io.stderr.write(`layerwise config: cannot read ${options.file}: ${(error as Error).message}\n`);
      return exitCodes.unreadable;
    }
    const platform = options.platform ?? hostPlatform();
    const { model } = analyzeText(text, { buildArgs: options.buildArgs, target: options.target, platform: { build: hostPlatform(), target: platform } });
    const prediction = predictImageConfig(model, { target: options.target, labels: options.labels });
    if ('error' in prediction) {
      io.stderr.write(`layerwise config: ${prediction.error}\n`);
      return exitCodes.buildWouldFail;
    }
    const blocking = [
      ...model.ast.problems.filter((problem) => problem.severity === 'error'),
      ...model.problems,
    ].map((problem) => `${options.file}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.message}`);
    const errors = [...blocking, ...prediction.errors.map((error) => `${options.file}:${error.instruction.range.start.line + 1}: ${error.message}`)];
    const notes = prediction.notes.map((note) => `note: ${note}`);
    if (options.json) {
      io.stdout.write(JSON.stringify(prediction.config, null, 2) + '\n');
      for (const line of [...errors.map((error) => `error: ${error}`), ...notes]) io.stderr.write(line + '\n');
    } else {
      io.stdout.write(describeConfig(prediction.config));
      for (const line of [...errors.map((error) => `error: ${error}`), ...notes]) io.stdout.write(line + '\n');
    }
    return errors.length > 0 ? exitCodes.buildWouldFail : exitCodes.ok;
  },
};

function parseArguments(argv: readonly string[]): ConfigArguments {
  const options: ConfigArguments = { buildArgs: {}, labels: {}, json: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--help':
      case '-h':
        options.help = true;
        break;
      case '--json':
        options.json = true;
        break;
      case '--target':
        options.target = value();
        break;
      case '--build-arg': {
        const pair = value();
        const equals = pair.indexOf('=');
        if (equals === 0) throw new Error(`--build-arg ${pair}: the name is missing (KEY=VALUE)`);
        if (equals < 0) {
          const fromEnvironment = process.env[pair];
          if (fromEnvironment !== undefined) options.buildArgs[pair] = fromEnvironment;
        } else options.buildArgs[pair.slice(0, equals)] = pair.slice(equals + 1);
        break;
      }
      case '--label': {
        const pair = value();
        const equals = pair.indexOf('=');
        options.labels[equals < 0 ? pair : pair.slice(0, equals)] = equals < 0 ? '' : pair.slice(equals + 1);
        break;
      }
      case '--platform': {
        const text = value();
        const platform = parsePlatform(text);
        if (!platform) throw new Error(`--platform ${text}: use OS/ARCH[/VARIANT], e.g. linux/amd64`);
        options.platform = platform;
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') throw new Error(`unknown option ${arg}`);
        if (options.file !== undefined) throw new Error(`one file at a time (got ${options.file} and ${arg})`);
        options.file = arg;
    }
  }
  return options;
}

/** The platform Docker reports for this machine (linux/amd64 on x64 …). */
function hostPlatform(): Platform {
  const architectures: Record<string, Platform['architecture']> = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };
  const architecture = architectures[process.arch] ?? process.arch;
  return architecture === 'arm' ? { os: 'linux', architecture, variant: 'v7' } : { os: 'linux', architecture };
}

function describeConfig(config: ImageConfig): string {
  const lines: string[] = [];
  const list = (values: readonly string[] | null | undefined): string => (values ? JSON.stringify(values) : '(none)');
  lines.push(`WorkingDir   ${config.WorkingDir || '(base image default)'}`);
  lines.push(`User         ${config.User || '(root)'}`);
  lines.push(`Entrypoint   ${list(config.Entrypoint)}`);
  lines.push(`Cmd          ${list(config.Cmd)}`);
  if (config.Shell) lines.push(`Shell        ${list(config.Shell)}`);
  if (config.StopSignal) lines.push(`StopSignal   ${config.StopSignal}`);
  lines.push(`Env`);
  for (const entry of config.Env ?? []) lines.push(`  ${entry}`);
  if (config.ExposedPorts) lines.push(`ExposedPorts ${Object.keys(config.ExposedPorts).join(' ')}`);
  if (config.Volumes) lines.push(`Volumes      ${Object.keys(config.Volumes).join(' ')}`);
  if (config.Labels) {
    lines.push('Labels');
    for (const [key, value] of Object.entries(config.Labels)) lines.push(`  ${key}=${value}`);
  }
  if (config.Healthcheck) {
    const health = config.Healthcheck;
    const timing = (['Interval', 'Timeout', 'StartPeriod', 'StartInterval'] as const)
      .filter((field) => health[field] !== undefined)
      .map((field) => `${field}=${formatGoDuration(health[field] ?? 0)}`);
    if (health.Retries !== undefined) timing.push(`Retries=${health.Retries}`);
    lines.push(`Healthcheck  ${list(health.Test)}${timing.length ? ` ${timing.join(' ')}` : ''}`);
  }
  if (config.OnBuild) {
    lines.push('OnBuild');
    for (const trigger of config.OnBuild) lines.push(`  ${trigger}`);
  }
  return lines.join('\n') + '\n';
}

function usageError(io: CliIO, message: string): number {
  io.stderr.write(`layerwise config: ${message}\nRun 'layerwise config --help' for the options.\n`);
  return exitCodes.usage;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
