// The explorer in the real editor, against the real engine the engine tier started: the Images
// view lists the base image, expands it to its layers, a failing HEALTHCHECK shows as
// unhealthy, and an unreachable engine says why instead of showing an empty tree.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { LayerwiseApi } from '../../../client/src/extension';
import type { ContainerNode, ContainersViewNode, ImagesViewNode } from '../../../client/src/explorer';
import { docker, layerwise, waitFor } from './helpers';

const BASE_REPOSITORY = 'layerwise-test/busybox';

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

async function allContainers(api: LayerwiseApi): Promise<ContainerNode[]> {
  const roots: ContainersViewNode[] = await api.explorer.containersChildren();
  const nested = await Promise.all(roots.map((node) => (node.kind === 'containerGroup' ? api.explorer.containersChildren(node) : [node])));
  return nested.flat().filter((node): node is ContainerNode => node.kind === 'container');
}

describe('explorer', () => {
  let api: LayerwiseApi;
  const created: string[] = [];

  before(async () => {
    api = await layerwise();
    // Open the Layerwise views as a user would: they start watching the engine when visible.
    await vscode.commands.executeCommand('layerwise.images.focus');
  });

  after(async () => {
    for (const id of created) await docker('rm', '-f', id).catch(() => undefined);
  });

  it('the Images view lists the image the engine tier imported, under its repository', async () => {
    const repository = await waitFor('the base image repository in the Images view', async () => {
      const roots: ImagesViewNode[] = await api.explorer.imagesChildren();
      return roots.find((node) => node.kind === 'repository' && node.label === BASE_REPOSITORY);
    });
    const item = api.explorer.imagesTreeItem(repository);
    assert.equal(item.contextValue, 'image.repository');
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const tags = await api.explorer.imagesChildren(repository);
    const latest = tags.find((node) => node.label === 'latest');
    assert.ok(latest, `tags shown: ${tags.map((node) => node.label).join(', ')}`);
    const latestItem = api.explorer.imagesTreeItem(latest);
    assert.equal(latestItem.contextValue, 'image.tag');
    assert.match(String(latestItem.description), /ago · [\d.]+ MB/);
  });

  it('expanding the image shows its layers with instruction, size and age', async () => {
    const roots = await api.explorer.imagesChildren();
    const repository = roots.find((node) => node.kind === 'repository' && node.label === BASE_REPOSITORY)!;
    const latest = (await api.explorer.imagesChildren(repository)).find((node) => node.label === 'latest')!;
    const layers = await api.explorer.imagesChildren(latest);
    assert.ok(layers.length >= 1, 'at least one layer');
    const base = api.explorer.imagesTreeItem(layers[0]!);
    assert.equal(label(base), 'Imported from -');
    assert.equal(base.contextValue, 'layer');
    assert.match(String(base.description), /MB · .*ago/);
  });

  it('a container whose HEALTHCHECK fails shows as unhealthy, with the probe output in its tooltip', async () => {
    const name = `layerwise-test-editor-unhealthy-${process.pid}-${Date.now().toString(36)}`;
    const id = await docker(
      'run', '-d', '--name', name, '--label', 'layerwise-test=editor',
      '--health-cmd', 'echo editor probe failed; exit 2', '--health-interval', '1s', '--health-retries', '1',
      'layerwise-test/busybox:latest', 'sleep', '300',
    );
    created.push(id);
    await vscode.commands.executeCommand('layerwise.containers.focus');
    // Only the event stream refreshes the view here: no refresh command is run.
    const node = await waitFor('the container to show as unhealthy', async () => (await allContainers(api)).find((candidate) => candidate.label === name && candidate.container.health === 'unhealthy'), 60_000);
    const item = await api.explorer.containersTreeItem(node);
    assert.match(String(item.description), /\(unhealthy\)/);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'warning');
    assert.equal(item.contextValue, 'container.running');
    const tooltip = (item.tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /failing streak [1-9]/);
    assert.match(tooltip, /exit code 2/);
    assert.match(tooltip, /editor probe failed/);
  });

  it('an unreachable engine: the views are empty and say why, then recover', async () => {
    const config = vscode.workspace.getConfiguration('layerwise.engine');
    await config.update('host', 'unix:///tmp/layerwise-editor-no-engine.sock', vscode.ConfigurationTarget.Global);
    try {
      await waitFor('the engine error', () => api.explorer.session.state.status === 'error');
      await api.explorer.refresh();
      assert.deepEqual(await api.explorer.imagesChildren(), []);
      const message = await waitFor('the reason above the welcome view', () => api.explorer.viewMessages().images);
      assert.match(message, /unix:\/\/\/tmp\/layerwise-editor-no-engine\.sock/);
      assert.match(message, /does not exist/);
    } finally {
      await config.update('host', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('the engine to be reachable again', () => api.explorer.session.state.status === 'connected');
    await api.explorer.refresh();
    assert.ok((await api.explorer.imagesChildren()).length > 0);
    assert.equal(api.explorer.viewMessages().images, undefined);
  });
});
