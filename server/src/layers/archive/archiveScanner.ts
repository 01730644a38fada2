// Reads an image archive (`docker save`, `podman save`, an OCI layout tar; optionally gzip- or
// zstd-compressed as a whole) in one pass, straight from a stream. Layer blobs are listed as
// they stream by, small JSON documents (manifests, configs, indexes) are kept, everything else
// is skipped. The archive's order does not matter: `docker save` writes manifest.json last, so
// layers are listed before we know which image they belong to.
import { Transform, Writable, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import { Decompress as FzstdDecompress } from 'fzstd';
import { detectCompression, type LayerCompression } from '../tar/decompress';
import { TarFormatError, type TarEntryType } from '../tar/tarHeader';
import { TarStreamReader, TarTruncatedError, type TarEntry, type TarEntrySink } from '../tar/tarStreamReader';
import { AnalysisCancelledError, ImageArchiveError } from '../errors';
import { LayerListingBuilder, normaliseEntryPath, type LayerListing } from './layerListing';

export interface ArchiveScan {
  /** Small JSON documents by archive path (manifest.json, index.json, configs, OCI manifests). */
  readonly documents: ReadonlyMap<string, Buffer>;
  /** Listings of every blob that looked like a layer, by archive path. */
  readonly layers: ReadonlyMap<string, LayerListing>;
  /** Archive paths that are links to other archive paths (docker save links repeated layers). */
  readonly aliases: ReadonlyMap<string, string>;
  /** Bytes read from the source (compressed bytes when the archive itself is compressed). */
  readonly bytesRead: number;
  readonly compression: LayerCompression;
}

export interface ScanOptions {
  /** What the archive is, for error messages: "the file ./app.tar", "image app:1 from the engine". */
  readonly label: string;
  readonly signal?: AbortSignal;
  /** Called as bytes arrive (not more than once per chunk). */
  readonly onProgress?: (bytesRead: number) => void;
}

const maxDocumentBytes = 64 * 1024 * 1024;
const readChunkBytes = 1024 * 1024;

export async function scanImageArchive(source: Readable, options: ScanOptions): Promise<ArchiveScan> {
  const documents = new Map<string, Buffer>();
  const layers = new Map<string, LayerListing>();
  const aliases = new Map<string, string>();
  const counter = new ByteCounter(options.onProgress);
  const reader = new TarStreamReader((entry) => routeEntry(entry, documents, layers, aliases));
  const sink = new Writable({
    highWaterMark: readChunkBytes,
    write(chunk: Buffer, _encoding, callback) {
      let wait: Promise<void> | undefined;
      try {
        wait = reader.write(chunk);
      } catch (error) {
        callback(asError(error));
        return;
      }
      if (wait) wait.then(() => callback(), callback);
      else callback();
    },
    final(callback) {
      let wait: Promise<void> | undefined;
      try {
        wait = reader.end();
      } catch (error) {
        callback(asError(error));
        return;
      }
      if (wait) wait.then(() => callback(), callback);
      else callback();
    },
  });
  let compression: LayerCompression = 'none';
  try {
    compression = detectCompression(await peekHead(source, 4));
    const decoder = wholeArchiveDecoder(compression);
    const stages = decoder ? [source, counter, decoder, sink] : [source, counter, sink];
    await pipeline(stages, options.signal ? { signal: options.signal } : {});
  } catch (error) {
    if (options.signal?.aborted) throw new AnalysisCancelledError(`Analysis of ${options.label} was cancelled.`);
    throw describeReadFailure(error, options.label, counter.bytes);
  }
  if (reader.entryCount === 0) {
    throw new ImageArchiveError(`${options.label} is empty or is not a tar archive: no entry was found.`);
  }
  return { documents, layers, aliases, bytesRead: counter.bytes, compression };
}

function routeEntry(
  entry: TarEntry,
  documents: Map<string, Buffer>,
  layers: Map<string, LayerListing>,
  aliases: Map<string, string>,
): TarEntrySink | undefined {
  const path = normaliseEntryPath(entry.name);
  if (entry.type === 'symlink' || entry.type === 'hardlink') {
    aliases.set(path, resolveLink(path, entry.linkName, entry.type));
    return undefined;
  }
  if (entry.type !== 'file' || entry.size === 0) return undefined;
  if (isDocumentName(path)) {
    if (entry.size > maxDocumentBytes) return undefined;
    return documentSink((data) => documents.set(path, data));
  }
  if (isLayerCandidate(path)) {
    return sniffingSink((first) =>
      first === 0x7b && entry.size <= maxDocumentBytes // '{': a JSON blob (OCI manifest, index or config)
        ? documentSink((data) => documents.set(path, data))
        : layerSink((listing) => layers.set(path, listing)),
    );
  }
  return undefined;
}

function isDocumentName(path: string): boolean {
  return path === 'manifest.json' || path === 'index.json' || path === 'repositories' || (path.endsWith('.json') && !path.includes('/'));
}

function isLayerCandidate(path: string): boolean {
  return (
    path.startsWith('blobs/') ||
    path.endsWith('.tar') ||
    path.endsWith('.tar.gz') ||
    path.endsWith('.tgz') ||
    path.endsWith('.tar.zst')
  );
}

/** A symlink's target is relative to its directory; a hard link's to the archive root. */
function resolveLink(path: string, linkName: string, type: TarEntryType): string {
  if (type === 'hardlink' || linkName.startsWith('/')) return normaliseEntryPath(linkName);
  const slash = path.lastIndexOf('/');
  return normaliseEntryPath(slash < 0 ? linkName : `${path.slice(0, slash)}/${linkName}`);
}

function documentSink(done: (data: Buffer) => void): TarEntrySink {
  const chunks: Buffer[] = [];
  return {
    data(chunk) {
      // Copied: the chunk's memory belongs to the stream and may be reused.
      chunks.push(Buffer.from(chunk));
    },
    end() {
      done(Buffer.concat(chunks));
    },
  };
}

function layerSink(done: (listing: LayerListing) => void): TarEntrySink {
  const builder = new LayerListingBuilder();
  return {
    data: (chunk) => builder.data(chunk),
    end: () => builder.end().then(() => done(builder.result())),
  };
}

/** Defers the choice of sink until the first byte of the entry is known. */
function sniffingSink(choose: (firstByte: number) => TarEntrySink): TarEntrySink {
  let target: TarEntrySink | undefined;
  return {
    data(chunk) {
      target ??= choose(chunk[0]);
      return target.data(chunk);
    },
    end() {
      return target?.end();
    },
  };
}

/** Reads the first bytes of `stream` and puts them back, to tell the archive's compression. */
async function peekHead(stream: Readable, bytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < bytes) {
    const chunk = stream.read() as Buffer | null;
    if (chunk !== null) {
      chunks.push(chunk);
      total += chunk.length;
      continue;
    }
    if (stream.readableEnded || stream.destroyed) break;
    await new Promise<void>((resolve, reject) => {
      const done = (): void => {
        stream.off('readable', done);
        stream.off('end', done);
        stream.off('close', done);
        stream.off('error', failed);
        resolve();
      };
      const failed = (error: Error): void => {
        done();
        reject(error);
      };
      stream.on('readable', done);
      stream.on('end', done);
      stream.on('close', done);
      stream.on('error', failed);
    });
    if (stream.errored) throw stream.errored;
  }
  const head = Buffer.concat(chunks);
  if (head.length > 0) stream.unshift(head);
  return head;
}

/** Counts the raw bytes that pass, for progress and error messages. */
class ByteCounter extends Transform {
  bytes = 0;

  constructor(private readonly onProgress: ((bytesRead: number) => void) | undefined) {
    super({ readableHighWaterMark: readChunkBytes, writableHighWaterMark: readChunkBytes });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    this.onProgress?.(this.bytes);
    callback(null, chunk);
  }
}

/** The stage that undoes a whole-archive compression (`docker save app | gzip > app.tar.gz`). */
function wholeArchiveDecoder(compression: LayerCompression): Transform | undefined {
  if (compression === 'gzip') return zlib.createGunzip({ chunkSize: 256 * 1024 });
  if (compression !== 'zstd') return undefined;
  const nativeZstd = (zlib as { createZstdDecompress?: () => Transform }).createZstdDecompress;
  if (typeof nativeZstd === 'function') return nativeZstd();
  return new FzstdTransform();
}

class FzstdTransform extends Transform {
  private readonly decoder = new FzstdDecompress((data) => {
    this.push(Buffer.from(data));
  });

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.decoder.push(chunk);
      callback();
    } catch (error) {
      callback(new ImageArchiveError(`the zstd-compressed archive is corrupt (${asError(error).message})`));
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.decoder.push(new Uint8Array(0), true);
      callback();
    } catch (error) {
      callback(new ImageArchiveError(`the zstd-compressed archive is truncated or corrupt (${asError(error).message})`));
    }
  }
}

function describeReadFailure(error: unknown, label: string, bytesRead: number): Error {
  if (error instanceof TarTruncatedError) {
    return new ImageArchiveError(
      `${label} is truncated after ${bytesRead} bytes: ${error.message}. The save or download was probably interrupted; save the image again.`,
    );
  }
  if (error instanceof TarFormatError) {
    return new ImageArchiveError(`${label} is not a readable image archive: ${error.message}. Expected the output of "docker save" or an OCI layout tar.`);
  }
  if (error instanceof ImageArchiveError) return new ImageArchiveError(`${label}: ${error.message}`);
  const cause = asError(error);
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR') {
    return new ImageArchiveError(`${label} is a gzip-compressed archive that is truncated or corrupt (${cause.message}).`);
  }
  return new ImageArchiveError(`Reading ${label} failed after ${bytesRead} bytes: ${cause.message}`, { cause });
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
