// One layer blob reduced to what analysis needs: the list of its entries (path, kind, stored
// size, link target), with whiteouts and opaque-directory markers recognised. Nothing of the file
// contents is kept, so memory grows with the number of paths, never with bytes.
import { compressionSniffBytes, decompressInto, detectCompression, type ByteSink, type LayerCompression } from '../tar/decompress';
import { TarStreamReader, type TarEntry } from '../tar/tarStreamReader';

export type LayerEntryKind = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other' | 'whiteout' | 'opaque';

export interface LayerEntry {
  /** Normalised path without a leading slash; for a whiteout, the path it deletes; for an opaque marker, its directory. */
  readonly path: string;
  readonly kind: LayerEntryKind;
  /** Bytes stored in the layer for this entry: the file size for regular files, 0 otherwise. */
  readonly size: number;
  /** Symlink target as written, or the normalised path a hard link points to. */
  readonly link?: string;
}

export interface LayerListing {
  readonly entries: readonly LayerEntry[];
  /** Sum of the sizes of the regular files the layer stores (hard links count once). */
  readonly fileBytes: number;
  /** Bytes of the layer tar once decompressed. */
  readonly tarBytes: number;
  /** Bytes of the blob as stored in the archive. */
  readonly blobBytes: number;
  readonly compression: LayerCompression;
  /** Set when the blob could not be read as a (compressed) tar; the entries are then partial. */
  readonly error?: string;
}

const whiteoutPrefix = '.wh.';
const opaqueMarker = '.wh..wh..opq';
// Other ".wh..wh." names are AUFS bookkeeping (hard-link directories), not content.
const aufsMetaPrefix = '.wh..wh.';

/**
 * A sink for the raw bytes of one layer blob. Compression is sniffed from the first bytes.
 * `result()` is valid once `end()` has settled.
 */
export class LayerListingBuilder implements ByteSink {
  private readonly entries: LayerEntry[] = [];
  private fileBytes = 0;
  private blobBytes = 0;
  private compression: LayerCompression = 'none';
  private error: string | undefined;
  private head: Buffer[] = [];
  private headBytes = 0;
  private target: ByteSink | undefined;
  private readonly tar = new TarStreamReader((entry) => {
    this.addEntry(entry);
    return undefined;
  });

  data(chunk: Buffer): void | Promise<void> {
    this.blobBytes += chunk.length;
    if (this.target) return this.target.data(chunk);
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes < compressionSniffBytes) return undefined;
    return this.startWith(Buffer.concat(this.head));
  }

  async end(): Promise<void> {
    if (!this.target) {
      if (this.headBytes === 0) {
        this.error ??= 'the layer blob is empty';
        return;
      }
      await this.startWith(Buffer.concat(this.head));
    }
    await this.target?.end();
  }

  result(): LayerListing {
    return {
      entries: this.entries,
      fileBytes: this.fileBytes,
      tarBytes: this.tar.bytesRead,
      blobBytes: this.blobBytes,
      compression: this.compression,
      ...(this.error ? { error: this.error } : {}),
    };
  }

  private startWith(head: Buffer): void | Promise<void> {
    this.head = [];
    this.compression = detectCompression(head);
    const tarSink: ByteSink = {
      data: (chunk) => {
        if (this.error) return;
        try {
          this.tar.write(chunk);
        } catch (error) {
          this.fail(error);
        }
      },
      end: () => {
        if (this.error) return;
        try {
          this.tar.end();
        } catch (error) {
          this.fail(error);
        }
      },
    };
    this.target = decompressInto(this.compression, tarSink, (error) => this.fail(error));
    return this.target.data(head);
  }

  private fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.error ??= this.compression === 'none' ? message : `${this.compression} data is corrupt or incomplete: ${message}`;
  }

  private addEntry(entry: TarEntry): void {
    const path = normaliseEntryPath(entry.name);
    if (path === '') return; // the root directory itself
    const slash = path.lastIndexOf('/');
    const base = slash < 0 ? path : path.slice(slash + 1);
    if (base.startsWith(whiteoutPrefix)) {
      const parent = slash < 0 ? '' : path.slice(0, slash);
      if (base === opaqueMarker) this.entries.push({ path: parent, kind: 'opaque', size: 0 });
      else if (!base.startsWith(aufsMetaPrefix)) {
        const target = base.slice(whiteoutPrefix.length);
        this.entries.push({ path: parent ? `${parent}/${target}` : target, kind: 'whiteout', size: 0 });
      }
      return;
    }
    switch (entry.type) {
      case 'file':
        this.fileBytes += entry.size;
        this.entries.push({ path, kind: 'file', size: entry.size });
        return;
      case 'directory':
        this.entries.push({ path, kind: 'dir', size: 0 });
        return;
      case 'symlink':
        this.entries.push({ path, kind: 'symlink', size: 0, link: entry.linkName });
        return;
      case 'hardlink':
        this.entries.push({ path, kind: 'hardlink', size: 0, link: normaliseEntryPath(entry.linkName) });
        return;
      default:
        this.entries.push({ path, kind: 'other', size: entry.size });
    }
  }
}

/** "./usr//bin/", "/usr/bin" and "usr/bin" all name "usr/bin"; ".." cannot climb above the root. */
export function normaliseEntryPath(name: string): string {
  let path = name;
  while (path.startsWith('./')) path = path.slice(2);
  while (path.startsWith('/')) path = path.slice(1);
  while (path.endsWith('/')) path = path.slice(0, -1);
  if (path === '.') return '';
  if (!path.includes('//') && !path.includes('/./') && !path.endsWith('/.') && !path.includes('..')) return path;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
