// "Choose Engine…" (the status bar's command) switches the engine, and the views follow: to the
// engine tier's Podman, whose images are named localhost/…, and back to the automatic choice.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { LayerwiseApi } from '../../../client/src/extension';
import { engineTierState, imageNodes, layerwise, waitFor } from './helpers';

describe('Choose Engine', () => {
  const state = engineTierState();
  let api: LayerwiseApi;

  before(async () => {
    api = await layerwise();
    await vscode.commands.executeCommand('layerwise.images.focus');
  });

  after(async () => {
    const config = vscode.workspace.getConfiguration('layerwise.engine');
    await config.update('host', undefined, vscode.ConfigurationTarget.Global);
    await config.update('context', undefined, vscode.ConfigurationTarget.Global);
  });

  async function shownRefs(): Promise<string[]> {
    return (await imageNodes(api)).map((node) => node.ref);
  }

  it('switches to another engine through the command; the settings, the session and the Images view follow, and back', async () => {
    await vscode.commands.executeCommand('layerwise.engine.choose', { host: state.podman.host });
    assert.equal(vscode.workspace.getConfiguration('layerwise.engine').get('host'), state.podman.host);
    const podman = await waitFor('the session on Podman', () => {
      const current = api.explorer.session.state;
      return current.status === 'connected' && current.endpoint.host === state.podman.host ? current : undefined;
    });
    assert.equal(podman.info.product, 'podman');
    const onPodman = await waitFor('Podman\'s images in the Images view', async () => {
      const refs = await shownRefs();
      return refs.includes(state.podman.baseImage) ? refs : undefined;
    });
    assert.ok(!onPodman.includes(state.baseImage), `Docker's ${state.baseImage} is not listed on Podman: ${onPodman.join(', ')}`);

    await vscode.commands.executeCommand('layerwise.engine.choose', {});
    assert.equal(vscode.workspace.getConfiguration('layerwise.engine').inspect('host')?.globalValue, undefined);
    await waitFor('the session back on the automatic engine', () => {
      const current = api.explorer.session.state;
      return current.status === 'connected' && current.info.product === 'docker' ? current : undefined;
    });
    const onDocker = await waitFor('Docker\'s images in the Images view again', async () => {
      const refs = await shownRefs();
      return refs.includes(state.baseImage) ? refs : undefined;
    });
    assert.ok(!onDocker.includes(state.podman.baseImage));
  });

  it('a host that is not an engine address is refused with the reason, and nothing is written', async () => {
    await vscode.commands.executeCommand('layerwise.engine.choose', { host: 'ftp://box' });
    assert.equal(vscode.workspace.getConfiguration('layerwise.engine').inspect('host')?.globalValue, undefined);
    assert.equal(api.explorer.session.state.status, 'connected');
  });
});
