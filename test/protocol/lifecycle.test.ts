import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CompletionRequest, type CompletionItem, type CompletionList } from 'vscode-languageserver-protocol/node';
import { TestClient } from './support/testClient';

function labels(result: CompletionItem[] | CompletionList | null): string[] {
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  return items.map((item) => item.label);
}

describe('server lifecycle', () => {
  it('initializes and names itself', async () => {
    const client = await TestClient.start();
    try {
      assert.equal(client.initializeResult.serverInfo?.name, 'layerwise');
      assert.ok(client.initializeResult.capabilities.textDocumentSync, 'announces document sync');
    } finally {
      await client.stop();
    }
  });

  it('the bundled server answers over stdio', async function () {
    const bundle = join(__dirname, '../../dist/server.js');
    if (!existsSync(bundle)) throw new Error('dist/server.js is missing: run `npm run build` before the protocol tier');
    const client = await TestClient.start({ transport: 'stdio' });
    try {
      const uri = 'file:///project/Dockerfile';
      await client.open(uri, 'FROM busybox\n');
      const result = await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: { line: 1, character: 0 },
      });
      assert.ok(labels(result).includes('RUN'), `completion offers RUN, got ${labels(result).join(', ')}`);
    } finally {
      await client.stop();
    }
  });
});
