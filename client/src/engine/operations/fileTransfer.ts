// Writing an engine stream (image save, container export) to a file without ever leaving a
// half-written one: bytes go to a temporary file beside the target, which is renamed over the
// target only once the stream ended cleanly. Cancellation or any failure removes the temporary
// file. Memory stays at one chunk in flight whatever the size.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';

export class TargetExistsError extends Error {
  constructor(readonly target: string) {
    super(`${target} already exists. Confirm to replace it, or choose another file name.`);
    this.name = 'TargetExistsError';
  }
}

export interface FileTransferOptions {
  readonly target: string;
  /** Replace an existing target (after the user confirmed). */
  readonly overwrite?: boolean;
  readonly signal?: AbortSignal;
  /** Called with the bytes written so far, at most every `progressEveryBytes`. */
  readonly onProgress?: (bytes: number) => void;
  readonly progressEveryBytes?: number;
}

/** The temporary name used beside `target` (hidden, unique, recognisable). */
export function temporaryPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.layerwise-${randomBytes(6).toString('hex')}.part`);
}

/** Fails early (before any engine work) when the target exists and may not be replaced. */
export async function checkTarget(target: string, overwrite: boolean | undefined): Promise<void> {
  const directory = path.dirname(target);
  const stat = await fs.promises.stat(directory).catch(() => undefined);
  if (!stat?.isDirectory()) throw new Error(`Cannot write ${target}: the folder ${directory} does not exist.`);
  if (!overwrite && fs.existsSync(target)) throw new TargetExistsError(target);
}

/**
 * Streams `source` into `options.target` through a temporary file. Resolves with the byte count
 * once the target holds the complete data; rejects (target untouched) otherwise.
 * `translate` words stream errors (e.g. the engine stopping mid-way).
 */
export async function streamToFile(source: IncomingMessage, options: FileTransferOptions, translate: (error: unknown) => Error): Promise<number> {
  await checkTarget(options.target, options.overwrite);
  const temporary = temporaryPathFor(options.target);
  const everyBytes = options.progressEveryBytes ?? 4 * 1024 * 1024;
  let written = 0;
  let reported = 0;
  // Counting on 'data' beside the pipe costs nothing per byte (no extra stream in the chain).
  source.on('data', (chunk: Buffer) => {
    written += chunk.length;
    if (options.onProgress && written - reported >= everyBytes) {
      reported = written;
      options.onProgress(written);
    }
  });
  try {
    // A response cut short ends with 'aborted' rather than an error on some Node versions.
    let aborted = false;
    source.once('aborted', () => (aborted = true));
    await pipeline(source, fs.createWriteStream(temporary, { flags: 'wx', mode: 0o644, highWaterMark: 1024 * 1024 }), { signal: options.signal });
    if (aborted || !source.complete) throw Object.assign(new Error('the engine closed the stream before the end'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
    await fs.promises.rename(temporary, options.target);
    options.onProgress?.(written);
    return written;
  } catch (error) {
    source.destroy();
    await fs.promises.rm(temporary, { force: true });
    if (error instanceof TargetExistsError) throw error;
    // Cancelling also aborts the request, and whichever stream fails first (often the socket,
    // "connection dropped") carries the error: the user cancelled all the same.
    throw translate(options.signal?.aborted ? Object.assign(new Error('cancelled'), { name: 'AbortError' }) : error);
  }
}
