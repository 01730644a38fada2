import { strict as assert } from 'node:assert';
import type { EngineConnection } from '../../../client/src/engine/connection';
import { buildImage } from '../../../client/src/engine/operations/build';
import { InvalidChangeError, commitContainer } from '../../../client/src/engine/operations/commit';
import { flattenImage } from '../../../client/src/engine/operations/flatten';
import { ImageInUseError, pruneBuildCache, pruneContainers, pruneImages, removeImage } from '../../../client/src/engine/operations/images';
import { tagImage } from '../../../client/src/engine/operations/registry';
import { RUN_ID, cleanup, mainEngine, testLabels, testState, uniqueName, writeTree } from './support';

describe('image operations: remove, prune, flatten, commit', function () {
  this.timeout(180_000);
  let engine: EngineConnection;
  const base = testState().baseImage;

  before(async () => {
    engine = await mainEngine();
  });
  after(() => cleanup(engine));

  async function build(dockerfile: string, tag?: string, builder: 'buildkit' | 'classic' = 'buildkit'): Promise<string> {
    const result = await buildImage(engine, { contextDir: writeTree({ Dockerfile: dockerfile }), dockerfile: 'Dockerfile', tags: tag ? [tag] : [], labels: testLabels(), builder });
    return result.imageId;
  }

  it('removal of an image used by a stopped container offers force, and force works', async () => {
    const tag = `${uniqueName('rm')}:1`;
    const id = await build(`FROM ${base}\nRUN echo ${tag} > /marker\n`, tag);
    const container = await engine.docker.createContainer({ Image: tag, name: uniqueName('rm-user'), Labels: testLabels() });
    await assert.rejects(removeImage(engine, tag), (error: unknown) => {
      assert.ok(error instanceof ImageInUseError, String(error));
      assert.equal(error.reason, 'stopped-container');
      assert.equal(error.canForce, true);
      assert.ok(container.id.startsWith(error.containerId!));
      return true;
    });
    const forced = await removeImage(engine, tag, { force: true });
    assert.deepEqual(forced.untagged, [tag]);
    await assert.rejects(engine.docker.getImage(tag).inspect());
    // What the message promises: the image itself is deleted, the container still starts.
    assert.ok(forced.deleted.includes(id), `deleted: ${forced.deleted.join(', ')}`);
    await assert.rejects(engine.docker.getImage(id).inspect());
    await container.start();
    assert.equal(((await container.wait()) as { StatusCode: number }).StatusCode, 0);
    await container.remove({ force: true });
    await removeImage(engine, id).catch(() => undefined);
  });

  it('a missing image: every operation says once what it could not do, on which engine, and what to check', async () => {
    const missing = `${uniqueName('missing')}:1`;
    const attempts: Array<[string, () => Promise<unknown>]> = [
      [`Cannot tag ${missing} as`, () => tagImage(engine, missing, `${uniqueName('missing-target')}:1`)],
      [`Cannot remove image ${missing}`, () => removeImage(engine, missing)],
      [`Cannot inspect ${missing}`, () => flattenImage(engine, { image: missing, target: `${uniqueName('missing-flat')}:1` })],
      [`Cannot read the history of ${missing}`, () => engine.imageHistory(missing)],
    ];
    for (const [start, attempt] of attempts) {
      await assert.rejects(attempt(), (error: unknown) => {
        assert.ok(error instanceof Error, String(error));
        assert.ok(error.message.startsWith(start), error.message);
        assert.ok(error.message.includes(`the engine at ${engine.endpoint.label} has no image ${missing}.`), error.message);
        assert.match(error.message, /Check the name/);
        assert.equal(error.message.split(missing).length - 1, 2, `the image is named twice (the operation, the missing object), not more: ${error.message}`);
        return true;
      });
    }
  });

  it('removal of an image used by a running container says why force cannot help', async () => {
    const tag = `${uniqueName('rm-running')}:1`;
    const id = await build(`FROM ${base}\nRUN echo ${tag} > /marker\n`, tag);
    const container = await engine.docker.createContainer({ Image: tag, name: uniqueName('rm-runner'), Cmd: ['sleep', '300'], Labels: testLabels() });
    await container.start();
    try {
      await assert.rejects(removeImage(engine, id, { force: true }), (error: unknown) => {
        assert.ok(error instanceof ImageInUseError, String(error));
        assert.equal(error.reason, 'running-container');
        assert.equal(error.canForce, false);
        assert.match(error.message, /Stop and remove the container first/);
        return true;
      });
    } finally {
      await container.remove({ force: true });
    }
  });

  it('prunes dangling images, stopped containers and build cache, reporting what was reclaimed', async () => {
    const tag = `${uniqueName('prune')}:1`;
    // Classic builds: their layers belong to the image alone (BuildKit's cache would keep them).
    const first = await build(`FROM ${base}\nLABEL layerwise-prune=${RUN_ID}\nRUN head -c 2000000 /dev/urandom > /a\n`, tag, 'classic');
    // Building the same tag again leaves the first image dangling.
    await build(`FROM ${base}\nLABEL layerwise-prune=${RUN_ID}\nRUN head -c 2000000 /dev/urandom > /b\n`, tag, 'classic');
    const images = await pruneImages(engine, { filters: { label: [`layerwise-prune=${RUN_ID}`] } });
    assert.ok(images.removed.includes(first), JSON.stringify(images));
    assert.ok(images.spaceReclaimedBytes >= 2_000_000, `reclaimed ${images.spaceReclaimedBytes}`);
    await assert.rejects(engine.docker.getImage(first).inspect());
    assert.ok(await engine.docker.getImage(tag).inspect(), 'the tagged image stays');

    const stopped = await engine.docker.createContainer({ Image: tag, name: uniqueName('prune-c'), Cmd: ['sh', '-c', 'head -c 1000000 /dev/zero > /f'], Labels: testLabels({ 'layerwise-prune': RUN_ID }) });
    await stopped.start();
    await stopped.wait();
    const containers = await pruneContainers(engine, { filters: { label: [`layerwise-prune=${RUN_ID}`] } });
    assert.deepEqual(containers.removed, [stopped.id]);
    assert.ok(containers.spaceReclaimedBytes >= 1_000_000);

    // A BuildKit build leaves cache records behind once its image is gone.
    const cached = await build(`FROM ${base}\nRUN head -c 1000000 /dev/urandom > /cache-${RUN_ID}\n`);
    await removeImage(engine, cached);
    const cache = await pruneBuildCache(engine);
    assert.ok(cache.removed.length > 0, 'cache records were removed');
    assert.ok(cache.spaceReclaimedBytes >= 1_000_000, `build cache reclaimed ${cache.spaceReclaimedBytes}`);
  });

  it('flattens an image to one layer, carrying its config, with no temporary container left', async () => {
    const tag = `${uniqueName('flat-src')}:1`;
    await build(
      [
        `FROM ${base}`,
        'RUN head -c 3000000 /dev/urandom > /big && echo keep > /keep',
        'RUN rm /big',
        'ENV GREETING="hello $world" PATH=/usr/local/bin:/bin',
        'WORKDIR /srv',
        'USER nobody',
        'EXPOSE 8080/tcp 53/udp',
        'LABEL org.example.team="ops team"',
        'VOLUME ["/data"]',
        'ONBUILD RUN echo child',
        'ENTRYPOINT ["/bin/sh", "-c"]',
        'CMD ["cat /keep"]',
      ].join('\n'),
      tag,
    );
    const target = `${uniqueName('flat')}:1`;
    const before = (await engine.docker.listContainers({ all: true })).length;
    const result = await flattenImage(engine, { image: tag, target });
    assert.ok(result.before.layers >= 3);
    assert.equal(result.after.layers, 1);
    assert.ok(result.after.sizeBytes < result.before.sizeBytes, `${result.after.sizeBytes} < ${result.before.sizeBytes}`);
    const original = (await engine.docker.getImage(tag).inspect()).Config;
    const flat = (await engine.docker.getImage(target).inspect()).Config;
    for (const key of ['Cmd', 'Entrypoint', 'Env', 'ExposedPorts', 'Labels', 'OnBuild', 'User', 'Volumes', 'WorkingDir'] as const) {
      assert.deepEqual(flat[key], original[key], key);
    }
    const leftovers = (await engine.docker.listContainers({ all: true, filters: { label: ['layerwise.temporary=flatten'] } })).length;
    assert.equal(leftovers, 0);
    assert.equal((await engine.docker.listContainers({ all: true })).length, before);
  });

  it('commits a container with a message, author and checked changes', async () => {
    const container = await engine.docker.createContainer({ Image: base, name: uniqueName('commit'), Cmd: ['sh', '-c', 'echo changed > /changed'], Labels: testLabels() });
    await container.start();
    await container.wait();
    const reference = `${uniqueName('committed')}:1`;
    const { imageId } = await commitContainer(engine, {
      container: container.id,
      reference,
      message: 'saved the change',
      author: 'Layerwise Tests <tests@example.invalid>',
      changes: ['CMD ["cat", "/changed"]', 'ENV MODE=committed', 'EXPOSE 9000', 'WORKDIR /work', 'LABEL stage=commit', 'USER nobody'],
    });
    const image = await engine.docker.getImage(reference).inspect();
    assert.equal(image.Id, imageId);
    assert.equal(image.Comment, 'saved the change');
    assert.equal(image.Author, 'Layerwise Tests <tests@example.invalid>');
    assert.deepEqual(image.Config.Cmd, ['cat', '/changed']);
    assert.ok(image.Config.Env.includes('MODE=committed'));
    assert.ok('9000/tcp' in (image.Config.ExposedPorts ?? {}));
    assert.equal(image.Config.WorkingDir, '/work');
    assert.equal(image.Config.User, 'nobody');
    assert.equal(image.Config.Labels?.stage, 'commit');
    await container.remove({ force: true });
  });

  for (const [change, reason] of [
    ['RUN make', /cannot be applied/],
    ['FROBNICATE x', /not a Dockerfile instruction/],
    ['EXPOSE http', /not a port/],
    ['ENV', /needs arguments/],
  ] as const) {
    it(`refuses the change "${change}" before contacting the engine`, async () => {
      await assert.rejects(commitContainer(engine, { container: 'does-not-matter', changes: [change] }), (error: unknown) => error instanceof InvalidChangeError && reason.test(error.message));
    });
  }

  it('tags then removes several references', async () => {
    const tag = `${uniqueName('multi')}:1`;
    await build(`FROM ${base}\nRUN echo ${tag} > /m\n`, tag);
    const second = `${uniqueName('multi')}:2`;
    await tagImage(engine, tag, second);
    for (const reference of [tag, second]) await removeImage(engine, reference);
    await assert.rejects(engine.docker.getImage(second).inspect());
  });
});
