// Analysis straight from the engine: inspect the image (its ID keys the cache, its size gives
// progress a total), then read `GET /images/get` as it streams. Nothing touches the disk.
import type { CallOptions, EngineConnection } from '../../../client/src/engine';
import { openImageSaveStream } from '../../../client/src/engine/imageSave';
import { analyseImageStream, type AnalysisProgress } from './analyseArchive';
import type { AnalysisCache } from './analysisCache';
import { AnalysisCancelledError } from './errors';
import type { ImageAnalysis } from './model';

export interface EngineAnalysisOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: AnalysisProgress) => void;
  readonly cache?: AnalysisCache;
  /** Timeout for the engine's first answer (inspect, start of the save); not for the transfer. */
  readonly timeoutMs?: number;
}

export interface EngineImageIdentity {
  readonly id: string;
  readonly sizeBytes: number;
  readonly repoTags: readonly string[];
}

export async function identifyEngineImage(engine: EngineConnection, image: string, options: CallOptions = {}): Promise<EngineImageIdentity> {
  const inspect = await engine.inspectImage(image, options);
  return { id: inspect.Id, sizeBytes: inspect.Size, repoTags: inspect.RepoTags ?? [] };
}

export async function analyseEngineImage(engine: EngineConnection, image: string, options: EngineAnalysisOptions = {}): Promise<ImageAnalysis> {
  const identity = await identifyEngineImage(engine, image, callOptions(options));
  const run = (): Promise<ImageAnalysis> => analyseIdentifiedImage(engine, image, identity, options);
  return options.cache ? options.cache.getOrAnalyse(identity.id, run) : run();
}

/** Streams and analyses an image already identified (no cache involved). */
export async function analyseIdentifiedImage(
  engine: EngineConnection,
  image: string,
  identity: EngineImageIdentity,
  options: Omit<EngineAnalysisOptions, 'cache'> = {},
): Promise<ImageAnalysis> {
  const label = `image ${image} from the engine at ${engine.endpoint.label}`;
  let stream;
  try {
    stream = await openImageSaveStream(engine, identity.id, callOptions(options));
  } catch (error) {
    if (options.signal?.aborted) throw new AnalysisCancelledError(`Analysis of ${label} was cancelled.`);
    throw error;
  }
  const result = await analyseImageStream(stream, {
    label,
    image: identity.id,
    totalBytes: identity.sizeBytes,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  // Saved by ID, the archive names no tag; the engine knows them.
  return { ...result.analysis, repoTags: identity.repoTags };
}

function callOptions(options: EngineAnalysisOptions): CallOptions {
  return { ...(options.signal ? { signal: options.signal } : {}), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) };
}
