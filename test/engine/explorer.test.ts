// The explorer's model against the real engine: it lists, follows the event stream (debounced),
// stops watching while hidden, shows layers and health, and follows an engine switch.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { EngineSession, type ResolveOptions } from '../../client/src/engine';
import { ExplorerModel } from '../../client/src/explorer/explorerModel';
import { shapeContainers, DEFAULT_CONTAINER_VIEW_OPTIONS } from '../../client/src/explorer/shape/containers';
import { shapeLayers } from '../../client/src/explorer/shape/layers';
import type { ContainerGroupNode, ContainerNode } from '../../client/src/explorer/shape/nodes';
import { docker, testLabels, testState, uniqueName, useCleanup, waitFor } from './support';

function newModel(resolve: () => ResolveOptions = () => ({ hostSetting: testState().main.host })) {
  const session = new EngineSession({ resolveOptions: resolve, timeoutMs: () => 30_000 });
  const model = new ExplorerModel(session, { debounceMs: 200, safetyPollMs: 60_000, initialBackoffMs: 100 });
  return { session, model };
}

describe('explorer model on the real engine', () => {
  const cleanup = useCleanup();

  function track(parts: { session: EngineSession; model: ExplorerModel }) {
    cleanup.add(() => {
      parts.model.dispose();
      parts.session.dispose();
    });
    return parts;
  }

  it('watches events and polls only while a view is visible', async () => {
    const { model } = track(newModel());
    assert.equal(model.isWatching, false);
    assert.equal(model.isPolling, false);
    model.setVisible('images', true);
    await waitFor('the image list', () => model.images.items);
    await waitFor('the event stream', () => model.isWatching);
    assert.equal(model.isPolling, true);
    model.setVisible('images', false);
    assert.equal(model.isWatching, false, 'hidden views: no event stream');
    assert.equal(model.isPolling, false, 'hidden views: no safety poll');
  });

  it('a new tag appears through the event stream alone; a burst of tags costs one or two listings', async () => {
    const { model } = track(newModel());
    let listings = 0;
    model.onDidChange((scope) => (listings += scope.images ? 1 : 0));
    model.setVisible('images', true);
    await waitFor('the event stream', () => model.isWatching && model.images.items);
    await model.whenIdle();
    listings = 0;
    const repository = uniqueName('burst');
    const tags = [1, 2, 3, 4, 5].map((n) => `${repository}:v${n}`);
    await Promise.all(tags.map((tag) => docker(['tag', testState().baseImage, tag]).then(() => cleanup.image(tag))));
    await waitFor('all five tags in the model', () => tags.every((tag) => model.images.items?.some((image) => image.repoTags.includes(tag))));
    assert.ok(listings <= 3, `five tag events caused ${listings} listings`);
  });

  it('a container whose HEALTHCHECK fails turns unhealthy, with the failing streak and the probe output on inspect', async () => {
    const { model } = track(newModel());
    model.setVisible('containers', true);
    await waitFor('the event stream', () => model.isWatching);
    const name = uniqueName('unhealthy');
    const id = await docker([
      'run', '-d', '--name', name, '--label', `layerwise-test=${testLabels()['layerwise-test']}`,
      '--health-cmd', 'echo probe says no; exit 3', '--health-interval', '1s', '--health-retries', '1', '--health-timeout', '2s',
      testState().baseImage, 'sleep', '300',
    ]);
    cleanup.container(id);
    const container = await waitFor('the container to be listed unhealthy', () => model.containers.items?.find((candidate) => candidate.name === name && candidate.health === 'unhealthy'), 30_000);
    const node = shapeContainers([container], { ...DEFAULT_CONTAINER_VIEW_OPTIONS, groupBy: 'none' }, Date.now() / 1000)[0] as ContainerNode;
    assert.equal(node.icon?.id, 'warning');
    assert.match(node.description ?? '', /\(unhealthy\)/);
    const details = await model.containerDetails(id);
    assert.ok((details.health?.failingStreak ?? 0) >= 1);
    const last = details.health!.log.at(-1)!;
    assert.equal(last.exitCode, 3);
    assert.equal(last.output.trim(), 'probe says no');
  });

  it('layers of a built image: build order, instructions, sizes, empty layers', async () => {
    const { model } = track(newModel());
    const tag = `${uniqueName('layers')}:1`;
    await docker(['build', '-q', '--label', `layerwise-test=${testLabels()['layerwise-test']}`, '-t', tag, '-'], {
      input: [`FROM ${testState().baseImage}`, 'RUN dd if=/dev/zero of=/big bs=1024 count=512', 'ENV GREETING=hello', 'RUN rm -f /big', 'CMD ["sh"]', ''].join('\n'),
    });
    cleanup.image(tag);
    const history = await model.history(tag);
    const layers = shapeLayers(history, tag, tag, Date.now() / 1000);
    const instructions = layers.map((layer) => layer.instruction);
    // `docker build --label` adds a last LABEL entry.
    assert.deepEqual(instructions.slice(-5), ['RUN dd if=/dev/zero of=/big bs=1024 count=512', 'ENV GREETING=hello', 'RUN rm -f /big', 'CMD ["sh"]', `LABEL layerwise-test=${testLabels()['layerwise-test']}`]);
    const dd = layers.at(-5)!;
    assert.ok(dd.entry.sizeBytes >= 512 * 1024, `the dd layer weighs ${dd.entry.sizeBytes} bytes`);
    assert.equal(dd.empty, false);
    assert.deepEqual(layers.slice(-4).map((layer) => layer.empty), [true, true, true, true], 'ENV, rm (nothing left to write), CMD and LABEL change no bytes');
    assert.equal(layers[0]!.label, 'Imported from -', 'the base layer of the imported busybox image');
  });

  it('containers of a compose project are grouped under it', async () => {
    const { model } = track(newModel());
    const project = uniqueName('proj');
    for (const service of ['web', 'db']) {
      const id = await docker(['create', '--name', `${project}-${service}-1`, '--label', `layerwise-test=${testLabels()['layerwise-test']}`, '--label', `com.docker.compose.project=${project}`, '--label', `com.docker.compose.service=${service}`, testState().baseImage, 'true']);
      cleanup.container(id);
    }
    await model.refresh({ images: false, containers: true });
    const group = shapeContainers(model.containers.items ?? [], DEFAULT_CONTAINER_VIEW_OPTIONS, Date.now() / 1000).find((node) => node.label === project) as ContainerGroupNode | undefined;
    assert.ok(group, 'a group for the project');
    assert.deepEqual(group.children.map((child) => child.container.composeService).sort(), ['db', 'web']);
    assert.equal(group.description, '0/2 running');
  });

  it('Podman: images listed, a tag made with the podman CLI arrives through its event stream, layers readable', async () => {
    const { model } = track(newModel(() => ({ hostSetting: testState().podman.host })));
    model.setVisible('images', true);
    await waitFor('the event stream on Podman', () => model.isWatching && model.images.items);
    const base = model.images.items!.find((image) => image.repoTags.includes(testState().podman.baseImage));
    assert.ok(base, 'Podman lists its base image');
    const storage = path.join(testState().stateDir, 'podman');
    const podman = (...args: string[]) =>
      new Promise<void>((resolve, reject) => execFile('podman', ['--root', path.join(storage, 'root'), '--runroot', path.join(storage, 'run'), ...args], (error, _out, stderr) => (error ? reject(new Error(stderr)) : resolve())));
    const tag = `localhost/${uniqueName('podman')}:1`;
    await podman('tag', testState().podman.baseImage, tag);
    cleanup.add(() => podman('rmi', tag));
    await waitFor('the Podman tag in the model', () => model.images.items?.some((image) => image.repoTags.includes(tag)));
    const layers = shapeLayers(await model.history(base.id), base.id, testState().podman.baseImage, Date.now() / 1000);
    assert.match(layers[0]!.instruction, /^ADD file:/);
  });

  it('switching engines re-lists from the new one', async () => {
    let host = testState().tls.unixHost;
    const { session, model } = track(newModel(() => ({ hostSetting: host })));
    model.setVisible('images', true);
    await waitFor('the TLS engine\'s images', () => model.images.items);
    const tlsImages = model.images.items!.length;
    const marker = `${uniqueName('switch')}:1`;
    await docker(['tag', testState().baseImage, marker]);
    cleanup.image(marker);
    assert.ok(!model.images.items!.some((image) => image.repoTags.includes(marker)), 'the TLS engine does not have the main engine\'s tag');
    host = testState().main.host;
    await session.reconnect();
    await waitFor('the main engine\'s images', () => model.images.items?.some((image) => image.repoTags.includes(marker)));
    assert.ok(model.images.items!.length >= tlsImages);
  });
});
