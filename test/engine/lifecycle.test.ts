// What users see when the engine is out of reach for them, hangs, or stops in the middle of a
// session; and the events stream that keeps the explorer current.
import { strict as assert } from 'node:assert';
import { execFile, spawnSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { EngineConnection, EngineError, watchEvents, type EngineEvent } from '../../client/src/engine';
import { docker, testEndpoint, testEngine, testState, uniqueName, upScript, useCleanup, waitFor } from './support';

/**
 * Runs a TypeScript probe as the `nobody` user. It is bundled into a world-readable temp folder
 * first: the clone itself may sit where `nobody` cannot read (e.g. under /root in CI).
 */
async function runAsNobody(script: string, ...args: string[]): Promise<{ ok: boolean; kind?: string; message?: string }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'layerwise-nobody-'));
  const bundle = path.join(dir, 'probe.cjs');
  await esbuild.build({ entryPoints: [script], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, external: ['cpu-features', '*.node'], logLevel: 'silent' });
  await fs.chmod(dir, 0o755);
  await fs.chmod(bundle, 0o644);
  try {
    return await runBundleAsNobody(bundle, args);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

function runBundleAsNobody(bundle: string, args: string[]): Promise<{ ok: boolean; kind?: string; message?: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [bundle, ...args],
      { cwd: '/', uid: 65534, gid: 65534, env: { PATH: process.env.PATH, HOME: '/tmp', TMPDIR: '/tmp' }, timeout: 60_000 },
      (error, stdout, stderr) => {
        try {
          resolve(JSON.parse(stdout));
        } catch {
          reject(new Error(`probe failed: ${error?.message ?? ''} ${stderr}`));
        }
      },
    );
  });
}

function tlsEnginePid(): number {
  return Number(readFileSync(testState().tls.pidFile, 'utf8').trim());
}

describe('engine lifecycle', () => {
  const cleanup = useCleanup();

  // The engine tier runs as root (it starts dockerd); the probe runs as `nobody`.
  it('permission denied on the socket: says so and how to get access (a real non-root user)', async () => {
    const result = await runAsNobody(path.join(__dirname, 'support', 'probeConnect.ts'), testState().main.host);
    assert.equal(result.ok, false);
    assert.equal(result.kind, 'permission-denied', result.message);
    assert.match(result.message ?? '', /\/var\/run\/docker\.sock/);
    assert.match(result.message ?? '', /usermod -aG docker/);
  });

  it('a hung engine: the call times out with the endpoint and the deadline in the message', async () => {
    const engine = await EngineConnection.open(testEndpoint('tls-unix'));
    const pid = tlsEnginePid();
    process.kill(pid, 'SIGSTOP');
    try {
      await assert.rejects(engine.listImages({ timeoutMs: 500 }), (error: unknown) => {
        assert.ok(error instanceof EngineError);
        assert.equal(error.kind, 'timeout');
        assert.match(error.message, /no answer within 500 ms/);
        assert.match(error.message, /tls-engine\/docker\.sock/);
        return true;
      });
    } finally {
      process.kill(pid, 'SIGCONT');
      engine.dispose();
    }
  });

  it('the engine stops mid-session: calls fail as not running, the event stream reconnects when it is back', async function () {
    this.timeout(120_000);
    const engine = await EngineConnection.open(testEndpoint('tls-unix'));
    const connected: boolean[] = [];
    const drops: EngineError[] = [];
    const watcher = watchEvents(engine, {
      initialBackoffMs: 100,
      maxBackoffMs: 1_000,
      onEvent: () => undefined,
      onConnected: (reconnected) => connected.push(reconnected),
      onDisconnected: (error) => drops.push(error),
    });
    cleanup.add(() => {
      watcher.dispose();
      engine.dispose();
    });
    await waitFor('the event stream to open', () => connected.length === 1);
    assert.deepEqual(connected, [false]);
    assert.ok((await engine.listImages()).some((image) => image.repoTags.includes(testState().baseImage)));

    const pid = tlsEnginePid();
    process.kill(-pid, 'SIGTERM');
    await waitFor('the TLS engine to exit', () => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    });
    await waitFor('the watcher to notice the drop', () => drops.length > 0);
    assert.ok(['connection-lost', 'refused', 'not-found'].includes(drops[0]!.kind), drops[0]!.message);
    await assert.rejects(engine.listImages(), (error: unknown) => {
      assert.ok(error instanceof EngineError);
      assert.ok(['refused', 'not-found'].includes(error.kind), error.message);
      assert.match(error.message, /[Ss]tart/);
      return true;
    });

    const up = spawnSync('bash', [upScript], { encoding: 'utf8' });
    assert.equal(up.status, 0, up.stderr);
    await waitFor('the event stream to reconnect', () => connected.includes(true), 60_000);
    assert.ok((await engine.listImages()).length > 0, 'calls work again on the same connection');
  });

  it('events: tagging an image arrives on the stream as an image event', async () => {
    const engine = await testEngine('main');
    const events: EngineEvent[] = [];
    let opened = false;
    const watcher = watchEvents(engine, { filters: { type: ['image'] }, onEvent: (event) => events.push(event), onConnected: () => (opened = true) });
    cleanup.add(() => watcher.dispose());
    await waitFor('the event stream to open', () => opened);
    const tag = `${uniqueName('events')}:v1`;
    await docker(['tag', testState().baseImage, tag]);
    cleanup.image(tag);
    const event = await waitFor('the tag event', () => events.find((candidate) => candidate.action === 'tag' && candidate.attributes.name === tag));
    assert.equal(event.type, 'image');
    assert.match(event.id, /^sha256:/);
  });

  // The explorer refreshes from this stream on every transport, not only the local socket.
  for (const [name, cliHost] of [
    ['tls', () => testState().tls.unixHost],
    ['ssh', () => testState().main.host],
  ] as const) {
    it(`events over ${name === 'tls' ? 'tcp:// with TLS' : 'ssh://'}: a tag arrives on the stream`, async () => {
      const engine = await testEngine(name);
      const events: EngineEvent[] = [];
      let opened = false;
      const watcher = watchEvents(engine, { filters: { type: ['image'] }, onEvent: (event) => events.push(event), onConnected: () => (opened = true) });
      cleanup.add(() => watcher.dispose());
      await waitFor('the event stream to open', () => opened);
      const tag = `${uniqueName(`events-${name}`)}:v1`;
      await docker(['tag', testState().baseImage, tag], { host: cliHost() });
      cleanup.image(tag, cliHost());
      const event = await waitFor('the tag event', () => events.find((candidate) => candidate.action === 'tag' && candidate.attributes.name === tag));
      assert.equal(event.type, 'image');
    });
  }
});
