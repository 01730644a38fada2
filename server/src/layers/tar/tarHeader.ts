// Decoding of one 512-byte tar header block (POSIX ustar, GNU and old v7 variants) and of PAX
// extended-header records. Written here rather than taken from a package because layer analysis
// needs only the header fields, must never buffer entry bodies, and must run in a tight loop over
// hundreds of thousands of entries without allocating per chunk.

export const tarBlockBytes = 512;

/** What a header says an entry is. Typeflags we do not model map to 'other'. */
export type TarEntryType =
  | 'file'
  | 'hardlink'
  | 'symlink'
  | 'directory'
  | 'character-device'
  | 'block-device'
  | 'fifo'
  | 'pax-header'
  | 'pax-global-header'
  | 'gnu-long-name'
  | 'gnu-long-link'
  | 'other';

export interface TarHeader {
  name: string;
  linkName: string;
  type: TarEntryType;
  /** Bytes of data that follow the header in the archive (before padding). */
  size: number;
  mode: number;
}

const typeByFlag: Record<string, TarEntryType> = {
  '0': 'file',
  '\0': 'file',
  '7': 'file',
  '1': 'hardlink',
  '2': 'symlink',
  '3': 'character-device',
  '4': 'block-device',
  '5': 'directory',
  '6': 'fifo',
  x: 'pax-header',
  X: 'pax-header',
  g: 'pax-global-header',
  L: 'gnu-long-name',
  K: 'gnu-long-link',
  S: 'file',
};

export class TarFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TarFormatError';
  }
}

/** True when all 512 bytes are zero: the end-of-archive marker. */
export function isZeroBlock(block: Buffer, offset: number): boolean {
  for (let index = offset; index < offset + tarBlockBytes; index++) if (block[index] !== 0) return false;
  return true;
}

/**
 * Decodes the header at `offset` in `block` (which holds at least 512 bytes from there).
 * `position` is the header's byte offset in the archive, only for error messages.
 */
export function decodeTarHeader(block: Buffer, offset: number, position: number): TarHeader {
  verifyChecksum(block, offset, position);
  const flag = String.fromCharCode(block[offset + 156]);
  const type = typeByFlag[flag] ?? 'other';
  const size = readNumber(block, offset + 124, 12, 'size', position);
  const mode = readNumber(block, offset + 100, 8, 'mode', position);
  let name = readString(block, offset, 100);
  // Only POSIX ustar ("ustar\0") has a prefix field; GNU tar ("ustar  \0") keeps access and change
  // times at the same offsets, which must not be glued onto the name.
  if (isPosixUstar(block, offset)) {
    const prefix = readString(block, offset + 345, 155);
    if (prefix) name = `${prefix}/${name}`;
  }
  return { name, linkName: readString(block, offset + 157, 100), type, size, mode };
}

function isPosixUstar(block: Buffer, offset: number): boolean {
  return (
    block[offset + 257] === 0x75 && // u
    block[offset + 258] === 0x73 && // s
    block[offset + 259] === 0x74 && // t
    block[offset + 260] === 0x61 && // a
    block[offset + 261] === 0x72 && // r
    block[offset + 262] === 0 &&
    block[offset + 263] === 0x30 && // version "00"
    block[offset + 264] === 0x30
  );
}

function verifyChecksum(block: Buffer, offset: number, position: number): void {
  const stored = readNumber(block, offset + 148, 8, 'checksum', position);
  // The checksum field itself counts as eight spaces.
  let unsigned = 8 * 0x20;
  for (let index = offset; index < offset + 148; index++) unsigned += block[index];
  for (let index = offset + 156; index < offset + tarBlockBytes; index++) unsigned += block[index];
  if (stored === unsigned) return;
  // Some historic writers summed signed chars; both are accepted, as GNU tar does.
  let signed = unsigned;
  for (let index = offset; index < offset + tarBlockBytes; index++) {
    if (index - offset >= 148 && index - offset < 156) continue;
    if (block[index] > 127) signed -= 256;
  }
  if (stored !== signed) throw new TarFormatError(`not a tar archive: the header at byte ${position} has a bad checksum`);
}

function readString(block: Buffer, offset: number, length: number): string {
  let end = offset;
  const limit = offset + length;
  while (end < limit && block[end] !== 0) end++;
  return block.toString('utf8', offset, end);
}

/** Octal ASCII (space or NUL terminated), or GNU base-256 when the high bit of the first byte is set. */
function readNumber(block: Buffer, offset: number, length: number, field: string, position: number): number {
  const first = block[offset];
  if (first & 0x80) {
    if (first === 0xff) throw new TarFormatError(`the header at byte ${position} has a negative ${field}`);
    let value = first & 0x7f;
    for (let index = 1; index < length; index++) value = value * 256 + block[offset + index];
    if (!Number.isSafeInteger(value)) throw new TarFormatError(`the header at byte ${position} has a ${field} too large to represent`);
    return value;
  }
  let value = 0;
  let index = offset;
  const limit = offset + length;
  while (index < limit && (block[index] === 0x20 || block[index] === 0)) index++;
  for (; index < limit; index++) {
    const byte = block[index];
    if (byte === 0x20 || byte === 0) break;
    if (byte < 0x30 || byte > 0x37) {
      throw new TarFormatError(`not a tar archive: the header at byte ${position} has a non-octal ${field}`);
    }
    value = value * 8 + (byte - 0x30);
  }
  return value;
}

/** PAX extended header records: "<length> <key>=<value>\n", length counting the whole record. */
export function decodePaxRecords(data: Buffer, position: number): Map<string, string> {
  const records = new Map<string, string>();
  let offset = 0;
  while (offset < data.length) {
    if (data[offset] === 0) break; // trailing NUL padding written by some tools
    const space = data.indexOf(0x20, offset);
    if (space < 0) throw new TarFormatError(`malformed PAX header at byte ${position}`);
    const length = Number(data.toString('latin1', offset, space));
    if (!Number.isInteger(length) || length <= space - offset || offset + length > data.length) {
      throw new TarFormatError(`malformed PAX record length at byte ${position + offset}`);
    }
    const record = data.toString('utf8', space + 1, offset + length - 1);
    const equals = record.indexOf('=');
    if (equals > 0) records.set(record.slice(0, equals), record.slice(equals + 1));
    offset += length;
  }
  return records;
}
