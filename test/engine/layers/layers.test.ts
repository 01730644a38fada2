// Layer analysis on images built by the real engine (BuildKit), read straight from its save
// stream and from the archives docker and podman write: what users will see for their own images.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { EngineConnection } from '../../../client/src/engine';
import { openImageSaveStream } from '../../../client/src/engine/imageSave';
import { analyseArchiveFile } from '../../../server/src/layers/analyseArchive';
import { AnalysisCache } from '../../../server/src/layers/analysisCache';
import { scanImageArchive } from '../../../server/src/layers/archive/archiveScanner';
import { analyseEngineImage } from '../../../server/src/layers/engineSource';
import { AnalysisCancelledError, ImageArchiveError } from '../../../server/src/layers/errors';
import type { ImageAnalysis } from '../../../server/src/layers/model';
import { docker, RUN_ID, TEST_LABEL, testEngine, testState, uniqueName, useCleanup } from '../support';

const MiB = 1024 * 1024;

describe('layer analysis on real images', function () {
  this.timeout(180_000);
  const cleanup = useCleanup();
  let engine: EngineConnection;
  let folder: string;
  const base = testState().baseImage;

  before(async () => {
    engine = await testEngine('main');
    folder = mkdtempSync(join(tmpdir(), 'layerwise-test-layers-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  /** Builds `dockerfile` with BuildKit (no context needed) and returns its tag. */
  async function build(purpose: string, dockerfile: string): Promise<string> {
    const tag = cleanup.image(`${uniqueName(purpose)}:1`);
    await docker(['build', '-q', '--label', `${TEST_LABEL}=${RUN_ID}`, '-t', tag, '-'], { input: dockerfile, env: { DOCKER_BUILDKIT: '1' } });
    return tag;
  }

  function changes(analysis: ImageAnalysis, layer: number): string[] {
    return analysis.layers[layer].changes
      .filter((change) => change.kind !== 'dir' || change.change === 'deleted')
      .map((change) => `${change.change} /${change.path} ${change.kind} ${change.sizeBytes}${change.link ? ` -> ${change.link}` : ''}`)
      .sort();
  }

  async function saveTo(image: string, file: string): Promise<void> {
    await docker(['save', '-o', file, image]);
  }

  it('the classic example: two RUNs write, two later RUNs delete — every byte is waste of the writing layer and instruction', async () => {
    const tag = await build(
      'classic',
      `FROM ${base}\nRUN dd if=/dev/zero of=/big1 bs=1024 count=3072\nRUN dd if=/dev/zero of=/big2 bs=1024 count=5120\nRUN rm -f /big1\nRUN rm -f /big2\n`,
    );
    const analysis = await analyseEngineImage(engine, tag);
    assert.equal(analysis.layers.length, 5);
    assert.equal(analysis.wastedBytes, 8 * MiB);
    assert.deepEqual(
      analysis.layers.slice(1).map((layer) => [layer.command, layer.wastedBytes, layer.hiddenBytes]),
      [
        ['RUN dd if=/dev/zero of=/big1 bs=1024 count=3072', 3 * MiB, 0],
        ['RUN dd if=/dev/zero of=/big2 bs=1024 count=5120', 5 * MiB, 0],
        ['RUN rm -f /big1', 0, 3 * MiB],
        ['RUN rm -f /big2', 0, 5 * MiB],
      ],
    );
    assert.deepEqual(analysis.wastedPaths, [
      { path: 'big2', sizeBytes: 5 * MiB, writtenBy: 2, removedBy: 4, how: 'deleted' },
      { path: 'big1', sizeBytes: 3 * MiB, writtenBy: 1, removedBy: 3, how: 'deleted' },
    ]);
    assert.deepEqual(changes(analysis, 3), [`deleted /big1 file ${3 * MiB}`]);
    assert.deepEqual(analysis.repoTags, [tag]);
    // The sizes agree with the engine's own history for the layers that hold only regular files.
    const history = (await engine.docker.getImage(tag).history()) as { Size: number; CreatedBy: string }[];
    const engineSizes = history.reverse().filter((step) => step.CreatedBy.includes('dd ')).map((step) => step.Size);
    assert.deepEqual(engineSizes, [analysis.layers[1].sizeBytes, analysis.layers[2].sizeBytes]);
    // dive counts the same bytes here: each big file is seen twice (written, whited out).
    assert.equal(analysis.inefficientBytes, 8 * MiB);
  });

  it('a file overwritten, or only chmod-ed, by a later layer wastes its first copy', async () => {
    const tag = await build(
      'overwrite',
      `FROM ${base}\nRUN dd if=/dev/zero of=/data bs=1024 count=2048 && dd if=/dev/zero of=/script bs=1024 count=512\nRUN dd if=/dev/zero of=/data bs=1024 count=1024\nRUN chmod 700 /script\n`,
    );
    const analysis = await analyseEngineImage(engine, tag);
    assert.deepEqual(changes(analysis, 2), [`modified /data file ${MiB}`]);
    assert.deepEqual(changes(analysis, 3), [`modified /script file ${MiB / 2}`]);
    assert.deepEqual(
      analysis.wastedPaths.map((wasted) => [wasted.path, wasted.sizeBytes, wasted.writtenBy, wasted.removedBy, wasted.how]),
      [
        ['data', 2 * MiB, 1, 2, 'replaced'],
        ['script', MiB / 2, 1, 3, 'replaced'],
      ],
    );
    assert.equal(analysis.layers[1].wastedBytes, 2.5 * MiB);
  });

  it('a directory removed and made again is opaque: what was below it is deleted', async () => {
    const tag = await build(
      'opaque',
      `FROM ${base}\nRUN mkdir -p /app/sub && dd if=/dev/zero of=/app/a bs=1024 count=100 && dd if=/dev/zero of=/app/sub/b bs=1024 count=200\nRUN rm -rf /app && mkdir /app && echo new > /app/new\n`,
    );
    const stream = await openImageSaveStream(engine, tag);
    const scan = await scanImageArchive(stream, { label: tag });
    const opaque = [...scan.layers.values()].some((listing) => listing.entries.some((entry) => entry.kind === 'opaque' && entry.path === 'app'));
    assert.ok(opaque, 'the engine wrote /app as an opaque directory (.wh..wh..opq)');
    const analysis = await analyseEngineImage(engine, tag);
    assert.deepEqual(changes(analysis, 2), ['added /app/new file 4', `deleted /app/a file ${100 * 1024}`, `deleted /app/sub dir ${200 * 1024}`]);
    assert.equal(analysis.layers[1].wastedBytes, 300 * 1024);
  });

  it('a flattened image (export + import) has one layer and no waste', async () => {
    const wasteful = await build('flatten-src', `FROM ${base}\nRUN dd if=/dev/zero of=/big bs=1024 count=1024\nRUN rm /big\n`);
    const before = await analyseEngineImage(engine, wasteful);
    assert.equal(before.wastedBytes, MiB);
    const container = cleanup.container(await docker(['create', '--label', `${TEST_LABEL}=${RUN_ID}`, wasteful, 'true']));
    const exported = join(folder, 'flat.tar');
    await docker(['export', '-o', exported, container]);
    const flat = cleanup.image(`${uniqueName('flat')}:1`);
    await docker(['import', exported, flat]);
    const after = await analyseEngineImage(engine, flat);
    assert.equal(after.layers.length, 1);
    assert.equal(after.wastedBytes, 0);
    assert.equal(after.inefficientBytes, 0);
    assert.equal(after.efficiency, 1);
    assert.ok(after.sizeBytes < before.sizeBytes - MiB / 2, `flattening shrank the image (${before.sizeBytes} → ${after.sizeBytes})`);
  });

  it('symlinks keep their target; hard links share bytes until the last name goes', async () => {
    const tag = await build(
      'links',
      `FROM ${base}\nRUN dd if=/dev/zero of=/payload bs=1024 count=1024 && ln /payload /payload-link && ln -s /payload /payload-sym\nRUN rm /payload\nRUN rm /payload-link\n`,
    );
    const analysis = await analyseEngineImage(engine, tag);
    assert.deepEqual(changes(analysis, 1), [`added /payload file ${MiB}`, 'added /payload-link hardlink 0 -> payload', 'added /payload-sym symlink 0 -> /payload']);
    assert.equal(analysis.layers[1].sizeBytes, MiB, 'the hard link stores the bytes once');
    assert.equal(analysis.layers[2].hiddenBytes, 0, 'removing one name of a hard-linked file frees nothing');
    assert.deepEqual(analysis.wastedPaths, [{ path: 'payload', sizeBytes: MiB, writtenBy: 1, removedBy: 3, how: 'deleted' }]);
  });

  it('reads the same image from a docker save file, its gzip-compressed copy and an OCI archive written by podman', async () => {
    const tag = await build('formats', `FROM ${base}\nRUN dd if=/dev/zero of=/x bs=1024 count=700\nRUN rm /x\n`);
    const fromEngine = await analyseEngineImage(engine, tag);
    const saved = join(folder, 'formats.tar');
    await saveTo(tag, saved);
    const gzipped = join(folder, 'formats.tar.gz');
    await pipeline(createReadStream(saved), createGzip(), createWriteStream(gzipped));
    const oci = join(folder, 'formats-oci.tar');
    const podmanName = `localhost/${tag}`;
    await run('podman', ['load', '-i', saved]);
    try {
      await run('podman', ['save', '--format', 'oci-archive', '-o', oci, podmanName]);
    } finally {
      await run('podman', ['rmi', '-f', podmanName]).catch(() => undefined);
    }
    const summary = (analysis: ImageAnalysis) => ({
      layers: analysis.layers.map((layer) => [layer.command, layer.sizeBytes, layer.wastedBytes, layer.counts]),
      wastedBytes: analysis.wastedBytes,
      efficiency: analysis.efficiency,
      wastedPaths: analysis.wastedPaths,
    });
    const fromFile = (await analyseArchiveFile(saved, {})).analysis;
    const fromGzip = (await analyseArchiveFile(gzipped, {})).analysis;
    const fromOci = (await analyseArchiveFile(oci, {})).analysis;
    assert.equal(fromOci.layout, 'oci-layout');
    assert.equal(fromOci.layers[1].compression, 'gzip', 'podman stores OCI layers gzip-compressed');
    assert.deepEqual(summary(fromFile), summary(fromEngine));
    assert.deepEqual(summary(fromGzip), summary(fromEngine));
    assert.deepEqual(summary(fromOci), summary(fromEngine));
    assert.equal(fromEngine.wastedBytes, 700 * 1024);
  });

  it('a truncated archive gives a clear error and no crash', async () => {
    const saved = join(folder, 'truncated.tar');
    await saveTo(base, saved);
    truncateSync(saved, Math.floor(statSync(saved).size * 0.6));
    await assert.rejects(analyseArchiveFile(saved, {}), (error: unknown) => {
      assert.ok(error instanceof ImageArchiveError, String(error));
      assert.match(error.message, /truncated\.tar is truncated after \d+ bytes: the archive ends inside ".*layer\.tar": \d+ of its \d+ bytes are present/);
      return true;
    });
  });

  it('stops reading the engine stream when cancelled, and the engine carries on', async () => {
    const tag = await build('cancel', `FROM ${base}\nRUN dd if=/dev/urandom of=/noise bs=1024 count=16384\n`);
    const controller = new AbortController();
    const started = Date.now();
    await assert.rejects(
      analyseEngineImage(engine, tag, { signal: controller.signal, onProgress: ({ bytesRead }) => bytesRead > 2 * MiB && controller.abort() }),
      (error: unknown) => error instanceof AnalysisCancelledError && /was cancelled/.test(error.message),
    );
    assert.ok(Date.now() - started < 60_000);
    await engine.ping();
    const again = await analyseEngineImage(engine, tag);
    assert.equal(again.layers[1].sizeBytes, 16 * MiB);
  });

  it('says which image is missing', async () => {
    await assert.rejects(analyseEngineImage(engine, `${uniqueName('absent')}:1`), /Cannot inspect image layerwise-test-absent.*:1: the engine at .* has no image layerwise-test-absent.*:1\. Check the name/);
  });

  it('caches by image ID: a second request is answered without reading the engine again', async () => {
    const tag = await build('cache', `FROM ${base}\nRUN echo cached > /c\n`);
    const cache = new AnalysisCache();
    let progressCalls = 0;
    const first = await analyseEngineImage(engine, tag, { cache, onProgress: () => progressCalls++ });
    const afterFirst = progressCalls;
    assert.ok(afterFirst > 0);
    const second = await analyseEngineImage(engine, tag, { cache, onProgress: () => progressCalls++ });
    assert.equal(second, first);
    assert.equal(progressCalls, afterFirst);
  });
});

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}
