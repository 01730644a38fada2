// A push-based streaming tar reader: feed it chunks as they arrive and it calls back once per
// entry, handing entry data to the sink the callback returned as zero-copy slices of the
// incoming chunks. It keeps one 512-byte header buffer and the (small) PAX / GNU long-name
// records; entry bodies are never buffered, so memory does not grow with the archive's size.
import { decodePaxRecords, decodeTarHeader, isZeroBlock, tarBlockBytes, TarFormatError, type TarEntryType } from './tarHeader';

export interface TarEntry {
  /** The entry's name as stored (PAX `path` and GNU long names applied), not normalised. */
  readonly name: string;
  readonly linkName: string;
  readonly type: TarEntryType;
  /** Bytes of data stored for this entry (0 for links, directories and devices). */
  readonly size: number;
  readonly mode: number;
  /** Byte offset of the entry's header in the archive. */
  readonly position: number;
}

/** Receives one entry's data. A returned promise makes the reader's caller wait (backpressure). */
export interface TarEntrySink {
  data(chunk: Buffer): void | Promise<void>;
  end(): void | Promise<void>;
}

export type TarEntryHandler = (entry: TarEntry) => TarEntrySink | undefined;

/** The archive ended before its last entry was complete. */
export class TarTruncatedError extends TarFormatError {
  constructor(message: string) {
    super(message);
    this.name = 'TarTruncatedError';
  }
}

// PAX and GNU long-name records are tiny in practice; a huge one means a corrupt archive.
const maxMetadataBytes = 8 * 1024 * 1024;

// Entry types whose size field does not announce stored data (as Go's archive/tar reads them).
const headerOnlyTypes: ReadonlySet<TarEntryType> = new Set([
  'hardlink',
  'symlink',
  'directory',
  'character-device',
  'block-device',
  'fifo',
]);

type ReaderState = 'header' | 'body' | 'metadata' | 'padding' | 'done';

export class TarStreamReader {
  private state: ReaderState = 'header';
  private readonly headerBlock = Buffer.alloc(tarBlockBytes);
  private headerFill = 0;
  private remaining = 0;
  private padding = 0;
  private position = 0;
  private current: TarEntry | undefined;
  private sink: TarEntrySink | undefined;
  private metadataType: TarEntryType | undefined;
  private metadataChunks: Buffer[] = [];
  private overridePath: string | undefined;
  private overrideLink: string | undefined;
  private overrideSize: number | undefined;
  private pending: Promise<void>[] = [];
  private entries = 0;

  constructor(private readonly onEntry: TarEntryHandler) {}

  /** True once the end-of-archive marker (a zero block) was read. */
  get ended(): boolean {
    return this.state === 'done';
  }

  get entryCount(): number {
    return this.entries;
  }

  get bytesRead(): number {
    return this.position;
  }

  /** Feeds the next chunk; returns a promise when an entry sink asked the caller to wait. */
  write(chunk: Buffer): Promise<void> | undefined {
    let offset = 0;
    const length = chunk.length;
    while (offset < length) {
      switch (this.state) {
        case 'header': {
          if (this.headerFill === 0 && length - offset >= tarBlockBytes) {
            this.readHeader(chunk, offset);
            offset += tarBlockBytes;
          } else {
            const take = Math.min(tarBlockBytes - this.headerFill, length - offset);
            chunk.copy(this.headerBlock, this.headerFill, offset, offset + take);
            this.headerFill += take;
            offset += take;
            if (this.headerFill === tarBlockBytes) {
              this.headerFill = 0;
              this.readHeader(this.headerBlock, 0);
            }
          }
          break;
        }
        case 'body': {
          const take = Math.min(this.remaining, length - offset);
          if (this.sink) this.track(this.sink.data(chunk.subarray(offset, offset + take)));
          offset += take;
          this.position += take;
          this.remaining -= take;
          if (this.remaining === 0) this.finishEntry();
          break;
        }
        case 'metadata': {
          const take = Math.min(this.remaining, length - offset);
          // Copied: a decoder may reuse the memory behind `chunk` once this call returns.
          this.metadataChunks.push(Buffer.from(chunk.subarray(offset, offset + take)));
          offset += take;
          this.position += take;
          this.remaining -= take;
          if (this.remaining === 0) this.finishMetadata();
          break;
        }
        case 'padding': {
          const take = Math.min(this.padding, length - offset);
          offset += take;
          this.position += take;
          this.padding -= take;
          if (this.padding === 0) this.state = 'header';
          break;
        }
        case 'done':
          // Whatever follows the end marker (record padding) is not part of the archive.
          this.position += length - offset;
          return this.flushPending();
      }
    }
    return this.flushPending();
  }

  /**
   * Declares the input complete. Throws TarTruncatedError when it stopped inside an entry or a
   * header. An archive that stops cleanly between entries without an end marker is accepted, as
   * GNU tar and Go's archive/tar do.
   */
  end(): Promise<void> | undefined {
    if (this.state === 'padding') {
      // Only padding is missing: every byte of the last entry arrived.
      this.state = 'header';
    }
    if (this.state === 'body' && this.current) {
      const received = this.current.size - this.remaining;
      throw new TarTruncatedError(
        `the archive ends inside "${this.current.name}": ${received} of its ${this.current.size} bytes are present`,
      );
    }
    if (this.state === 'metadata') throw new TarTruncatedError(`the archive ends inside an extended header at byte ${this.position}`);
    if (this.state === 'header' && this.headerFill > 0) {
      throw new TarTruncatedError(`the archive ends inside the header of an entry at byte ${this.position}`);
    }
    return this.flushPending();
  }

  private readHeader(block: Buffer, offset: number): void {
    const position = this.position;
    this.position += tarBlockBytes;
    if (isZeroBlock(block, offset)) {
      this.state = 'done';
      return;
    }
    const header = decodeTarHeader(block, offset, position);
    if (
      header.type === 'pax-header' ||
      header.type === 'pax-global-header' ||
      header.type === 'gnu-long-name' ||
      header.type === 'gnu-long-link'
    ) {
      if (header.size > maxMetadataBytes) {
        throw new TarFormatError(`the extended header at byte ${position} claims ${header.size} bytes: the archive is corrupt`);
      }
      this.metadataType = header.type;
      this.metadataChunks = [];
      this.remaining = header.size;
      this.padding = paddingFor(header.size);
      this.state = 'metadata';
      if (header.size === 0) this.finishMetadata();
      return;
    }
    const size = headerOnlyTypes.has(header.type) ? 0 : (this.overrideSize ?? header.size);
    const entry: TarEntry = {
      name: this.overridePath ?? header.name,
      linkName: this.overrideLink ?? header.linkName,
      type: header.type,
      size,
      mode: header.mode,
      position,
    };
    this.overridePath = undefined;
    this.overrideLink = undefined;
    this.overrideSize = undefined;
    this.entries++;
    this.current = entry;
    this.sink = this.onEntry(entry);
    this.remaining = size;
    this.padding = paddingFor(size);
    this.state = 'body';
    if (size === 0) this.finishEntry();
  }

  private finishEntry(): void {
    if (this.sink) this.track(this.sink.end());
    this.sink = undefined;
    this.current = undefined;
    this.state = this.padding > 0 ? 'padding' : 'header';
  }

  private finishMetadata(): void {
    const data = Buffer.concat(this.metadataChunks);
    this.metadataChunks = [];
    const position = this.position - data.length;
    switch (this.metadataType) {
      case 'pax-header': {
        const records = decodePaxRecords(data, position);
        const path = records.get('path');
        if (path !== undefined) this.overridePath = path;
        const link = records.get('linkpath');
        if (link !== undefined) this.overrideLink = link;
        const size = records.get('size');
        if (size !== undefined) {
          const parsed = Number(size);
          if (!Number.isSafeInteger(parsed) || parsed < 0) throw new TarFormatError(`bad PAX size "${size}" at byte ${position}`);
          this.overrideSize = parsed;
        }
        break;
      }
      case 'gnu-long-name':
        this.overridePath = cString(data);
        break;
      case 'gnu-long-link':
        this.overrideLink = cString(data);
        break;
      default:
        // Global PAX headers carry defaults (times, charset) that layer analysis does not use.
        break;
    }
    this.metadataType = undefined;
    this.state = this.padding > 0 ? 'padding' : 'header';
  }

  private track(result: void | Promise<void>): void {
    if (result) this.pending.push(result);
  }

  private flushPending(): Promise<void> | undefined {
    if (this.pending.length === 0) return undefined;
    const waiting = this.pending;
    this.pending = [];
    return waiting.length === 1 ? waiting[0] : Promise.all(waiting).then(() => undefined);
  }
}

function paddingFor(size: number): number {
  const rest = size % tarBlockBytes;
  return rest === 0 ? 0 : tarBlockBytes - rest;
}

function cString(data: Buffer): string {
  const end = data.indexOf(0);
  return data.toString('utf8', 0, end < 0 ? data.length : end);
}
