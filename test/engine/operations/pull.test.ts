// Pull from the local registry (127.0.0.1:5000, htpasswd auth): an image pushed there, removed
// from the engine, comes back with the same ID; the registry's refusal, a missing tag, an
// unreachable registry and a cancelled pull each end as the user is told.
import { strict as assert } from 'node:assert';
import type { EngineConnection } from '../../../client/src/engine/connection';
import { PullProgress, pullImage } from '../../../client/src/engine/operations/pull';
import { RegistryAuthError, pushImage, tagImage } from '../../../client/src/engine/operations/registry';
import { testEngine } from '../support';
import { RUN_ID, cleanup, docker, mainEngine, registryCredentials, testState, uniqueName } from './support';

describe('registry: pull', function () {
  this.timeout(300_000);
  let engine: EngineConnection;
  const creds = registryCredentials();
  const registry = creds.serveraddress;
  const login = { serveraddress: registry, username: creds.username, password: creds.password, source: 'layerwise-login' as const };
  const pushed: string[] = [];

  /**
   * Makes an image with `bytes` of its own, pushes it as `registry/team/<name>:1.0` and removes it
   * from the engine. The layer is committed from a container rather than built: BuildKit's cache
   * would keep a built layer after the image is gone, and the pull would find it "Already exists".
   */
  async function publishAndForget(what: string, bytes: number): Promise<{ reference: string; imageId: string }> {
    const local = `${uniqueName(`pull-${what}`)}:1`;
    const container = uniqueName(`pull-${what}-writer`);
    await docker(['run', '--name', container, '--label', `layerwise-test=${RUN_ID}`, testState().baseImage, 'sh', '-c', `head -c ${bytes} /dev/urandom > /payload`]);
    await docker(['commit', container, local]);
    await docker(['rm', container]);
    const reference = `${registry}/team/${uniqueName(`pull-${what}`)}:1.0`;
    await tagImage(engine, local, reference);
    await pushImage(engine, { reference, credentials: login });
    const imageId = (await engine.docker.getImage(reference).inspect()).Id;
    pushed.push(reference);
    // Both names gone, so the layer of its own must travel back from the registry.
    await docker(['rmi', reference, local]);
    return { reference, imageId };
  }

  const present = (reference: string) =>
    engine.docker
      .getImage(reference)
      .inspect()
      .then(() => true)
      .catch(() => false);

  before(async () => {
    engine = await mainEngine();
  });
  after(() => cleanup(engine, pushed));

  it('without credentials the registry refuses, as a login to ask for', async () => {
    const { reference } = await publishAndForget('anon', 1000);
    await assert.rejects(pullImage(engine, { reference }), (error: unknown) => {
      assert.ok(error instanceof RegistryAuthError, String(error));
      assert.equal(error.hadCredentials, false);
      assert.equal(error.registry, registry);
      return true;
    });
    assert.equal(await present(reference), false);
  });

  it('with credentials the image comes back with the same ID, with per-layer progress; pulling again is "up to date"', async () => {
    const { reference, imageId } = await publishAndForget('back', 3_000_000);
    const progress: PullProgress[] = [];
    const result = await pullImage(engine, { reference, credentials: login, onProgress: (update) => progress.push(update) });
    assert.equal(result.imageId, imageId);
    assert.equal(result.reference, reference);
    assert.equal(result.downloaded, true);
    assert.match(result.digest ?? '', /^sha256:[0-9a-f]{64}$/);
    assert.equal((await engine.docker.getImage(reference).inspect()).Id, imageId);
    const last = progress[progress.length - 1]!;
    assert.ok(last.layers >= 2, `layers reported: ${last.layers}`);
    assert.equal(last.layersDone, last.layers);
    assert.equal(last.fraction, 1);
    assert.ok(last.bytesTotal >= 3_000_000, `bytes announced: ${last.bytesTotal}`);
    assert.ok(progress.some((update) => update.fraction > 0 && update.fraction < 1), 'intermediate progress was reported');
    for (const update of progress) assert.ok(!JSON.stringify(update).includes(creds.password));

    const again = await pullImage(engine, { reference, credentials: login });
    assert.equal(again.downloaded, false);
    assert.equal(again.imageId, imageId);
  });

  it('for a platform named as FROM --platform names it: the engine\'s own is pulled', async () => {
    // The wrong-platform message is unit-tested: dockerd 20.10 here pulls a single-platform
    // image whatever platform is asked for (newer engines refuse it), so it cannot be shown.
    const { reference, imageId } = await publishAndForget('platform', 1000);
    const { Os, Arch } = await engine.docker.version();
    const pulled = await pullImage(engine, { reference, platform: `${Os}/${Arch}`, credentials: login });
    assert.equal(pulled.imageId, imageId);
  });

  it('a tag the registry does not have is named, with what to check', async () => {
    const reference = `${registry}/team/${uniqueName('pull-missing')}:nope`;
    await assert.rejects(pullImage(engine, { reference, credentials: login }), (error: unknown) => {
      assert.match((error as Error).message, new RegExp(`^127\\.0\\.0\\.1:5000 has no image ${reference.replace(/[.]/g, '\\.')} \\(.+\\)\\. Check the repository name and the tag`));
      assert.ok(!(error as Error).message.includes(creds.password));
      return true;
    });
  });

  it('a registry nothing listens on is reported as unreachable', async () => {
    await assert.rejects(pullImage(engine, { reference: '127.0.0.1:9/team/app:1' }), /^Error: Cannot reach the registry 127\.0\.0\.1:9 to pull 127\.0\.0\.1:9\/team\/app:1 \(.+\)\. Check the name of the registry/);
  });

  it('a Docker Hub name without a network: latest is asked for, and Docker Hub named as unreachable', async () => {
    // These machines have no internet (the Docker Hub search test assumes the same).
    await assert.rejects(pullImage(engine, { reference: 'alpine' }), /^Error: Cannot reach the registry docker\.io to pull alpine:latest \(.*registry-1\.docker\.io.*\)\./);
  });

  it('on Podman, which expects HTTPS of 127.0.0.1:5000 too: what to configure, for pull and push', async () => {
    const podman = await testEngine('podman');
    const reference = `${registry}/team/${uniqueName('pull-podman')}:1`;
    const advice = /^Error: The registry 127\.0\.0\.1:5000 answers in plain HTTP, and the engine expects HTTPS \(.+\)\. Add 127\.0\.0\.1:5000 to the engine's insecure registries \(Docker: "insecure-registries" in daemon\.json; Podman: .*registries\.conf\)/;
    await assert.rejects(pullImage(podman, { reference, credentials: login }), advice);
    await tagImage(podman, testState().podman.baseImage, reference);
    try {
      await assert.rejects(pushImage(podman, { reference, credentials: login }), advice);
    } finally {
      await podman.docker.getImage(reference).remove({ force: true }).catch(() => undefined);
    }
  });

  it('cancelling a pull halfway leaves no image', async () => {
    const { reference } = await publishAndForget('cancel', 150_000_000);
    const controller = new AbortController();
    let seen = 0;
    await assert.rejects(
      pullImage(engine, {
        reference,
        credentials: login,
        signal: controller.signal,
        onProgress: (update) => {
          seen = update.bytes;
          if (update.bytes > 5_000_000) controller.abort();
        },
      }),
      (error: unknown) => (error as { kind?: string }).kind === 'cancelled',
    );
    assert.ok(seen > 5_000_000 && seen < 150_000_000, `cancelled after ${seen} bytes`);
    assert.equal(await present(reference), false);
  });
});
