// A streaming tar (ustar + PAX) writer for build contexts: entries are produced one at a time and
// file contents are read in chunks as the consumer pulls, so a context of any size is sent with
// constant memory. PAX records carry what ustar cannot hold (long paths and link targets, sizes
// of 8 GiB and more).
import * as fs from 'node:fs';

export type TarEntry =
  | { readonly type: 'file'; readonly name: string; readonly size: number; readonly mode: number; readonly mtimeMs: number; readonly source: string | Buffer }
  | { readonly type: 'directory'; readonly name: string; readonly mode: number; readonly mtimeMs: number }
  | { readonly type: 'symlink'; readonly name: string; readonly target: string; readonly mode: number; readonly mtimeMs: number };

const blockBytes = 512;
const readChunkBytes = 256 * 1024;
const ustarNameBytes = 100;
const ustarPrefixBytes = 155;
const ustarMaxSize = 8 ** 11 - 1;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(options: { name: string; prefix?: string; mode: number; size: number; mtimeSec: number; typeflag: string; linkname?: string }): Buffer {
  const block = Buffer.alloc(blockBytes);
  block.write(options.name, 0, ustarNameBytes, 'utf8');
  block.write(octal(options.mode & 0o7777, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii');
  block.write(octal(0, 8), 116, 'ascii');
  block.write(octal(options.size, 12), 124, 'ascii');
  block.write(octal(Math.max(0, options.mtimeSec), 12), 136, 'ascii');
  block.write('        ', 148, 'ascii');
  block.write(options.typeflag, 156, 'ascii');
  if (options.linkname) block.write(options.linkname, 157, ustarNameBytes, 'utf8');
  block.write('ustar\0', 257, 'ascii');
  block.write('00', 263, 'ascii');
  if (options.prefix) block.write(options.prefix, 345, ustarPrefixBytes, 'utf8');
  let checksum = 0;
  for (const byte of block) checksum += byte;
  block.write(octal(checksum, 7) + ' ', 148, 'ascii');
  return block;
}

function padding(size: number): Buffer {
  const remainder = size % blockBytes;
  return Buffer.alloc(remainder === 0 ? 0 : blockBytes - remainder);
}

/** A PAX record is "<length> <key>=<value>\n" where <length> counts itself. */
function paxRecord(key: string, value: string): string {
  const bodyBytes = Buffer.byteLength(` ${key}=${value}\n`);
  let length = bodyBytes + 1;
  while (String(length).length + bodyBytes !== length) length = String(length).length + bodyBytes;
  return `${length} ${key}=${value}\n`;
}

/** Splits a path into ustar prefix + name when it fits; undefined when a PAX record is needed. */
function splitUstarPath(name: string): { name: string; prefix?: string } | undefined {
  if (Buffer.byteLength(name) <= ustarNameBytes) return { name };
  for (let slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
    const prefix = name.slice(0, slash);
    const rest = name.slice(slash + 1);
    if (Buffer.byteLength(prefix) <= ustarPrefixBytes && Buffer.byteLength(rest) <= ustarNameBytes && rest.length > 0) return { name: rest, prefix };
  }
  return undefined;
}

function entryHeaders(entry: TarEntry, size: number): Buffer[] {
  const name = entry.type === 'directory' && !entry.name.endsWith('/') ? `${entry.name}/` : entry.name;
  const typeflag = entry.type === 'file' ? '0' : entry.type === 'directory' ? '5' : '2';
  const linkname = entry.type === 'symlink' ? entry.target : undefined;
  const split = splitUstarPath(name);
  let pax = '';
  if (!split) pax += paxRecord('path', name);
  if (linkname && Buffer.byteLength(linkname) > ustarNameBytes) pax += paxRecord('linkpath', linkname);
  if (size > ustarMaxSize) pax += paxRecord('size', String(size));
  const mtimeSec = Math.floor(entry.mtimeMs / 1000);
  const blocks: Buffer[] = [];
  if (pax) {
    const body = Buffer.from(pax, 'utf8');
    blocks.push(header({ name: 'PaxHeaders/' + name.slice(-80), mode: 0o644, size: body.length, mtimeSec, typeflag: 'x' }), body, padding(body.length));
  }
  blocks.push(
    header({
      name: split ? split.name : name.slice(0, ustarNameBytes),
      prefix: split?.prefix,
      mode: entry.mode,
      size: size > ustarMaxSize ? 0 : size,
      mtimeSec,
      typeflag,
      linkname: linkname ? linkname.slice(0, ustarNameBytes) : undefined,
    }),
  );
  return blocks;
}

/**
 * Yields the bytes of a tar archive holding the given entries. A file that shrinks while being
 * read is padded with zeros and one that grows is cut at its announced size, so the archive
 * always stays well-formed.
 */
export async function* tarChunks(entries: AsyncIterable<TarEntry> | Iterable<TarEntry>): AsyncGenerator<Buffer> {
  for await (const entry of entries) {
    if (entry.type !== 'file') {
      yield* entryHeaders(entry, 0);
      continue;
    }
    yield* entryHeaders(entry, entry.size);
    let written = 0;
    if (Buffer.isBuffer(entry.source)) {
      const data = entry.source.subarray(0, entry.size);
      written = data.length;
      yield data;
    } else if (entry.size > 0) {
      const stream = fs.createReadStream(entry.source, { highWaterMark: readChunkBytes, end: entry.size - 1 });
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        const room = entry.size - written;
        const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
        written += part.length;
        yield part;
      }
    }
    if (written < entry.size) yield Buffer.alloc(entry.size - written);
    const tail = padding(entry.size);
    if (tail.length > 0) yield tail;
  }
  // Two zero blocks end the archive.
  yield Buffer.alloc(blockBytes * 2);
}
