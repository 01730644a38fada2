// Moving images by file: save one or several images to a tar (`GET /images/get`), and load a
// tar or compressed tar back (`POST /images/load`). Both stream; save writes through a
// temporary file (see fileTransfer.ts); load reports the names the engine loaded.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Transform } from 'node:stream';
import { EngineAccess, cancelledError, streamRequest } from './engineAccess';
import { checkTarget, streamToFile } from './fileTransfer';
import { readProgress } from './jsonMessages';

export interface SaveOptions {
  /** Image references or IDs; several go into one archive. */
  readonly images: readonly string[];
  readonly target: string;
  readonly overwrite?: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (bytesWritten: number) => void;
}

export async function saveImages(engine: EngineAccess, options: SaveOptions): Promise<{ readonly target: string; readonly bytes: number }> {
  if (options.images.length === 0) throw new Error('Choose at least one image to save.');
  const operation = `save ${options.images.join(', ')} to ${path.basename(options.target)}`;
  await checkTarget(options.target, options.overwrite);
  const response = await streamRequest(engine, { method: 'GET', path: '/images/get', query: { names: [...options.images] }, signal: options.signal }, operation);
  const bytes = await streamToFile(response, options, (error) => engine.translate(error, operation));
  return { target: options.target, bytes };
}

export interface LoadOptions {
  /** A `.tar` written by save (or `docker save`), optionally gzip/bzip2/xz-compressed. */
  readonly source: string;
  readonly signal?: AbortSignal;
  /** Bytes of the file sent so far, and its size. */
  readonly onProgress?: (bytesSent: number, totalBytes: number) => void;
}

export interface LoadResult {
  /** `repo:tag` names loaded; for untagged images, their IDs. */
  readonly images: readonly string[];
}

export class ImageArchiveError extends Error {
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(message);
    this.name = 'ImageArchiveError';
  }
}

/** Words the engine's load failures for a user holding the file. */
function describeLoadFailure(source: string, engineMessage: string): string {
  const name = path.basename(source);
  if (/manifest\.json|repositories: no such file|\/json: no such file|invalid tar header|archive\/tar/i.test(engineMessage)) {
    return `${name} is not an image archive (no manifest.json): it must come from "Save Image" or \`docker save\`. A container export is a file system, not an image: use Import for it. (${engineMessage})`;
  }
  if (/unexpected EOF|short read|gzip: invalid|checksum|corrupt|unexpected end/i.test(engineMessage)) {
    return `${name} is truncated or corrupt: save the image again. (${engineMessage})`;
  }
  return `Loading ${name} failed: ${engineMessage}`;
}

/** Rejects a file that is neither a tar nor a compressed stream before the engine reads it. */
async function checkArchiveHeader(source: string): Promise<void> {
  const handle = await fs.promises.open(source, 'r');
  try {
    const header = Buffer.alloc(512);
    const { bytesRead } = await handle.read(header, 0, 512, 0);
    const compressed =
      (header[0] === 0x1f && header[1] === 0x8b) || header.subarray(0, 3).toString('latin1') === 'BZh' || header.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) || header.readUInt32LE(0) === 0xfd2fb528;
    const tar = bytesRead === 512 && header.subarray(257, 262).toString('latin1') === 'ustar';
    if (!compressed && !tar) {
      throw new ImageArchiveError(source, `${path.basename(source)} is not a tar archive (nor a gzip, bzip2, xz or zstd one): choose a file written by "Save Image" or \`docker save\`.`);
    }
  } finally {
    await handle.close();
  }
}

export async function loadImages(engine: EngineAccess, options: LoadOptions): Promise<LoadResult> {
  const operation = `load ${path.basename(options.source)}`;
  const stat = await fs.promises.stat(options.source).catch(() => undefined);
  if (!stat?.isFile()) throw new ImageArchiveError(options.source, `${options.source} does not exist or is not a file.`);
  if (stat.size === 0) throw new ImageArchiveError(options.source, `${path.basename(options.source)} is empty: it is not an image archive.`);
  await checkArchiveHeader(options.source);
  let sent = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      sent += chunk.length;
      options.onProgress?.(sent, stat.size);
      callback(null, chunk);
    },
  });
  const file = fs.createReadStream(options.source, { highWaterMark: 1024 * 1024 });
  file.on('error', (error) => counter.destroy(error));
  file.pipe(counter);
  const images: string[] = [];
  let failure: string | undefined;
  try {
    const response = await streamRequest(engine, { method: 'POST', path: '/images/load', query: { quiet: false }, body: counter, signal: options.signal }, operation);
    failure = await readProgress(response, (message) => {
      for (const match of (message.stream ?? '').matchAll(/^Loaded image(?: ID)?: (.+)$/gm)) images.push(match[1]!.trim());
    });
  } catch (error) {
    if (options.signal?.aborted) throw cancelledError(engine, operation);
    const translated = engine.translate(error, operation);
    if (translated.kind === 'engine' && translated.statusCode !== undefined) {
      throw new ImageArchiveError(options.source, describeLoadFailure(options.source, translated.reason));
    }
    throw translated;
  } finally {
    file.destroy();
  }
  if (failure) throw new ImageArchiveError(options.source, describeLoadFailure(options.source, failure));
  if (images.length === 0) throw new ImageArchiveError(options.source, `${path.basename(options.source)} was read but the engine loaded no image from it.`);
  return { images };
}
