// Builds tar archives in memory for the tests: layers and whole image archives in the Docker and
// OCI layouts, generated from a readable description instead of committed binaries.
import { createHash } from 'node:crypto';
import * as zlib from 'node:zlib';

export type TarEntrySpec =
  | { name: string; type?: 'file'; data?: string | Buffer; longName?: 'pax' | 'gnu' | 'prefix' }
  | { name: string; type: 'dir' }
  | { name: string; type: 'symlink' | 'hardlink'; link: string }
  | { name: string; type: 'fifo' };

const typeFlags = { file: '0', dir: '5', symlink: '2', hardlink: '1', fifo: '6' } as const;

export function tarOf(entries: readonly TarEntrySpec[], options: { endMarker?: boolean } = {}): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const type = entry.type ?? 'file';
    const data = type === 'file' ? toBuffer((entry as { data?: string | Buffer }).data ?? '') : Buffer.alloc(0);
    const link = 'link' in entry ? entry.link : '';
    let name = entry.name;
    let prefix = '';
    if (Buffer.byteLength(name) > 100) {
      const style = ('longName' in entry && entry.longName) || 'pax';
      if (style === 'pax') {
        blocks.push(...paxHeader(name));
        name = name.slice(-99);
      } else if (style === 'gnu') {
        const body = Buffer.from(`${name}\0`);
        blocks.push(header({ name: '././@LongLink', size: body.length, flag: 'L', gnu: true }), pad(body));
        name = name.slice(0, 100);
      } else {
        const split = name.lastIndexOf('/', 155);
        prefix = name.slice(0, split);
        name = name.slice(split + 1);
      }
    }
    blocks.push(header({ name, prefix, size: data.length, flag: typeFlags[type], link, mode: type === 'dir' ? 0o755 : 0o644 }));
    if (data.length > 0) blocks.push(pad(data));
  }
  if (options.endMarker !== false) blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

function paxHeader(path: string): Buffer[] {
  const record = (key: string, value: string): string => {
    const body = ` ${key}=${value}\n`;
    let length = Buffer.byteLength(body) + 1;
    while (String(length).length + Buffer.byteLength(body) !== length) length++;
    return `${length}${body}`;
  };
  const body = Buffer.from(record('path', path));
  return [header({ name: 'PaxHeaders/entry', size: body.length, flag: 'x' }), pad(body)];
}

function header(fields: { name: string; prefix?: string; size: number; flag: string; link?: string; mode?: number; gnu?: boolean }): Buffer {
  const block = Buffer.alloc(512);
  block.write(fields.name, 0, 100, 'utf8');
  octal(block, 100, 8, fields.mode ?? 0o644);
  octal(block, 108, 8, 0);
  octal(block, 116, 8, 0);
  octal(block, 124, 12, fields.size);
  octal(block, 136, 12, 1_700_000_000);
  block.write(fields.flag, 156, 1, 'latin1');
  if (fields.link) block.write(fields.link, 157, 100, 'utf8');
  if (fields.gnu) block.write('ustar  \0', 257, 8, 'latin1');
  else {
    block.write('ustar\0', 257, 6, 'latin1');
    block.write('00', 263, 2, 'latin1');
  }
  if (fields.prefix) block.write(fields.prefix, 345, 155, 'utf8');
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'latin1');
  return block;
}

function octal(block: Buffer, offset: number, length: number, value: number): void {
  block.write(`${value.toString(8).padStart(length - 1, '0')}\0`, offset, length, 'latin1');
}

function pad(data: Buffer): Buffer {
  const rest = data.length % 512;
  return rest === 0 ? data : Buffer.concat([data, Buffer.alloc(512 - rest)]);
}

function toBuffer(data: string | Buffer): Buffer {
  return typeof data === 'string' ? Buffer.from(data) : data;
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface ImageSpec {
  readonly tags?: readonly string[];
  /** One tar per layer (uncompressed). */
  readonly layers: readonly Buffer[];
  /** created_by per history step, `empty` for steps that made no layer. Defaults to one step per layer. */
  readonly history?: readonly ({ createdBy: string; empty?: boolean })[];
  readonly labels?: Readonly<Record<string, string>>;
}

export interface ArchiveOptions {
  readonly layout?: 'docker' | 'oci';
  readonly compressLayers?: 'gzip' | 'zstd-raw';
  /** Write manifest/index first instead of last (docker save writes them last). */
  readonly documentsFirst?: boolean;
}

/** A `docker save`-style (or OCI layout) archive holding `images`. */
export function imageArchive(images: readonly ImageSpec[], options: ArchiveOptions = {}): Buffer {
  const layout = options.layout ?? 'docker';
  const blobs = new Map<string, Buffer>();
  const documents: TarEntrySpec[] = [];
  const manifest: unknown[] = [];
  const ociManifests: unknown[] = [];
  for (const image of images) {
    const diffIds = image.layers.map((layer) => `sha256:${sha256(layer)}`);
    const history: readonly { createdBy: string; empty?: boolean }[] =
      image.history ?? image.layers.map((_, index) => ({ createdBy: `RUN /bin/sh -c step${index + 1} # buildkit` }));
    const config = Buffer.from(
      JSON.stringify({
        architecture: 'amd64',
        os: 'linux',
        created: '2024-01-01T00:00:00Z',
        config: { Labels: image.labels ?? null },
        rootfs: { type: 'layers', diff_ids: diffIds },
        history: history.map((step) => ({ created: '2024-01-01T00:00:00Z', created_by: step.createdBy, ...(step.empty ? { empty_layer: true } : {}) })),
      }),
    );
    const configHex = sha256(config);
    const stored = image.layers.map((layer) => compress(layer, options.compressLayers));
    if (layout === 'docker') {
      documents.push({ name: `${configHex}.json`, data: config });
      const layerPaths = stored.map((blob, index) => {
        const path = `${sha256(`${configHex}-${index}`)}/layer.tar`;
        blobs.set(path, blob);
        return path;
      });
      manifest.push({ Config: `${configHex}.json`, RepoTags: image.tags ?? [], Layers: layerPaths });
    } else {
      blobs.set(`blobs/sha256/${configHex}`, config);
      const layerDescriptors = stored.map((blob) => {
        const hex = sha256(blob);
        blobs.set(`blobs/sha256/${hex}`, blob);
        return { mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: `sha256:${hex}`, size: blob.length };
      });
      const imageManifest = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: `sha256:${configHex}`, size: config.length },
          layers: layerDescriptors,
        }),
      );
      const manifestHex = sha256(imageManifest);
      blobs.set(`blobs/sha256/${manifestHex}`, imageManifest);
      ociManifests.push({
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: `sha256:${manifestHex}`,
        size: imageManifest.length,
        annotations: image.tags?.[0] ? { 'io.containerd.image.name': image.tags[0], 'org.opencontainers.image.ref.name': image.tags[0].split(':').pop() } : {},
      });
    }
  }
  const tail: TarEntrySpec[] =
    layout === 'docker'
      ? [...documents, { name: 'manifest.json', data: JSON.stringify(manifest) }]
      : [
          { name: 'index.json', data: JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: ociManifests }) },
          { name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
        ];
  const blobEntries: TarEntrySpec[] = [...blobs].map(([name, data]) => ({ name, data }));
  const dirs = new Set<string>();
  for (const name of blobs.keys()) if (name.includes('/')) dirs.add(name.slice(0, name.lastIndexOf('/')));
  const dirEntries: TarEntrySpec[] = [...dirs].sort().map((name) => ({ name: `${name}/`, type: 'dir' }));
  return tarOf(options.documentsFirst ? [...tail, ...dirEntries, ...blobEntries] : [...dirEntries, ...blobEntries, ...tail]);
}

function compress(layer: Buffer, how: ArchiveOptions['compressLayers']): Buffer {
  if (how === 'gzip') return zlib.gzipSync(layer);
  if (how === 'zstd-raw') return zstdRawFrame(layer);
  return layer;
}

/**
 * A valid zstd frame made of raw (stored) blocks: real zstd framing, readable by any decoder,
 * without needing a zstd encoder in Node 20. Real compressed zstd is tested through the `zstd`
 * tool when it is installed.
 */
export function zstdRawFrame(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  const magic = Buffer.from([0x28, 0xb5, 0x2f, 0xfd]);
  // Frame header: single segment, 8-byte content size.
  const descriptor = Buffer.from([0b1110_0000]);
  const contentSize = Buffer.alloc(8);
  contentSize.writeBigUInt64LE(BigInt(data.length));
  parts.push(magic, descriptor, contentSize);
  const maxBlock = 128 * 1024;
  let offset = 0;
  do {
    const size = Math.min(maxBlock, data.length - offset);
    const last = offset + size >= data.length ? 1 : 0;
    const headerValue = (size << 3) | (0 << 1) | last; // block type 0 = raw
    parts.push(Buffer.from([headerValue & 0xff, (headerValue >> 8) & 0xff, (headerValue >> 16) & 0xff]), data.subarray(offset, offset + size));
    offset += size;
  } while (offset < data.length);
  return Buffer.concat(parts);
}
