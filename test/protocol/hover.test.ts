// Hover over LSP: documentation of instructions and flags, variables with their values, and the
// engine's facts about a FROM image fetched through layerwise/imageDetails.
import { strict as assert } from 'node:assert';
import { HoverRequest, type Hover } from 'vscode-languageserver-protocol/node';
import { ClientMethods, type ImageDetailsParams, type ImageDetailsResult, type LocalImagesResult } from '../../server/src/protocol';
import { TestClient } from './support/testClient';

function text(hover: Hover | null): string {
  const contents = hover?.contents;
  return contents && typeof contents === 'object' && 'value' in contents ? contents.value : '';
}

describe('protocol: hover', () => {
  let client: TestClient;
  afterEach(async () => client?.stop());

  it('documents instructions, flags and variables', async () => {
    client = await TestClient.start();
    const uri = 'file:///project/Dockerfile';
    await client.open(uri, 'FROM alpine\nENV APP=/app\nHEALTHCHECK --interval=10s CMD test -d $APP\n');
    const keyword = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 3 } });
    assert.match(text(keyword), /\*\*HEALTHCHECK\*\*/);
    assert.deepEqual(keyword?.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 11 } });
    const value = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 24 } });
    assert.match(text(value), /10 seconds/);
    assert.match(text(value), /Default: `30s`/);
    const variable = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 42 } });
    assert.match(text(variable), /\$APP\*\* \(ENV\) = `\/app`/);
  });

  it('says a base image is not on the engine only when the engine answered', async () => {
    for (const available of [false, true]) {
      client = await TestClient.start();
      let asked = 0;
      client.connection.onRequest(ClientMethods.localImages, (): LocalImagesResult => {
        asked++;
        return available ? { available, images: [] } : { available, reason: 'connect ENOENT /var/run/docker.sock', images: [] };
      });
      client.connection.onRequest(ClientMethods.imageDetails, (): ImageDetailsResult => null);
      const uri = 'file:///project/Dockerfile';
      await client.open(uri, 'FROM nginx\n');
      const at = { textDocument: { uri }, position: { line: 0, character: 7 } };
      // The list is fetched in the background; the request after the client answered sees it.
      for (let tries = 0; tries < 200 && asked === 0; tries++) await client.connection.sendRequest(HoverRequest.type, at);
      const hover = text(await client.connection.sendRequest(HoverRequest.type, at));
      assert.match(hover, /\*\*nginx\*\*/);
      if (available) assert.match(hover, /Not on your engine: the build pulls it, or pull it now from the light bulb\./);
      else assert.doesNotMatch(hover, /engine/);
      // The last client is stopped by afterEach.
      if (!available) await client.stop();
    }
  });

  it('shows the engine facts of a FROM image the client inspects', async () => {
    client = await TestClient.start();
    const asked: string[] = [];
    client.connection.onRequest(ClientMethods.imageDetails, (params: ImageDetailsParams): ImageDetailsResult => {
      asked.push(params.reference);
      return { id: 'sha256:abcdef0123456789', created: 1_700_000_000, sizeBytes: 4_400_000, layers: 3, digest: 'sha256:99', platform: 'linux/amd64' };
    });
    const uri = 'file:///project/Dockerfile';
    await client.open(uri, 'ARG V=1.36\nFROM busybox:${V}\n');
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 7 } });
    assert.deepEqual(asked, ['busybox:1.36']);
    assert.match(text(hover), /Layers: 3/);
    assert.match(text(hover), /4\.4 MB/);
  });

  it('gives no answer when the file changed while the engine facts were fetched', async () => {
    client = await TestClient.start();
    const uri = 'file:///project/Dockerfile';
    await client.open(uri, 'FROM busybox:1.36\nRUN echo one\n');
    const details: ImageDetailsResult = { id: 'sha256:abcdef0123456789', created: 1_700_000_000, sizeBytes: 4_400_000, layers: 3, digest: 'sha256:99', platform: 'linux/amd64' };
    // The first request is answered after the edit below; any later one at once.
    let answer: ((details: ImageDetailsResult) => void) | undefined;
    const asked = new Promise<void>((resolve) => {
      client.connection.onRequest(ClientMethods.imageDetails, () => {
        if (answer) return details;
        resolve();
        return new Promise<ImageDetailsResult>((respond) => (answer = respond));
      });
    });
    const hover = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 7 } });
    await asked;
    await client.change(uri, [{ text: 'FROM busybox:1.36\nRUN echo two\n' }]);
    answer?.(details);
    assert.equal(await hover, null);
    // The next hover, on the new version, answers with the facts (this client serves image
    // details but not the image list: one unsupported request must not turn off the other).
    const again = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 7 } });
    assert.match(text(again), /Layers: 3/);
  });

  it('answers without the engine facts when the client does not serve them', async () => {
    client = await TestClient.start();
    const uri = 'file:///project/Dockerfile';
    await client.open(uri, 'FROM busybox:1.36\n');
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 7 } });
    assert.match(text(hover), /\*\*busybox:1\.36\*\*/);
    assert.doesNotMatch(text(hover), /Layers:/);
  });
});
