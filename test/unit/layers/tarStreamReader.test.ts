import { strict as assert } from 'node:assert';
import { TarFormatError } from '../../../server/src/layers/tar/tarHeader';
import { TarStreamReader, TarTruncatedError, type TarEntry } from '../../../server/src/layers/tar/tarStreamReader';
import { tarOf, type TarEntrySpec } from './support/tarWriter';

interface Read {
  entry: TarEntry;
  data: string;
}

/** Feeds `archive` in pieces of `chunkBytes` and returns what the reader reported. */
function readAll(archive: Buffer, chunkBytes: number): Read[] {
  const reads: Read[] = [];
  const reader = new TarStreamReader((entry) => {
    const read: Read = { entry, data: '' };
    reads.push(read);
    return {
      data(chunk) {
        read.data += chunk.toString('utf8');
      },
      end() {},
    };
  });
  for (let offset = 0; offset < archive.length; offset += chunkBytes) reader.write(archive.subarray(offset, offset + chunkBytes));
  reader.end();
  return reads;
}

const longPath = `usr/share/${'deeply/'.repeat(20)}nested-file.txt`;
const entries: TarEntrySpec[] = [
  { name: 'etc/', type: 'dir' },
  { name: 'etc/hostname', data: 'box\n' },
  { name: 'empty', data: '' },
  { name: 'bin/sh', type: 'symlink', link: '/bin/busybox' },
  { name: 'bin/ash', type: 'hardlink', link: 'bin/busybox' },
  { name: longPath, data: 'pax name' },
  { name: `${longPath}.gnu`, data: 'gnu name', longName: 'gnu' },
  { name: `${'p'.repeat(120)}/short-name`, data: 'ustar prefix', longName: 'prefix' },
  { name: 'big', data: Buffer.alloc(5000, 0x61) },
];

describe('layers: streaming tar reader', () => {
  for (const chunkBytes of [1, 7, 511, 512, 513, 4096, 1 << 20]) {
    it(`reads names, types, links and data fed in ${chunkBytes}-byte chunks`, () => {
      const reads = readAll(tarOf(entries), chunkBytes);
      assert.deepEqual(
        reads.map((read) => [read.entry.name, read.entry.type, read.entry.size, read.entry.linkName]),
        [
          ['etc/', 'directory', 0, ''],
          ['etc/hostname', 'file', 4, ''],
          ['empty', 'file', 0, ''],
          ['bin/sh', 'symlink', 0, '/bin/busybox'],
          ['bin/ash', 'hardlink', 0, 'bin/busybox'],
          [longPath, 'file', 8, ''],
          [`${longPath}.gnu`, 'file', 8, ''],
          [`${'p'.repeat(120)}/short-name`, 'file', 12, ''],
          ['big', 'file', 5000, ''],
        ],
      );
      assert.equal(reads[1].data, 'box\n');
      assert.equal(reads[5].data, 'pax name');
      assert.equal(reads[8].data, 'a'.repeat(5000));
    });
  }

  it('accepts an archive that stops between entries without the end marker', () => {
    const reads = readAll(tarOf([{ name: 'a', data: 'x' }], { endMarker: false }), 100);
    assert.deepEqual(reads.map((read) => read.entry.name), ['a']);
  });

  it('reports an archive cut inside an entry, with how much of it arrived', () => {
    const archive = tarOf([{ name: 'data.bin', data: Buffer.alloc(3000) }]);
    assert.throws(
      () => readAll(archive.subarray(0, 512 + 1000), 256),
      (error: unknown) =>
        error instanceof TarTruncatedError && /ends inside "data\.bin": 1000 of its 3000 bytes are present/.test(error.message),
    );
  });

  it('reports an archive cut inside a header', () => {
    const archive = tarOf([{ name: 'a', data: 'x' }, { name: 'b', data: 'y' }]);
    assert.throws(() => readAll(archive.subarray(0, 1024 + 100), 64), TarTruncatedError);
  });

  it('rejects bytes that are not a tar header, saying where', () => {
    const notTar = Buffer.alloc(1024, 0x41);
    assert.throws(
      () => readAll(notTar, 512),
      (error: unknown) => error instanceof TarFormatError && /not a tar archive.*byte 0/.test(error.message),
    );
  });

  it('reads GNU base-256 sizes (files over 8 GiB)', () => {
    const archive = tarOf([{ name: 'f', data: 'hello' }]);
    // Rewrite the size field as base-256 and fix the checksum.
    archive.fill(0, 124, 136);
    archive[124] = 0x80;
    archive[135] = 5;
    archive.fill(0x20, 148, 156);
    let sum = 0;
    for (let index = 0; index < 512; index++) sum += archive[index];
    archive.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'latin1');
    const reads = readAll(archive, 512);
    assert.equal(reads[0].entry.size, 5);
    assert.equal(reads[0].data, 'hello');
  });
});
