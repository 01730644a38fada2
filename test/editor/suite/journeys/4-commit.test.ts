// Journey 4, commit: run an image interactively (a terminal opens in the container), change a file
// from that terminal, commit the container from the Containers view with a message and
// `--change 'CMD [...]'`: the new image is in the Images view with one more layer and the new CMD.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { LayerwiseApi } from '../../../../client/src/extension';
import { tooltipText } from '../../../../client/src/explorer/shape/nodes';
import { UserRecorder, containersInTree, docker, engineTierState, inspectImage, layersInTree, layerwise, runId, waitFor, waitForImageInTree } from './support';

describe('journey 4: commit', function () {
  this.timeout(180_000);
  const base = engineTierState().baseImage;
  const name = `layerwise-test-journey-commit-${runId}`;
  const reference = `layerwise-test-journey-committed-${runId}:1`;
  let api: LayerwiseApi;
  let user: UserRecorder;
  let terminal: vscode.Terminal | undefined;

  before(async () => {
    api = await layerwise();
    user = new UserRecorder();
  });

  after(async () => {
    user.dispose();
    terminal?.dispose();
    await docker(['rm', '-f', name]).catch(() => undefined);
    await docker(['rmi', '-f', reference]).catch(() => undefined);
  });

  it('a terminal in the container, a changed file, a commit with a message and a new CMD', async () => {
    await vscode.commands.executeCommand('layerwise.image.run', base, { name, interactive: true, command: ['sh'] });
    terminal = await waitFor('the container terminal', () => vscode.window.terminals.find((candidate) => candidate.name === `${name} (${base})`));
    // What the user types into the terminal reaches the container's shell.
    terminal.sendText('echo changed-in-the-editor > /journey.txt');
    await waitFor('the file changed in the container', async () => (await docker(['diff', name])).split('\n').includes('A /journey.txt'));

    // Commit from the Containers view (the container's context menu passes its node).
    await vscode.commands.executeCommand('layerwise.containers.focus');
    const node = await waitFor('the running container in the Containers view', async () => {
      await api.explorer.refresh({ images: false, containers: true });
      return (await containersInTree(api)).find((candidate) => candidate.label === name && candidate.container.state === 'running');
    });
    const mark = user.mark;
    await vscode.commands.executeCommand('layerwise.container.commit', node, { reference, message: 'Add journey.txt', changes: ['CMD ["cat", "/journey.txt"]'] });
    await user.waitForMessage(new RegExp(`^Committed ${name} as ${reference.replace(/[.:]/g, '\\$&')}\\.$`), mark);

    // The new image: one layer more than its base, the commit's message on it, the new CMD.
    await vscode.commands.executeCommand('layerwise.images.focus');
    const image = await waitForImageInTree(api, reference);
    const baseImage = await waitForImageInTree(api, base);
    const layers = await layersInTree(api, image);
    assert.equal(layers.length, (await layersInTree(api, baseImage)).length + 1);
    const added = layers.at(-1)!;
    assert.ok(!added.empty && added.entry.sizeBytes > 0, `the committed layer holds the file (${added.entry.sizeBytes} bytes)`);
    assert.equal(added.entry.comment, 'Add journey.txt');
    // Like `docker history`: the container's command made the layer, the message is its comment.
    assert.equal(api.explorer.imagesTreeItem(added).label, 'sh');
    assert.match(String(api.explorer.imagesTreeItem(added).description), /^\d+ B · /);
    assert.match(tooltipText(added) ?? '', /Comment: Add journey\.txt/);
    assert.deepEqual((await inspectImage(reference))?.Config.Cmd, ['cat', '/journey.txt']);
    assert.equal(await docker(['run', '--rm', reference]), 'changed-in-the-editor');
    assert.deepEqual(user.unanswered(), []);
  });
});
