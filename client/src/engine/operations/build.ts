// Build an image through the Engine API: the context goes as a tar body, BuildKit is asked for
// with `version=2` (no client session is needed with a tar context) and its progress is decoded
// from the `moby.buildkit.trace` messages. Engines without BuildKit get the classic builder, and
// the caller is told. A failure names the Dockerfile instruction that failed, with the last lines
// of its output. Aborting the signal tears the connection down and asks the engine to cancel.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Transform } from 'node:stream';
import { createBuildContext } from './buildContext';
import { BuildkitVertex, decodeBuildkitTrace } from './buildkitStatus';
import { DockerfileInstruction, instructionAtLine, instructionForBuildkitVertex, instructionForClassicStep, readBuildDockerfile } from './dockerfileSteps';
import { EngineAccess, cancelledError, jsonRequest, streamRequest } from './engineAccess';
import { jsonMessages, messageError } from './jsonMessages';

export type Builder = 'buildkit' | 'classic';

export interface BuildOptions {
  readonly contextDir: string;
  /** Absolute, or relative to the context. */
  readonly dockerfile: string;
  readonly tags?: readonly string[];
  readonly buildArgs?: Readonly<Record<string, string>>;
  readonly labels?: Readonly<Record<string, string>>;
  readonly target?: string;
  readonly platform?: string;
  readonly noCache?: boolean;
  /** Always attempt to pull a newer base image. */
  readonly pull?: boolean;
  /** 'auto' (default): BuildKit, falling back to the classic builder when the engine has none. */
  readonly builder?: 'auto' | Builder;
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: BuildEvent) => void;
}

export type BuildEvent =
  | { readonly kind: 'builder'; readonly builder: Builder; readonly reason?: string }
  | { readonly kind: 'context'; readonly sentBytes: number }
  | { readonly kind: 'step'; readonly id: string; readonly name: string; readonly state: 'started' | 'done' | 'cached' | 'failed'; readonly instruction?: DockerfileInstruction; readonly error?: string; readonly durationMs?: number }
  | { readonly kind: 'progress'; readonly id: string; readonly name: string; readonly current: number; readonly total: number }
  | { readonly kind: 'output'; readonly stepId?: string; readonly text: string }
  | { readonly kind: 'warning'; readonly text: string };

export interface BuildResult {
  readonly imageId: string;
  readonly tags: readonly string[];
  readonly builder: Builder;
  readonly steps: number;
  readonly cachedSteps: number;
  readonly durationMs: number;
}

/** Lines of a failing step's output kept for the diagnostic. */
const failureOutputLines = 12;

export class BuildFailedError extends Error {
  constructor(
    readonly dockerfile: string,
    /** What the builder said (the last error message). */
    readonly builderMessage: string,
    /** The instruction that failed, when the builder's report names one. */
    readonly instruction: DockerfileInstruction | undefined,
    /** The last lines of the failing step's output. */
    readonly lastOutput: readonly string[],
  ) {
    const where = instruction ? ` at line ${instruction.startLine + 1} (${instruction.keyword})` : '';
    super(`The build of ${path.basename(dockerfile)} failed${where}: ${builderMessage}`);
    this.name = 'BuildFailedError';
  }
}

const unsupportedBuildkit = /buildkit (is )?not supported|unsupported builder version|BuildKit is not enabled|builder version 2/i;

export async function buildImage(engine: EngineAccess, options: BuildOptions): Promise<BuildResult> {
  const dockerfilePath = path.resolve(options.contextDir, options.dockerfile);
  const dockerfileText = await fs.promises.readFile(dockerfilePath, 'utf8').catch((error: Error) => {
    throw new Error(`Cannot read the Dockerfile ${dockerfilePath}: ${error.message}`);
  });
  const wanted = options.builder ?? 'auto';
  if (wanted === 'classic') return runBuild(engine, options, dockerfilePath, dockerfileText, 'classic');
  try {
    return await runBuild(engine, options, dockerfilePath, dockerfileText, 'buildkit');
  } catch (error) {
    if (wanted === 'auto' && !(error instanceof BuildFailedError) && unsupportedBuildkit.test((error as Error).message)) {
      options.onEvent?.({ kind: 'builder', builder: 'classic', reason: `BuildKit is not available on ${engine.endpoint.label}; using the classic builder` });
      return runBuild(engine, options, dockerfilePath, dockerfileText, 'classic');
    }
    throw error;
  }
}

interface StepState {
  readonly id: string;
  name: string;
  instruction?: DockerfileInstruction;
  started: boolean;
  finished: boolean;
  output: string[];
  partialLine: string;
}

async function runBuild(engine: EngineAccess, options: BuildOptions, dockerfilePath: string, dockerfileText: string, builder: Builder): Promise<BuildResult> {
  const started = Date.now();
  const operation = `build ${path.basename(dockerfilePath)}`;
  const context = createBuildContext({ contextDir: options.contextDir, dockerfile: dockerfilePath });
  const buildId = `layerwise-${randomBytes(8).toString('hex')}`;
  const emit = (event: BuildEvent) => options.onEvent?.(event);
  emit({ kind: 'builder', builder });

  let sentBytes = 0;
  let lastReport = 0;
  // Counted inside the pipe: a 'data' listener would start the flow before the request is
  // attached and lose the first bytes.
  const body = context.stream.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        sentBytes += chunk.length;
        if (sentBytes - lastReport >= 1024 * 1024) {
          lastReport = sentBytes;
          emit({ kind: 'context', sentBytes });
        }
        callback(null, chunk);
      },
    }),
  );
  context.stream.on('error', (error) => body.destroy(error));

  const controller = new AbortController();
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const cancelOnEngine = () => {
    if (builder !== 'buildkit') return;
    // The connection drop alone stops the solve, but an explicit cancel is immediate.
    void jsonRequest(engine, { method: 'POST', path: '/build/cancel', query: { id: buildId } }, 'cancel the build').catch(() => undefined);
  };
  options.signal?.addEventListener('abort', cancelOnEngine, { once: true });

  const query: Record<string, unknown> = {
    dockerfile: context.dockerfileInContext,
    t: options.tags && options.tags.length > 0 ? [...options.tags] : undefined,
    buildargs: options.buildArgs && Object.keys(options.buildArgs).length > 0 ? options.buildArgs : undefined,
    labels: options.labels && Object.keys(options.labels).length > 0 ? options.labels : undefined,
    target: options.target || undefined,
    platform: options.platform || undefined,
    nocache: options.noCache ? true : undefined,
    pull: options.pull ? '1' : undefined,
    rm: true,
    forcerm: true,
    version: builder === 'buildkit' ? '2' : '1',
    buildid: builder === 'buildkit' ? buildId : undefined,
  };
  for (const key of Object.keys(query)) if (query[key] === undefined) delete query[key];

  const dockerfile = readBuildDockerfile(dockerfileText);
  const steps = new Map<string, StepState>();
  const order: StepState[] = [];
  let imageId: string | undefined;
  let failure: string | undefined;
  let classicStep: StepState | undefined;
  let stepCount = 0;
  let cachedCount = 0;

  // Which builder really ran shows in the messages: BuildKit traces, or classic "Step k/n" lines
  // (an engine without BuildKit, e.g. Podman, answers version=2 with the latter).
  let sawBuildkit = false;
  let sawClassic = false;
  const stepFor = (id: string, name: string, kind: Builder): StepState => {
    let step = steps.get(id);
    if (!step) {
      step = { id, name, started: false, finished: false, output: [], partialLine: '' };
      step.instruction = kind === 'buildkit' ? instructionForBuildkitVertex(dockerfile, name) : instructionForClassicStep(dockerfile, name);
      steps.set(id, step);
      order.push(step);
    }
    return step;
  };
  const appendOutput = (step: StepState | undefined, text: string) => {
    emit({ kind: 'output', stepId: step?.id, text });
    if (!step) return;
    const lines = (step.partialLine + text).split(/\r?\n/);
    step.partialLine = lines.pop() ?? '';
    for (const line of lines) {
      // Keep what a terminal would show after carriage returns (progress bars).
      step.output.push(line.slice(line.lastIndexOf('\r') + 1));
    }
    if (step.output.length > failureOutputLines * 4) step.output.splice(0, step.output.length - failureOutputLines);
  };
  const onVertex = (vertex: BuildkitVertex) => {
    const step = stepFor(vertex.digest, vertex.name, 'buildkit');
    if (vertex.startedMs !== undefined && !step.started && !vertex.cached) {
      step.started = true;
      emit({ kind: 'step', id: step.id, name: step.name, state: 'started', instruction: step.instruction });
    }
    if ((vertex.completedMs !== undefined || vertex.cached) && !step.finished) {
      step.finished = true;
      if (step.instruction) stepCount++;
      if (vertex.cached && step.instruction) cachedCount++;
      const state = vertex.error ? 'failed' : vertex.cached ? 'cached' : 'done';
      const durationMs = vertex.startedMs !== undefined && vertex.completedMs !== undefined ? vertex.completedMs - vertex.startedMs : undefined;
      emit({ kind: 'step', id: step.id, name: step.name, state, instruction: step.instruction, error: vertex.error, durationMs });
    }
    if (vertex.error) {
      step.finished = true;
      failedStep = step;
      failedVertexError = vertex.error;
    }
  };
  let failedStep: StepState | undefined;
  let failedVertexError: string | undefined;

  try {
    const response = await streamRequest(engine, { method: 'POST', path: '/build', query, body, signal: controller.signal }, operation);
    try {
      for await (const message of jsonMessages(response)) {
        const error = messageError(message);
        if (error) {
          failure = error;
          continue;
        }
        if (message.id === 'moby.buildkit.trace' && typeof message.aux === 'string') {
          sawBuildkit = true;
          const status = decodeBuildkitTrace(message.aux);
          for (const vertex of status.vertexes) onVertex(vertex);
          for (const progress of status.statuses) {
            emit({ kind: 'progress', id: progress.vertex, name: progress.name || progress.id, current: progress.current, total: progress.total });
          }
          for (const log of status.logs) appendOutput(steps.get(log.vertex), log.data.toString('utf8'));
          for (const warning of status.warnings) emit({ kind: 'warning', text: warning.short });
          continue;
        }
        if (message.id === 'moby.image.id' && message.aux && typeof (message.aux as { ID?: unknown }).ID === 'string') {
          imageId = (message.aux as { ID: string }).ID;
          continue;
        }
        if (message.aux && typeof (message.aux as { ID?: unknown }).ID === 'string') {
          imageId = (message.aux as { ID: string }).ID;
          continue;
        }
        if (typeof message.stream === 'string') {
          const text = message.stream;
          const stepLine = /^(?:Step|STEP) (\d+)\/(\d+) ?: .*/m.exec(text);
          if (stepLine) {
            if (classicStep && !classicStep.finished) {
              classicStep.finished = true;
              emit({ kind: 'step', id: classicStep.id, name: classicStep.name, state: 'done', instruction: classicStep.instruction });
            }
            if (!sawClassic && builder === 'buildkit' && !sawBuildkit) {
              emit({ kind: 'builder', builder: 'classic', reason: `${engine.endpoint.label} has no BuildKit: it built with its classic builder` });
            }
            sawClassic = true;
            const normalized = stepLine[0].replace(/^STEP (\d+)\/(\d+): /, 'Step $1/$2 : ');
            classicStep = stepFor(`step-${stepLine[1]}`, normalized.trim(), 'classic');
            classicStep.started = true;
            stepCount++;
            emit({ kind: 'step', id: classicStep.id, name: classicStep.name, state: 'started', instruction: classicStep.instruction });
            continue;
          }
          if (/^ ---> Using cache/m.test(text) && classicStep) cachedCount++;
          const built = /Successfully built ([0-9a-f]{12,64})/.exec(text);
          if (built && !imageId) imageId = built[1];
          appendOutput(classicStep, text);
          continue;
        }
        if (typeof message.status === 'string') emit({ kind: 'output', text: `${message.status}${message.progress ? ` ${message.progress}` : ''}\n` });
      }
    } catch (error) {
      if (controller.signal.aborted) throw cancelledError(engine, operation);
      throw engine.translate(error, operation);
    }
  } catch (error) {
    if (controller.signal.aborted) throw cancelledError(engine, operation);
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    options.signal?.removeEventListener('abort', cancelOnEngine);
    context.stream.destroy();
  }
  if (controller.signal.aborted) throw cancelledError(engine, operation);

  if (failure !== undefined) {
    let step = failedStep ?? (sawClassic ? classicStep : undefined);
    if (step && step.partialLine) {
      step.output.push(step.partialLine);
      step.partialLine = '';
    }
    let instruction = step?.instruction;
    // Parse errors name a line instead of a step.
    const parseLine = /(?:parse error|error parsing).*?line (\d+)/i.exec(failure);
    if (!instruction && parseLine) {
      const line = Number(parseLine[1]) - 1;
      instruction = instructionAtLine(dockerfile, line) ?? {
        keyword: '',
        args: '',
        startLine: line,
        endLine: line,
      };
      step = undefined;
    }
    const lastOutput = (step?.output ?? []).filter((line) => line.trim() !== '').slice(-failureOutputLines);
    throw new BuildFailedError(dockerfilePath, failedVertexError && !failure.includes(failedVertexError) ? `${failure} (${failedVertexError})` : failure, instruction, lastOutput);
  }
  if (classicStep && !classicStep.finished) {
    classicStep.finished = true;
    emit({ kind: 'step', id: classicStep.id, name: classicStep.name, state: 'done', instruction: classicStep.instruction });
  }
  if (!imageId) throw new Error(`The engine at ${engine.endpoint.label} finished the build of ${path.basename(dockerfilePath)} without reporting an image ID.`);
  const fullId = imageId.startsWith('sha256:') ? imageId : await resolveImageId(engine, imageId);
  return { imageId: fullId, tags: options.tags ?? [], builder: sawClassic && !sawBuildkit ? 'classic' : builder, steps: stepCount, cachedSteps: cachedCount, durationMs: Date.now() - started };
}

async function resolveImageId(engine: EngineAccess, shortId: string): Promise<string> {
  try {
    const info = await engine.docker.getImage(shortId).inspect();
    return info.Id;
  } catch {
    return shortId;
  }
}
