import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
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

  it('saves its compiled code once initialized (the shell parser\'s once loaded), and the next start runs from it', async function () {
    this.timeout(60_000);
    const directory = mkdtempSync(join(tmpdir(), 'layerwise-code-cache-'));
    // The trace says what the cache did (on stderr, the editor's output channel for the server).
    const env = { ...process.env, LAYERWISE_CODE_CACHE: directory, LAYERWISE_CODE_CACHE_TRACE: '1' };
    const uri = 'file:///project/Dockerfile';
    const text = 'FROM debian:12\nRUN apt-get install curl\n';
    try {
      const first = await TestClient.start({ transport: 'stdio', env, captureStderr: true });
      try {
        await first.open(uri, text);
        assert.ok((await first.waitForDiagnostics(uri, (items) => items.length > 0)).some((item) => item.code === 'apt-get-yes'));
        // The bundle's code is saved at `initialized`; the shell parser's (loaded for the RUN) shortly after it ran.
        await waitUntil(() => /mvdan-sh\.js: saved/.test(first.stderr), 'the shell parser\'s cache');
        assert.match(first.stderr, /languageServer\.js: no cache yet at .*languageServer-[\d.]+(-node\.\d+)?-\w+-[0-9a-f]{16}\.cache\n/);
        assert.match(first.stderr, /languageServer\.js: saved /);
        assert.match(first.stderr, /mvdan-sh\.js: no cache yet at /);
      } finally {
        await first.stop();
      }
      const saved = readdirSync(directory).sort();
      assert.equal(saved.length, 2, saved.join(', '));

      const second = await TestClient.start({ transport: 'stdio', env, captureStderr: true });
      try {
        await second.open(uri, text);
        assert.ok((await second.waitForDiagnostics(uri, (items) => items.length > 0)).some((item) => item.code === 'apt-get-yes'), 'the server started from the cache lints');
        const result = await second.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 2, character: 0 } });
        assert.ok(labels(result).includes('RUN'), 'and completes');
        // The shell parser is loaded after the server changed V8's heap flags: its cache is still taken.
        assert.match(second.stderr, /languageServer\.js: compiled code from /);
        assert.match(second.stderr, /mvdan-sh\.js: compiled code from /);
        assert.doesNotMatch(second.stderr, /refused|saved/);
      } finally {
        await second.stop();
      }
      assert.deepEqual(readdirSync(directory).sort(), saved);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

/** Polls `condition` until it holds, for up to 10 s. */
async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} did not appear within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
