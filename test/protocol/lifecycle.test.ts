import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

  it('saves its compiled code once initialized, and the next start runs from it', async function () {
    this.timeout(60_000);
    const directory = mkdtempSync(join(tmpdir(), 'layerwise-code-cache-'));
    const env = { ...process.env, LAYERWISE_CODE_CACHE: directory };
    const cacheFiles = () => readdirSync(directory).filter((name) => name.endsWith('.cache'));
    try {
      const first = await TestClient.start({ transport: 'stdio', env });
      // Saved when `initialized` is handled; a request answered after it was handled after it.
      await first.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: 'file:///none/Dockerfile' }, position: { line: 0, character: 0 } });
      await first.stop();
      const saved = cacheFiles();
      assert.equal(saved.length, 1, `one cache file, got ${saved.join(', ')}`);
      assert.match(saved[0], /^languageServer-[\d.]+(-node\.\d+)?-\w+-[0-9a-f]{16}\.cache$/);
      const before = statSync(join(directory, saved[0]));

      const second = await TestClient.start({ transport: 'stdio', env });
      try {
        const uri = 'file:///project/Dockerfile';
        await second.open(uri, 'FROM busybox\n');
        const result = await second.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 1, character: 0 } });
        assert.ok(labels(result).includes('RUN'), 'the server started from the cache works');
      } finally {
        await second.stop();
      }
      // V8 took the cache: nothing was written again (a refused cache is replaced at `initialized`).
      const after = statSync(join(directory, saved[0]));
      assert.deepEqual(cacheFiles(), saved);
      assert.equal(after.mtimeMs, before.mtimeMs, 'the cache was not rewritten');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
