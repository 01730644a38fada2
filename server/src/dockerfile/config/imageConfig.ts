// Predicts the image configuration BuildKit records for a stage, applying the stage's
// instructions the way dockerfile2llb dispatches them: a scratch stage starts with PATH and
// WORKDIR /; an earlier stage hands over its configuration (its ONBUILD triggers run first, its
// own OnBuild list is dropped); every image gets a PATH when its base has none; ENTRYPOINT
// drops a CMD inherited from the base; shell forms are wrapped in the stage's SHELL.
import type { ImageReference } from '../semantic/imageReference';
import { environmentWithPath } from '../semantic/model';
import { recordedWorkdir } from '../semantic/paths';
import { DEFAULT_LINUX_PATH } from '../semantic/predefined';
import type { BaseImageConfig, DockerfileModel, ExpandedWord, InstructionFacts, Stage, StageBase } from '../semantic/types';
import { skipSpace, trimSpaceEnd } from '../syntax/chars';
import { missingArguments } from '../syntax/requiredArguments';
import type { Instruction } from '../syntax/types';
import { parseGoDuration } from './duration';
import { parseStopSignal } from './signal';
import { ADDS_FILES, needsUserLookup, workdirCreatesNothing } from './userLookup';
import type { ConfigError, ConfigPrediction, ConfigSources, HealthcheckConfig, ImageConfig } from './types';

const DEFAULT_SHELL = ['/bin/sh', '-c'];
const MINIMUM_HEALTHCHECK_DURATION_NS = 1e6;

export type TargetResult = { readonly stage: Stage } | { readonly error: string };

/** The stage `--target NAME` selects (default: the last one), or why there is none. */
export function resolveTarget(model: DockerfileModel, target?: string): TargetResult {
  if (model.stages.length === 0) return { error: 'the Dockerfile has no FROM instruction, so no stage to build' };
  if (target === undefined || target === '') return { stage: model.stages[model.stages.length - 1] };
  const wanted = target.toLowerCase();
  const stage = model.stages.find((candidate) => candidate.name === wanted);
  if (stage) return { stage };
  const names = model.stages.map((candidate) => candidate.name).filter((name): name is string => name !== undefined);
  return { error: `target stage "${target}" could not be found${names.length ? `: the stages are ${names.join(', ')}` : ': no stage has a name (FROM image AS name)'}` };
}

/** The stage at `index`, or why there is none. */
export function stageByIndex(model: DockerfileModel, index: number): TargetResult {
  const stage = Number.isInteger(index) ? model.stages[index] : undefined;
  if (stage) return { stage };
  if (model.stages.length === 0) return { error: 'the Dockerfile has no FROM instruction, so no stage to build' };
  return { error: `there is no stage ${index}: stages are numbered from 0 to ${model.stages.length - 1}` };
}

export interface PredictOptions {
  /** The stage to build, by name (default: the last one). */
  readonly target?: string;
  /**
   * The stage to build, by index (0-based, as `COPY --from=0` counts): how to predict an unnamed
   * stage. Takes precedence over `target`.
   */
  readonly stageIndex?: number;
  /** `docker build --label`: added to the built image's labels. */
  readonly labels?: Readonly<Record<string, string>>;
}

/** Predicts `.Config` for the stage `stageIndex` or `target` selects (default: the last stage). */
export function predictImageConfig(model: DockerfileModel, options: PredictOptions = {}): ConfigPrediction | { readonly error: string } {
  const resolved = options.stageIndex !== undefined ? stageByIndex(model, options.stageIndex) : resolveTarget(model, options.target);
  if ('error' in resolved) return resolved;
  const facts = new Map<Instruction, InstructionFacts>();
  for (const fact of model.instructions) facts.set(fact.instruction, fact);
  const stagePrediction = new Predictor(model, facts).stage(resolved.stage.index);
  // Every stage's instructions are parsed before any is built: one without its arguments fails
  // the build whichever stage is the target.
  const parseErrors: ConfigError[] = [];
  for (const instruction of model.ast.instructions) {
    const missing = missingArguments(instruction);
    if (missing) parseErrors.push({ instruction, message: missing.message });
  }
  const prediction = parseErrors.length > 0 ? { ...stagePrediction, errors: [...parseErrors, ...stagePrediction.errors] } : stagePrediction;
  const labels = options.labels ?? {};
  if (Object.keys(labels).length === 0) return prediction;
  const config = cloneConfig(prediction.config);
  config.Labels = { ...(config.Labels ?? {}), ...labels };
  return { ...prediction, config: orderKeys(config) };
}

interface State {
  config: ImageConfig;
  sources: ConfigSources;
  notes: string[];
  errors: ConfigError[];
  complete: boolean;
  /** CMD was set in this stage (ENTRYPOINT then keeps it). */
  cmdSet: boolean;
  /** Built from scratch and nothing added since: the image has no /etc/passwd to look names up in. */
  bareScratch: boolean;
}

class Predictor {
  constructor(
    private readonly model: DockerfileModel,
    private readonly facts: ReadonlyMap<Instruction, InstructionFacts>,
  ) {}

  /** The stage's prediction: the stages it is built FROM first, oldest first (a loop, not a recursion: a chain may be thousands long). */
  stage(index: number): ConfigPrediction {
    const chain: number[] = [];
    for (let at: number | undefined = index; at !== undefined; ) {
      chain.push(at);
      const base: StageBase = this.model.stages[at].base;
      // A base names an earlier stage only; anything else would be a model error, not a loop to follow.
      at = base.kind === 'stage' && base.stageIndex < at ? base.stageIndex : undefined;
    }
    let parent: { prediction: ConfigPrediction; bareScratch: boolean } | undefined;
    for (let position = chain.length - 1; position >= 0; position--) {
      const stage = this.model.stages[chain[position]];
      const state = this.baseState(stage, parent);
      for (const trigger of stage.triggers) this.apply(trigger, state);
      for (const instruction of stage.instructions) {
        const fact = this.facts.get(instruction);
        if (fact && instruction !== stage.from) this.apply(fact, state);
      }
      const prediction = { config: orderKeys(state.config), stageIndex: stage.index, complete: state.complete, notes: state.notes, errors: state.errors, sources: state.sources };
      parent = { prediction, bareScratch: state.bareScratch };
    }
    return parent!.prediction;
  }

  /** Where a stage starts: its parent stage's end (`parent`, when its base is a stage), scratch, or an image. */
  private baseState(stage: Stage, parent: { prediction: ConfigPrediction; bareScratch: boolean } | undefined): State {
    const base = stage.base;
    if (base.kind === 'stage' && parent) {
      const from = parent.prediction;
      const config = cloneConfig(from.config);
      config.OnBuild = null;
      config.Env = environmentWithPath(config.Env);
      return { config, sources: { ...from.sources }, notes: [...from.notes], errors: [...from.errors], complete: from.complete, cmdSet: false, bareScratch: parent.bareScratch };
    }
    if (base.kind === 'scratch') {
      return { config: emptyConfig([`PATH=${DEFAULT_LINUX_PATH}`], '/'), sources: {}, notes: [], errors: [], complete: true, cmdSet: false, bareScratch: true };
    }
    if (base.kind === 'image') {
      const known = this.model.options.baseImageConfig?.(base.reference);
      if (known) return { config: fromBaseConfig(known), sources: {}, notes: [], errors: [], complete: true, cmdSet: false, bareScratch: false };
      return this.unknownBase(`the base image ${describe(base.reference)} is not known here`);
    }
    return this.unknownBase(`the base image of stage ${stage.index} depends on a value not known here`);
  }

  private unknownBase(why: string): State {
    return {
      config: emptyConfig([`PATH=${DEFAULT_LINUX_PATH}`], ''),
      sources: {},
      notes: [`${why}: what it sets (ENV, WORKDIR, USER, CMD, ENTRYPOINT, LABEL …) is missing, and its PATH may differ`],
      errors: [],
      complete: false,
      cmdSet: false,
      bareScratch: false,
    };
  }

  private apply(fact: InstructionFacts, state: State): void {
    const instruction = fact.instruction;
    const config = state.config;
    const line = `line ${instruction.range.start.line + 1}`;
    const unknownNote = (word: ExpandedWord | undefined): void => {
      if (word?.unknown) {
        state.complete = false;
        state.notes.push(`${instruction.name} on ${line} uses a value not known here (${word.value})`);
      }
    };
    const fail = (message: string): void => {
      state.errors.push({ instruction, message });
    };
    if (ADDS_FILES.has(instruction.name)) {
      const chown = instruction.flags.find((flag) => flag.name.value === 'chown')?.value?.value;
      if (state.bareScratch && chown !== undefined && !chown.includes('$') && needsUserLookup(chown)) {
        fail(`--chown=${chown} names a user or group, but an image built from scratch with nothing copied in has no /etc/passwd to look it up in (the engine: "invalid user index: -1")`);
      }
      state.bareScratch = false;
    }
    switch (instruction.name) {
      case 'ENV':
        for (const pair of fact.expandedPairs) {
          if (!pair.value) continue;
          unknownNote(pair.key);
          unknownNote(pair.value);
          config.Env = addEnv(config.Env, pair.key.value, pair.value.value);
        }
        state.sources.Env = instruction;
        break;
      case 'LABEL':
        for (const pair of fact.expandedPairs) {
          unknownNote(pair.key);
          unknownNote(pair.value);
          (config.Labels ??= {})[pair.key.value] = pair.value?.value ?? '';
        }
        state.sources.Labels = instruction;
        break;
      case 'WORKDIR': {
        const word = fact.expandedArgs?.[0];
        // None at all: a parse error of the whole file (missingArguments).
        if (!word) break;
        // A path that expands to nothing (`WORKDIR $UNSET`) builds: the directory stays.
        unknownNote(word);
        if (state.bareScratch && config.User && needsUserLookup(config.User) && !word.unknown && !workdirCreatesNothing(word.value)) {
          fail(`WORKDIR creates ${word.value} owned by USER ${config.User}, but an image built from scratch with nothing copied in has no /etc/passwd to look the name up in (the engine: "invalid user index: -1")`);
        }
        config.WorkingDir = recordedWorkdir(config.WorkingDir, word.value);
        state.sources.WorkingDir = instruction;
        break;
      }
      case 'USER': {
        const word = fact.expandedArgs?.[0];
        if (!word) break;
        unknownNote(word);
        config.User = word.value;
        state.sources.User = instruction;
        break;
      }
      case 'EXPOSE':
        for (const word of fact.expandedArgs ?? []) {
          unknownNote(word);
          for (const spec of word.value.split(/\s+/).filter(Boolean)) {
            const ports = parsePortSpec(spec);
            if (typeof ports === 'string') fail(ports);
            else for (const port of ports) (config.ExposedPorts ??= {})[port] = {};
          }
        }
        state.sources.ExposedPorts = instruction;
        break;
      case 'VOLUME':
        for (const word of fact.expandedArgs ?? []) {
          unknownNote(word);
          // Each path is trimmed (Go's strings.TrimSpace): `[" /data "]` is /data, `[" "]` fails.
          const path = word.value.slice(skipSpace(word.value, 0, word.value.length), trimSpaceEnd(word.value, 0, word.value.length));
          if (path === '') fail('VOLUME specified can not be an empty string');
          else (config.Volumes ??= {})[path] = {};
        }
        state.sources.Volumes = instruction;
        break;
      case 'STOPSIGNAL': {
        const word = fact.expandedArgs?.[0];
        if (!word) break;
        unknownNote(word);
        if (!word.unknown && !word.error && parseStopSignal(word.value) === undefined) {
          fail(`Invalid signal ${JSON.stringify(word.value)}: STOPSIGNAL takes a signal name such as SIGTERM, or a number`);
        }
        config.StopSignal = word.value;
        state.sources.StopSignal = instruction;
        break;
      }
      case 'SHELL':
        if (instruction.form !== 'exec') {
          fail('SHELL requires the arguments to be in JSON form, e.g. SHELL ["/bin/bash", "-c"]');
          break;
        }
        // An empty list is recorded as no SHELL at all (the field is omitted when empty).
        if (instruction.args.length > 0) config.Shell = instruction.args.map((arg) => arg.value);
        else delete config.Shell;
        state.sources.Shell = instruction;
        break;
      case 'CMD':
        config.Cmd = this.command(instruction, config);
        config.ArgsEscaped = true;
        state.cmdSet = true;
        state.sources.Cmd = instruction;
        break;
      case 'ENTRYPOINT':
        config.Entrypoint = this.command(instruction, config);
        state.sources.Entrypoint = instruction;
        if (!state.cmdSet) {
          config.Cmd = null;
          state.sources.Cmd = instruction;
        }
        break;
      case 'HEALTHCHECK': {
        const healthcheck = healthcheckOf(instruction);
        if (typeof healthcheck === 'string') fail(healthcheck);
        else {
          config.Healthcheck = healthcheck;
          state.sources.Healthcheck = instruction;
        }
        break;
      }
      case 'ONBUILD':
        if (instruction.trigger) {
          (config.OnBuild ??= []).push(triggerExpression(instruction.logicalText));
          state.sources.OnBuild = instruction;
        }
        break;
      default:
        break;
    }
  }

  /** CMD / ENTRYPOINT arguments: exec form as written (`[]` records nothing), shell form wrapped in the current SHELL. */
  private command(instruction: Instruction, config: ImageConfig): string[] | null {
    const args = instruction.args.map((arg) => arg.value);
    if (instruction.form === 'exec') return args.length > 0 ? args : null;
    const shell = config.Shell && config.Shell.length > 0 ? config.Shell : DEFAULT_SHELL;
    return [...shell, args.join(' ')];
  }
}

function describe(reference: ImageReference): string {
  return reference.text;
}

function emptyConfig(env: string[] | null, workingDir: string): ImageConfig {
  return {
    Hostname: '',
    Domainname: '',
    User: '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: env,
    Cmd: null,
    Image: '',
    Volumes: null,
    WorkingDir: workingDir,
    Entrypoint: null,
    OnBuild: null,
    Labels: null,
  };
}

/** The configuration a build starts from when its base is a known image. */
function fromBaseConfig(base: BaseImageConfig): ImageConfig {
  const config = emptyConfig(environmentWithPath(base.Env), base.WorkingDir ?? '');
  config.User = base.User ?? '';
  if (base.ExposedPorts) config.ExposedPorts = { ...base.ExposedPorts };
  config.Cmd = base.Cmd ? [...base.Cmd] : null;
  if (base.Healthcheck) config.Healthcheck = { ...base.Healthcheck, Test: [...base.Healthcheck.Test] };
  if (base.ArgsEscaped) config.ArgsEscaped = true;
  config.Volumes = base.Volumes ? { ...base.Volumes } : null;
  config.Entrypoint = base.Entrypoint ? [...base.Entrypoint] : null;
  config.Labels = base.Labels ? { ...base.Labels } : null;
  if (base.StopSignal) config.StopSignal = base.StopSignal;
  if (base.Shell) config.Shell = [...base.Shell];
  // The base's own ONBUILD triggers ran in this stage (see the model's triggers); they are not kept.
  return config;
}

/** A copy in the engine's key order. */
export function cloneConfig(config: ImageConfig): ImageConfig {
  const copy = emptyConfig(config.Env ? [...config.Env] : null, config.WorkingDir);
  copy.Hostname = config.Hostname;
  copy.Domainname = config.Domainname;
  copy.User = config.User;
  if (config.ExposedPorts) copy.ExposedPorts = { ...config.ExposedPorts };
  copy.Cmd = config.Cmd ? [...config.Cmd] : null;
  if (config.Healthcheck) copy.Healthcheck = { ...config.Healthcheck, Test: [...config.Healthcheck.Test] };
  if (config.ArgsEscaped) copy.ArgsEscaped = config.ArgsEscaped;
  copy.Volumes = config.Volumes ? { ...config.Volumes } : null;
  copy.Entrypoint = config.Entrypoint ? [...config.Entrypoint] : null;
  copy.OnBuild = config.OnBuild ? [...config.OnBuild] : null;
  copy.Labels = config.Labels ? { ...config.Labels } : null;
  if (config.StopSignal !== undefined) copy.StopSignal = config.StopSignal;
  if (config.Shell) copy.Shell = [...config.Shell];
  return orderKeys(copy);
}

const KEY_ORDER: (keyof ImageConfig)[] = [
  'Hostname',
  'Domainname',
  'User',
  'AttachStdin',
  'AttachStdout',
  'AttachStderr',
  'ExposedPorts',
  'Tty',
  'OpenStdin',
  'StdinOnce',
  'Env',
  'Cmd',
  'Healthcheck',
  'ArgsEscaped',
  'Image',
  'Volumes',
  'WorkingDir',
  'Entrypoint',
  'OnBuild',
  'Labels',
  'StopSignal',
  'Shell',
];

/** The configuration with its keys in the order `docker image inspect` prints them (maps sorted, as Go does). */
export function orderKeys(config: ImageConfig): ImageConfig {
  const ordered: Record<string, unknown> = {};
  for (const key of KEY_ORDER) {
    const value = config[key];
    if (value === undefined) continue;
    ordered[key] = key === 'ExposedPorts' || key === 'Volumes' || key === 'Labels' ? sortedMap(value as Record<string, unknown> | null) : value;
  }
  return ordered as unknown as ImageConfig;
}

function sortedMap<T>(map: Record<string, T> | null): Record<string, T> | null {
  if (!map) return map;
  const sorted: Record<string, T> = {};
  for (const key of Object.keys(map).sort(compareBytes)) sorted[key] = map[key];
  return sorted;
}

/** Go sorts map keys by bytes; for UTF-16 strings code-unit order agrees outside surrogates. */
function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** BuildKit's addEnv: replace the variable in place, or append it. */
function addEnv(env: string[] | null, key: string, value: string): string[] {
  const entries = env ?? [];
  const index = entries.findIndex((entry) => entry === key || entry.startsWith(`${key}=`));
  if (index >= 0) entries[index] = `${key}=${value}`;
  else entries.push(`${key}=${value}`);
  return entries;
}

/** EXPOSE's `[ip:][hostPort:]containerPort[/proto]`, ranges expanded: ["80/tcp", …] or an error. */
export function parsePortSpec(spec: string): string[] | string {
  const parts = spec.split(':');
  const containerPart = parts[parts.length - 1];
  const slash = containerPart.indexOf('/');
  const port = slash < 0 ? containerPart : containerPart.slice(0, slash);
  const proto = slash < 0 ? 'tcp' : containerPart.slice(slash + 1).toLowerCase() || 'tcp';
  if (port === '') return `no port specified: ${spec}`;
  if (proto !== 'tcp' && proto !== 'udp' && proto !== 'sctp') return `invalid protocol "${proto}" in EXPOSE ${spec}: use tcp, udp or sctp`;
  const range = port.split('-');
  if (range.length > 2 || !range.every((piece) => /^[0-9]{1,5}$/.test(piece) && Number(piece) <= 65535)) {
    return `invalid port "${port}" in EXPOSE ${spec}: use a number from 0 to 65535 or a range like 8000-8010`;
  }
  const start = Number(range[0]);
  const end = Number(range[range.length - 1]);
  if (end < start) return `invalid port range "${port}" in EXPOSE ${spec}`;
  const ports: string[] = [];
  for (let p = start; p <= end; p++) ports.push(`${p}/${proto}`);
  return ports;
}

/** HEALTHCHECK as BuildKit records it, or an error message. */
export function healthcheckOf(instruction: Instruction): HealthcheckConfig | string {
  const type = instruction.args[0]?.value.toUpperCase();
  if (type === undefined) return 'HEALTHCHECK needs CMD <command> or NONE';
  if (type === 'NONE') {
    return instruction.args.length > 1 ? 'HEALTHCHECK NONE takes no arguments' : { Test: ['NONE'] };
  }
  if (type !== 'CMD') return `Unknown type "${instruction.args[0].value}" in HEALTHCHECK (try CMD)`;
  const command = instruction.args.slice(1).map((arg) => arg.value);
  if (command.length === 0) return 'Missing command after HEALTHCHECK CMD';
  const healthcheck: HealthcheckConfig = { Test: instruction.form === 'exec' ? ['CMD', ...command] : ['CMD-SHELL', command.join(' ')] };
  const durations: [string, 'Interval' | 'Timeout' | 'StartPeriod' | 'StartInterval'][] = [
    ['interval', 'Interval'],
    ['timeout', 'Timeout'],
    ['start-period', 'StartPeriod'],
    ['start-interval', 'StartInterval'],
  ];
  for (const [flagName, field] of durations) {
    const value = instruction.flags.find((flag) => flag.name.value === flagName)?.value?.value;
    if (value === undefined || value === '') continue;
    const nanoseconds = parseGoDuration(value);
    if (typeof nanoseconds !== 'number') return `--${flagName}: ${nanoseconds.error}`;
    if (nanoseconds < 0) return `--${flagName} cannot be negative`;
    if (nanoseconds !== 0 && nanoseconds < MINIMUM_HEALTHCHECK_DURATION_NS) return `--${flagName} cannot be less than 1ms`;
    if (nanoseconds !== 0) healthcheck[field] = nanoseconds;
  }
  const retries = instruction.flags.find((flag) => flag.name.value === 'retries')?.value?.value;
  if (retries !== undefined && retries !== '') {
    if (!/^[+-]?[0-9]{1,10}$/.test(retries)) return `--retries must be a whole number, got "${retries}"`;
    const count = Number(retries);
    if (count < 0) return '--retries cannot be negative';
    if (count !== 0) healthcheck.Retries = count;
  }
  return healthcheck;
}

/** What ONBUILD records: the line without the ONBUILD keyword (BuildKit: `(?i)^\s*ONBUILD\s*`). */
export function triggerExpression(logicalText: string): string {
  let i = 0;
  while (i < logicalText.length && isRegexSpace(logicalText.charCodeAt(i))) i++;
  if (logicalText.slice(i, i + 7).toUpperCase() === 'ONBUILD') i += 7;
  while (i < logicalText.length && isRegexSpace(logicalText.charCodeAt(i))) i++;
  return logicalText.slice(i);
}

function isRegexSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}
