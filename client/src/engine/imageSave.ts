// Saving an image as a stream (`docker save`, `GET /images/get?names=…`), for callers that read
// the archive as it arrives (layer analysis) instead of writing it to a file. Additive to the
// engine module; written by the layer-analysis work.
import type { Readable } from 'node:stream';
import type { CallOptions, EngineConnection } from './connection';

/**
 * Opens the archive stream of `image` (a name, tag or ID). The promise settles when the engine
 * answers; the timeout covers only that wait, not the transfer. Destroy the stream to cancel:
 * the engine stops exporting when the connection closes.
 */
export function openImageSaveStream(engine: EngineConnection, image: string, options: CallOptions = {}): Promise<Readable> {
  return engine.request(
    `save image ${image}`,
    (signal) => (engine.docker as unknown as { getImages(options: object): Promise<Readable> }).getImages({ names: [image], abortSignal: signal }),
    options,
  );
}
