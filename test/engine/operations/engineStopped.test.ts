import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EngineError } from '../../../client/src/engine/errors';
import { buildImage } from '../../../client/src/engine/operations/build';
import { loadImages, saveImages } from '../../../client/src/engine/operations/saveLoad';
import { ThrowawayEngine, startThrowawayEngine } from './throwawayEngine';
import { tempDir, testState, writeTree } from './support';

describe('the engine stops in the middle of an operation (a dedicated throwaway dockerd)', function () {
  this.timeout(240_000);
  let engine: ThrowawayEngine | undefined;

  afterEach(async () => {
    await engine?.dispose();
    engine = undefined;
  });

  async function engineWithBigImage(): Promise<{ engine: ThrowawayEngine; image: string }> {
    engine = await startThrowawayEngine();
    const image = 'layerwise-test-stopped:1';
    await buildImage(engine.connection, { contextDir: writeTree({ Dockerfile: `FROM ${testState().baseImage}\nRUN head -c 120000000 /dev/urandom > /big\n` }), dockerfile: 'Dockerfile', tags: [image] });
    return { engine, image };
  }

  function assertEngineGone(error: unknown, host: string): true {
    assert.ok(error instanceof EngineError, `an EngineError, not ${String(error)}`);
    assert.ok(['connection-lost', 'refused', 'not-found'].includes(error.kind), `${error.kind}: ${error.message}`);
    assert.ok(error.message.includes(host), error.message);
    return true;
  }

  it('save: fails with a connection error naming the engine, and leaves no file', async () => {
    const { engine: throwaway, image } = await engineWithBigImage();
    const dir = tempDir('stopped-save');
    let killing: Promise<void> | undefined;
    await assert.rejects(
      saveImages(throwaway.connection, {
        images: [image],
        target: path.join(dir, 'image.tar'),
        onProgress: (bytes) => {
          if (bytes > 10_000_000 && !killing) killing = throwaway.kill();
        },
      }),
      (error: unknown) => assertEngineGone(error, throwaway.host),
    );
    await killing;
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('load: fails with a connection error when the engine dies while reading the archive', async () => {
    const { engine: throwaway, image } = await engineWithBigImage();
    const dir = tempDir('stopped-load');
    const archive = path.join(dir, 'image.tar');
    await saveImages(throwaway.connection, { images: [image], target: archive });
    await throwaway.connection.docker.getImage(image).remove();
    let killing: Promise<void> | undefined;
    await assert.rejects(
      loadImages(throwaway.connection, {
        source: archive,
        onProgress: (sent) => {
          if (sent > 30_000_000 && !killing) killing = throwaway.kill();
        },
      }),
      (error: unknown) => assertEngineGone(error, throwaway.host),
    );
    await killing;
  });

  it('build: a build running when the engine dies fails with a connection error', async () => {
    engine = await startThrowawayEngine();
    const throwaway = engine;
    let killing: Promise<void> | undefined;
    const marker = `${Math.floor(Math.random() * 1e6) + 4000000}`;
    const build = buildImage(throwaway.connection, {
      contextDir: writeTree({ Dockerfile: `FROM ${testState().baseImage}\nRUN echo running-${marker} && sleep ${marker}\n` }),
      dockerfile: 'Dockerfile',
      onEvent: (event) => {
        if (event.kind === 'output' && event.text.includes(`running-${marker}`) && !killing) killing = throwaway.kill();
      },
    });
    await assert.rejects(build, (error: unknown) => assertEngineGone(error, throwaway.host));
    await killing;
    // A crashed engine cannot stop its step: the orphaned process is ours to end.
    for (const pid of fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry) && safeCmdline(entry).includes(`sleep ${marker}`))) process.kill(Number(pid), 'SIGKILL');
  });
});

function safeCmdline(pid: string): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}
