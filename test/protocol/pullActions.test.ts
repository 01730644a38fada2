// "Pull <image>" over LSP: offered on a FROM whose base the client's engine lacks, running the
// client's Pull Image command (for the platform FROM names); gone once the engine has it; never
// without a reachable engine.
import { strict as assert } from 'node:assert';
import { CodeActionRequest, type CodeAction, type Command } from 'vscode-languageserver-protocol/node';
import { ClientMethods, ServerMethods, type LocalImagesResult } from '../../server/src/protocol';
import { TestClient } from './support/testClient';

async function actionsOnLine(client: TestClient, uri: string, line: number): Promise<Array<CodeAction | Command>> {
  const range = { start: { line, character: 2 }, end: { line, character: 2 } };
  return (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [] } })) ?? [];
}

const pulls = (actions: Array<CodeAction | Command>) =>
  actions.filter((action): action is CodeAction => 'command' in action && typeof action.command === 'object' && action.command?.command === 'layerwise.image.pull').map((action) => [action.title, action.command?.arguments]);

/** The pull actions on a line once the server has the engine's list (it arrives in the background). */
async function firstOffer(client: TestClient, uri: string, line: number): Promise<unknown[]> {
  let offered: unknown[] = [];
  for (let tries = 0; tries < 200 && offered.length === 0; tries++) {
    offered = pulls(await actionsOnLine(client, uri, line));
    if (offered.length === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return offered;
}

describe('protocol: pull actions', () => {
  let client: TestClient;
  afterEach(async () => client?.stop());

  it('offers to pull a base image the engine lacks, and stops once the engine has it', async () => {
    client = await TestClient.start();
    let answer: LocalImagesResult = { available: true, images: [{ id: 'sha256:1', repoTags: ['alpine:3.20'], repoDigests: [], created: 1, sizeBytes: 1 }] };
    client.connection.onRequest(ClientMethods.localImages, () => answer);
    const uri = 'file:///project/pull/Dockerfile';
    await client.open(uri, 'FROM ubuntu:24.04 AS build\nFROM alpine:3.20\nCOPY --from=build /a /a\n');
    let offered = await firstOffer(client, uri, 0);
    assert.deepEqual(offered, [['Pull ubuntu:24.04 (not on your engine)', ['ubuntu:24.04']]]);
    assert.deepEqual(pulls(await actionsOnLine(client, uri, 1)), [], 'alpine:3.20 is on the engine');

    answer = { available: true, images: [...answer.images, { id: 'sha256:2', repoTags: ['ubuntu:24.04'], repoDigests: [], created: 1, sizeBytes: 1 }] };
    await client.connection.sendNotification(ServerMethods.localImagesChanged);
    for (let tries = 0; tries < 200 && offered.length > 0; tries++) {
      offered = pulls(await actionsOnLine(client, uri, 0));
      if (offered.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
    assert.deepEqual(offered, [], 'pulled: no longer offered');
  });

  it('a file that needs several offers to pull them all, each once', async () => {
    client = await TestClient.start();
    client.connection.onRequest(ClientMethods.localImages, (): LocalImagesResult => ({ available: true, images: [] }));
    const uri = 'file:///project/several/Dockerfile';
    await client.open(uri, 'FROM golang:1.22 AS build\nFROM golang:1.22 AS test\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /app /app\n');
    const offered = await firstOffer(client, uri, 2);
    assert.deepEqual(offered, [
      ['Pull gcr.io/distroless/static:nonroot (not on your engine)', ['gcr.io/distroless/static:nonroot']],
      ['Pull all 2 base images this file needs (not on your engine)', [['golang:1.22', 'gcr.io/distroless/static:nonroot']]],
    ]);
    assert.deepEqual(pulls(await actionsOnLine(client, uri, 3)), [], 'nothing on a line that is not a FROM');
  });

  it('a FROM --platform pulls for that platform', async () => {
    client = await TestClient.start();
    client.connection.onRequest(ClientMethods.localImages, (): LocalImagesResult => ({ available: true, images: [] }));
    const uri = 'file:///project/platform/Dockerfile';
    await client.open(uri, 'FROM --platform=linux/arm64 ubuntu:24.04\nFROM --platform=$BUILDPLATFORM golang:1.22\n');
    const offered = await firstOffer(client, uri, 0);
    assert.deepEqual(offered, [
      ['Pull ubuntu:24.04 for linux/arm64 (not on your engine)', [{ reference: 'ubuntu:24.04', platform: 'linux/arm64' }]],
      ['Pull all 2 base images this file needs (not on your engine)', [[{ reference: 'ubuntu:24.04', platform: 'linux/arm64' }, 'golang:1.22']]],
    ]);
    assert.deepEqual(pulls(await actionsOnLine(client, uri, 1))[0], ['Pull golang:1.22 (not on your engine)', ['golang:1.22']], "the build's own platform: a plain pull");
  });

  it('offers nothing while the engine cannot be reached', async () => {
    client = await TestClient.start();
    let asked = 0;
    client.connection.onRequest(ClientMethods.localImages, (): LocalImagesResult => {
      asked++;
      return { available: false, reason: 'connect ENOENT /var/run/docker.sock', images: [] };
    });
    const uri = 'file:///project/offline/Dockerfile';
    await client.open(uri, 'FROM ubuntu:24.04\n');
    for (let tries = 0; tries < 200 && asked === 0; tries++) await actionsOnLine(client, uri, 0);
    assert.ok(asked > 0, 'the server asked for the images');
    assert.deepEqual(pulls(await actionsOnLine(client, uri, 0)), []);
  });
});
