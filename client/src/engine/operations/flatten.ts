// Flatten an image to one layer: create a container from it (never started), stream its export
// straight into an image import (no temporary tar on disk), and carry the image's config across
// as import changes. The temporary container is removed whatever happens.
import { randomBytes } from 'node:crypto';
import { Transform } from 'node:stream';
import { EngineAccess, cancelledError, streamRequest } from './engineAccess';
import { readProgress } from './jsonMessages';
import { splitReference } from './registry';

export interface FlattenOptions {
  readonly image: string;
  /** The new image's name (repository[:tag]). */
  readonly target: string;
  readonly signal?: AbortSignal;
  /** Bytes of the export streamed into the import so far. */
  readonly onProgress?: (bytes: number) => void;
}

export interface ImageFigures {
  readonly id: string;
  readonly sizeBytes: number;
  readonly layers: number;
}

export interface FlattenResult {
  readonly before: ImageFigures;
  readonly after: ImageFigures;
  readonly target: string;
}

interface ImageConfig {
  Cmd?: string[] | null;
  Entrypoint?: string[] | null;
  Env?: string[] | null;
  ExposedPorts?: Record<string, unknown> | null;
  Labels?: Record<string, string> | null;
  OnBuild?: string[] | null;
  User?: string;
  Volumes?: Record<string, unknown> | null;
  WorkingDir?: string;
  StopSignal?: string;
}

/** The Dockerfile-syntax changes that give an imported image the same config. */
export function configChanges(config: ImageConfig): string[] {
  const changes: string[] = [];
  const json = (value: unknown) => JSON.stringify(value);
  // ENV and LABEL values are shell words: double-quoted, with `\`, `"` and `$` escaped so the
  // engine's parser neither splits nor expands them.
  const word = (value: string) => `"${value.replace(/[\\"$]/g, '\\$&')}"`;
  for (const variable of config.Env ?? []) {
    const equals = variable.indexOf('=');
    if (equals > 0) changes.push(`ENV ${variable.slice(0, equals)}=${word(variable.slice(equals + 1))}`);
  }
  if (config.Entrypoint && config.Entrypoint.length > 0) changes.push(`ENTRYPOINT ${json(config.Entrypoint)}`);
  if (config.Cmd && config.Cmd.length > 0) changes.push(`CMD ${json(config.Cmd)}`);
  for (const port of Object.keys(config.ExposedPorts ?? {})) changes.push(`EXPOSE ${port}`);
  for (const [key, value] of Object.entries(config.Labels ?? {})) changes.push(`LABEL ${word(key)}=${word(value)}`);
  for (const trigger of config.OnBuild ?? []) changes.push(`ONBUILD ${trigger}`);
  if (config.User) changes.push(`USER ${config.User}`);
  const volumes = Object.keys(config.Volumes ?? {});
  if (volumes.length > 0) changes.push(`VOLUME ${json(volumes)}`);
  if (config.WorkingDir) changes.push(`WORKDIR ${config.WorkingDir}`);
  if (config.StopSignal) changes.push(`STOPSIGNAL ${config.StopSignal}`);
  return changes;
}

async function figures(engine: EngineAccess, image: string): Promise<ImageFigures & { config: ImageConfig }> {
  const info = await engine.docker.getImage(image).inspect();
  return { id: info.Id, sizeBytes: info.Size, layers: info.RootFS?.Layers?.length ?? 0, config: (info.Config ?? {}) as ImageConfig };
}

export async function flattenImage(engine: EngineAccess, options: FlattenOptions): Promise<FlattenResult> {
  const operation = `flatten ${options.image}`;
  const before = await figures(engine, options.image).catch((error: unknown) => {
    throw engine.translate(error, `inspect ${options.image}`);
  });
  const { repository, tag } = splitReference(options.target);
  // A container needs a command to be created; this one is never started, so any will do.
  const needsCommand = !(before.config.Cmd?.length || before.config.Entrypoint?.length);
  const container = await engine.docker
    .createContainer({
      Image: before.id,
      name: `layerwise-flatten-${randomBytes(6).toString('hex')}`,
      Labels: { 'layerwise.temporary': 'flatten' },
      ...(needsCommand ? { Cmd: ['/layerwise-never-started'] } : {}),
    })
    .catch((error: unknown) => {
      throw engine.translate(error, operation);
    });
  try {
    const exported = await streamRequest(engine, { method: 'GET', path: `/containers/${container.id}/export`, signal: options.signal }, operation);
    let bytes = 0;
    // Counted inside the pipe: a 'data' listener would start the flow before the import request
    // is attached and lose the first bytes.
    const counted = exported.pipe(
      new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          bytes += chunk.length;
          options.onProgress?.(bytes);
          callback(null, chunk);
        },
      }),
    );
    exported.on('error', (error) => counted.destroy(error));
    const imported = await streamRequest(
      engine,
      {
        method: 'POST',
        path: '/images/create',
        query: { fromSrc: '-', repo: repository, tag, changes: configChanges(before.config), message: `Flattened from ${options.image} by Layerwise` },
        body: counted,
        signal: options.signal,
      },
      operation,
    );
    const failure = await readProgress(imported);
    if (options.signal?.aborted) throw cancelledError(engine, operation);
    if (failure) throw new Error(`Flattening ${options.image} failed while importing: ${failure}`);
    if (!exported.complete) throw new Error(`Flattening ${options.image} failed: the export stream ended early.`);
  } catch (error) {
    if (options.signal?.aborted) throw cancelledError(engine, operation);
    // Our own errors are already worded; raw stream errors (the engine stopping) are translated.
    throw error instanceof Error && !('code' in error) ? error : engine.translate(error, operation);
  } finally {
    await container.remove({ force: true, v: true }).catch(() => undefined);
  }
  const after = await figures(engine, options.target);
  return { before: { id: before.id, sizeBytes: before.sizeBytes, layers: before.layers }, after: { id: after.id, sizeBytes: after.sizeBytes, layers: after.layers }, target: options.target };
}
