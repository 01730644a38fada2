// Completion over LSP, in-process and through the bundle over stdio: context-aware items,
// images from the client's layerwise/localImages answer, and no images (but no failure) from
// a client that does not serve it.
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CompletionRequest, CompletionResolveRequest, type CompletionItem, type CompletionList } from 'vscode-languageserver-protocol/node';
import { ClientMethods, ServerMethods, type LocalImagesResult } from '../../server/src/protocol';
import { TestClient } from './support/testClient';

function labels(result: CompletionItem[] | CompletionList | null): string[] {
  return (Array.isArray(result) ? result : (result?.items ?? [])).map((item) => item.label);
}

function endOf(text: string): { line: number; character: number } {
  const lines = text.split(/\r?\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

async function completeAt(client: TestClient, uri: string, text: string): Promise<string[]> {
  return labels(await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: endOf(text) }));
}

describe('protocol: completion', () => {
  let client: TestClient;
  afterEach(async () => client?.stop());

  it('announces trigger characters and answers by context', async () => {
    client = await TestClient.start();
    const provider = client.initializeResult.capabilities.completionProvider;
    assert.ok(provider?.triggerCharacters?.includes('=') && provider.triggerCharacters.includes('$'), 'trigger characters');
    const uri = 'file:///project/Dockerfile';
    const text = 'FROM alpine AS build\nRUN --mount=type=';
    await client.open(uri, text);
    assert.deepEqual((await completeAt(client, uri, text)).sort(), ['bind', 'cache', 'secret', 'ssh', 'tmpfs']);
  });

  it('sends reference documentation on completionItem/resolve', async () => {
    client = await TestClient.start();
    assert.equal(client.initializeResult.capabilities.completionProvider?.resolveProvider, true);
    const uri = 'file:///project/Dockerfile';
    const text = 'FROM alpine\n';
    await client.open(uri, text);
    const list = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: endOf(text) });
    const run = (Array.isArray(list) ? list : (list?.items ?? [])).find((item) => item.label === 'RUN');
    assert.ok(run && !run.documentation, 'documentation left for resolve');
    const resolved = await client.connection.sendRequest(CompletionResolveRequest.type, run);
    const value = typeof resolved.documentation === 'object' ? resolved.documentation.value : '';
    assert.match(value, /\*\*RUN\*\*/);
    assert.match(value, /https:\/\/docs\.docker\.com\/reference\/dockerfile\/#run/);
  });

  it('follows edits (one parse per version)', async () => {
    client = await TestClient.start();
    const uri = 'file:///project/Dockerfile';
    await client.open(uri, 'FROM alpine\n');
    const edited = 'FROM alpine\nHEALTHCHECK --start-period=';
    await client.change(uri, [{ text: edited }]);
    const items = await completeAt(client, uri, edited);
    assert.equal(items[0], '0s');
  });

  it('offers the images the client reports after FROM and --from', async () => {
    client = await TestClient.start();
    let asked = 0;
    client.connection.onRequest(ClientMethods.localImages, (): LocalImagesResult => {
      asked++;
      return { available: true, images: [{ id: 'sha256:1', repoTags: ['layerwise-test/busybox:latest'], repoDigests: [], created: 1_700_000_000, sizeBytes: 1_000_000 }] };
    });
    const uri = 'file:///project/images.Dockerfile';
    const text = 'FROM ';
    await client.open(uri, text);
    assert.ok((await completeAt(client, uri, text)).includes('layerwise-test/busybox:latest'));
    const copy = 'FROM alpine AS build\nFROM alpine\nCOPY --from=';
    await client.change(uri, [{ text: copy }]);
    assert.deepEqual(await completeAt(client, uri, copy), ['build', 'layerwise-test/busybox:latest']);
    assert.ok(asked >= 1);
  });

  it('gives no answer when the file changed while the first image list was on its way', async () => {
    client = await TestClient.start();
    let answer: ((result: LocalImagesResult) => void) | undefined;
    const asked = new Promise<void>((resolve) => {
      client.connection.onRequest(ClientMethods.localImages, () => {
        resolve();
        return new Promise<LocalImagesResult>((respond) => (answer = respond));
      });
    });
    const uri = 'file:///project/late.Dockerfile';
    await client.open(uri, 'FROM ');
    const pending = client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 0, character: 5 } });
    await asked;
    await client.change(uri, [{ text: 'FROM alpine\nFROM ' }]);
    answer?.({ available: true, images: [{ id: 'sha256:1', repoTags: ['layerwise-test/busybox:latest'], repoDigests: [], created: 1_700_000_000, sizeBytes: 1_000_000 }] });
    assert.equal(await pending, null);
    // Asked again on the new version, it answers with the list that arrived.
    assert.ok((await completeAt(client, uri, 'FROM alpine\nFROM ')).includes('layerwise-test/busybox:latest'));
  });

  it('asks again when the client says the images changed', async () => {
    client = await TestClient.start();
    let tags = ['one:1'];
    client.connection.onRequest(ClientMethods.localImages, (): LocalImagesResult => ({ available: true, images: [{ id: 'sha256:1', repoTags: tags, repoDigests: [], created: 1, sizeBytes: 1 }] }));
    const uri = 'file:///project/Dockerfile';
    await client.open(uri, 'FROM ');
    assert.ok((await completeAt(client, uri, 'FROM ')).includes('one:1'));
    tags = ['two:2'];
    await client.connection.sendNotification(ServerMethods.localImagesChanged);
    const deadline = Date.now() + 5_000;
    let items: string[] = [];
    while (Date.now() < deadline && !(items = await completeAt(client, uri, 'FROM ')).includes('two:2')) await new Promise((resolve) => setImmediate(resolve));
    assert.ok(items.includes('two:2'), `refreshed images; got ${items.join(', ')}`);
  });

  it('works without an engine or a client that knows layerwise/localImages', async () => {
    client = await TestClient.start();
    const uri = 'file:///project/Dockerfile';
    await client.open(uri, 'FROM ');
    const started = Date.now();
    assert.deepEqual((await completeAt(client, uri, 'FROM ')).sort(), ['--platform=', 'scratch']);
    assert.ok(Date.now() - started < 1_000, 'answers without waiting on the engine');
  });

  it('the bundled server completes over stdio', async function () {
    if (!existsSync(join(__dirname, '../../dist/server.js'))) throw new Error('dist/server.js is missing: run `npm run build` before the protocol tier');
    client = await TestClient.start({ transport: 'stdio' });
    const uri = 'file:///project/Dockerfile';
    const text = 'FROM alpine\nCOPY --';
    await client.open(uri, text);
    assert.deepEqual((await completeAt(client, uri, text)).sort(), ['--chmod=', '--chown=', '--exclude=', '--from=', '--link', '--parents']);
  });
});
