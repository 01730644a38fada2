// Journey 9, another engine: point Layerwise at the TLS engine (tcp://127.0.0.1:2376 with client
// certificates) and at Podman's socket: the Images view lists that engine's images (a tag only it
// has); a wrong CA gives a message that names the endpoint, why it failed and what to change.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LayerwiseApi } from '../../../../client/src/extension';
import { UserRecorder, docker, engineTierState, imageInTree, layerwise, runId, waitFor } from './support';

describe('journey 9: another engine', function () {
  this.timeout(180_000);
  const state = engineTierState();
  const tlsOnly = `layerwise-test-journey-tls-${runId}:1`;
  const podmanOnly = `localhost/layerwise-test-journey-podman-${runId}:1`;
  let api: LayerwiseApi;
  let user: UserRecorder;
  const engineSettings = () => vscode.workspace.getConfiguration('layerwise.engine');

  before(async () => {
    api = await layerwise();
    user = new UserRecorder();
    // A tag each engine alone has, so the view shows which engine it lists.
    await docker(['tag', state.baseImage, tlsOnly], { host: state.tls.unixHost });
    await docker(['tag', state.podman.baseImage, podmanOnly], { host: state.podman.host });
    await vscode.commands.executeCommand('layerwise.images.focus');
  });

  after(async () => {
    user.dispose();
    for (const key of ['host', 'certPath', 'tlsVerify']) await engineSettings().update(key, undefined, vscode.ConfigurationTarget.Global);
    await waitFor('the default engine again', () => api.explorer.session.state.status === 'connected' && !/2376|podman/.test(JSON.stringify(api.explorer.session.state)), 30_000).catch(() => undefined);
    await docker(['rmi', tlsOnly], { host: state.tls.unixHost }).catch(() => undefined);
    await docker(['rmi', podmanOnly], { host: state.podman.host }).catch(() => undefined);
  });

  async function listsOnly(reference: string, absent: string[]): Promise<void> {
    await waitFor(`${reference} in the Images view`, async () => {
      await api.explorer.refresh({ images: true, containers: false });
      return imageInTree(api, reference);
    });
    for (const other of absent) assert.equal(await imageInTree(api, other), undefined, `${other} is not on this engine`);
  }

  it('the TLS engine over TCP: its images; a wrong CA: the endpoint, why, and what to change', async () => {
    await engineSettings().update('certPath', state.tls.certPath, vscode.ConfigurationTarget.Global);
    await engineSettings().update('host', state.tls.host, vscode.ConfigurationTarget.Global);
    await listsOnly(tlsOnly, [podmanOnly]);
    assert.equal(api.explorer.viewMessages().images, undefined);

    await engineSettings().update('certPath', state.tls.wrongCaCertPath, vscode.ConfigurationTarget.Global);
    const message = await waitFor('the reason above the Images view', async () => {
      await api.explorer.refresh({ images: true, containers: false });
      return api.explorer.viewMessages().images;
    });
    assert.equal(message, "Cannot reach the engine at tcp://127.0.0.1:2376: the engine's certificate is not signed by the configured CA (ca.pem). Put the ca.pem that signed it in DOCKER_CERT_PATH, layerwise.engine.certPath or the context's TLS material.");
    assert.deepEqual(await api.explorer.imagesChildren(), []);

    // The right CA but a client certificate and key the engine does not trust (self-signed).
    const wrongKey = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-journey-wrong-key-'));
    fs.copyFileSync(path.join(state.tls.certPath, 'ca.pem'), path.join(wrongKey, 'ca.pem'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=layerwise-untrusted-client', '-keyout', path.join(wrongKey, 'key.pem'), '-out', path.join(wrongKey, 'cert.pem')], { stdio: 'ignore' });
    await engineSettings().update('certPath', wrongKey, vscode.ConfigurationTarget.Global);
    const rejected = await waitFor('the rejected client certificate above the Images view', async () => {
      await api.explorer.refresh({ images: true, containers: false });
      const text = api.explorer.viewMessages().images;
      return text && text !== message ? text : undefined;
    });
    assert.equal(rejected, "Cannot reach the engine at tcp://127.0.0.1:2376: the engine rejected the client certificate. Use a cert.pem/key.pem signed by the CA the engine trusts (--tlscacert), in DOCKER_CERT_PATH, layerwise.engine.certPath or the context's TLS material.");
    fs.rmSync(wrongKey, { recursive: true, force: true });
  });

  it("Podman's socket: its images", async () => {
    await engineSettings().update('certPath', undefined, vscode.ConfigurationTarget.Global);
    await engineSettings().update('host', state.podman.host, vscode.ConfigurationTarget.Global);
    await listsOnly(podmanOnly, [tlsOnly]);
    assert.deepEqual(user.unanswered(), []);
  });
});
