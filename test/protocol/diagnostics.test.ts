// Diagnostics and quick fixes over LSP: pushed once per version (or pulled when the client can),
// aliases and documentation links on each diagnostic, settings and .hadolint.yaml honoured,
// quick fixes that apply, stale versions never published.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DidChangeWorkspaceFoldersNotification,
  DiagnosticSeverity,
  DocumentDiagnosticRequest,
  type CodeAction,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultCapabilities, TestClient } from './support/testClient';

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => diagnostic.code);

function applyAction(text: string, action: CodeAction, uri: string): string {
  const edits: TextEdit[] = action.edit?.changes?.[uri] ?? (action.edit?.documentChanges?.[0] as { edits: TextEdit[] } | undefined)?.edits ?? [];
  return TextDocument.applyEdits(TextDocument.create(uri, 'dockerfile', 1, text), edits);
}

describe('protocol: diagnostics', () => {
  let client: TestClient;
  let directory: string | undefined;
  afterEach(async () => {
    await client?.stop();
    if (directory) rmSync(directory, { recursive: true, force: true });
    directory = undefined;
  });

  for (const eol of ['\n', '\r\n']) {
    it(`pushes rule findings with aliases, links and exact ranges (${eol === '\n' ? 'LF' : 'CRLF'})`, async () => {
      client = await TestClient.start();
      const uri = 'file:///project/push/Dockerfile';
      await client.open(uri, ['FROM debian:12', 'RUN apt-get update && apt-get install curl', 'ENTRYPOINT top -b', ''].join(eol));
      const diagnostics = await client.waitForDiagnostics(uri, (items) => items.length > 0);
      const yes = diagnostics.find((diagnostic) => diagnostic.code === 'apt-get-yes');
      assert.ok(yes, `apt-get-yes in ${JSON.stringify(codes(diagnostics))}`);
      assert.match(String(yes.message), /\(DL3014\)$/);
      assert.equal(yes.source, 'layerwise');
      assert.equal(yes.severity, DiagnosticSeverity.Warning);
      assert.deepEqual(yes.range, { start: { line: 1, character: 22 }, end: { line: 1, character: 42 } });
      const json = diagnostics.find((diagnostic) => diagnostic.code === 'json-args-recommended');
      assert.ok(json);
      assert.match(String(json.message), /DL3025, JSONArgsRecommended/);
      assert.equal(json.codeDescription?.href, 'https://docs.docker.com/go/dockerfile/rule/json-args-recommended/');
      assert.deepEqual(json.range, { start: { line: 2, character: 11 }, end: { line: 2, character: 17 } });
    });
  }

  it('publishes the version it linted and follows edits', async () => {
    client = await TestClient.start();
    const uri = 'file:///project/edit/Dockerfile';
    await client.open(uri, 'FROM alpine:3.20\nMAINTAINER me\n');
    await client.waitForDiagnostics(uri, (items) => codes(items).includes('maintainer-deprecated'));
    await client.change(uri, [{ text: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="me"\n' }]);
    const after = await client.waitForDiagnostics(uri, (items) => !codes(items).includes('maintainer-deprecated'));
    assert.deepEqual(after, []);
  });

  it('never publishes a version that was already replaced', async () => {
    client = await TestClient.start();
    const uri = 'file:///project/stale/Dockerfile';
    const versions: number[] = [];
    // Replaces the test client's own handler: this test reads every publication itself.
    client.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; version?: number }) => {
      if (params.uri === uri) versions.push(params.version ?? -1);
    });
    await client.open(uri, 'FROM alpine:3.20\n');
    for (let i = 0; i < 20; i++) await client.change(uri, [{ text: `FROM alpine:3.20\nRUN echo ${i}\nRUN echo done\n` }]);
    const deadline = Date.now() + 10_000;
    while (!versions.includes(21) && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
    assert.ok(versions.includes(21), `the last version is published (got ${versions.join(', ')})`);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'versions only go forward');
    assert.ok(!versions.includes(-1), 'every publication names its version');
  });

  it('honours layerwise.lint settings', async () => {
    client = await TestClient.start({ settings: { layerwise: { lint: { rules: { 'apt-get-yes': 'off', DL3008: 'error' } } } } });
    const uri = 'file:///project/settings/Dockerfile';
    await client.open(uri, 'FROM debian:12\nRUN apt-get install curl\n');
    const diagnostics = await client.waitForDiagnostics(uri, (items) => items.length > 0);
    assert.ok(!codes(diagnostics).includes('apt-get-yes'));
    assert.equal(diagnostics.find((diagnostic) => diagnostic.code === 'apt-get-pin-versions')?.severity, DiagnosticSeverity.Error);
  });

  it('takes the settings of a workspace folder added after start', async () => {
    // VS Code announces folders and watched files: the server then has two things to do once
    // initialized, and both must happen (one used to replace the other).
    const folders = ['file:///ws/a'];
    const ruleOffInB = { lint: { rules: { 'apt-get-yes': 'off' } } };
    client = await TestClient.start({
      capabilities: { ...defaultCapabilities, workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
      workspaceFolders: [{ uri: 'file:///ws/a', name: 'a' }],
      // Like VS Code: a folder's own settings apply only once it is a workspace folder.
      configuration: (item) => (folders.includes('file:///ws/b') && item.scopeUri?.startsWith('file:///ws/b') ? ruleOffInB : {}),
    });
    const uri = 'file:///ws/b/Dockerfile';
    await client.open(uri, 'FROM debian:12\nRUN apt-get install curl\n');
    assert.ok(codes(await client.waitForDiagnostics(uri, (items) => items.length > 0)).includes('apt-get-yes'));

    folders.push('file:///ws/b');
    await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [{ uri: 'file:///ws/b', name: 'b' }], removed: [] } });
    const after = await client.waitForDiagnostics(uri, (items) => !codes(items).includes('apt-get-yes'));
    assert.ok(after.length > 0, 'the other rules still apply');
  });

  it('turns everything off with layerwise.lint.enable false', async () => {
    client = await TestClient.start({ settings: { layerwise: { lint: { enable: false } } } });
    const uri = 'file:///project/off/Dockerfile';
    await client.open(uri, 'FROM debian\nRUN apt-get install curl\n');
    assert.deepEqual(await client.waitForDiagnostics(uri), []);
  });

  it('reads .hadolint.yaml next to the Dockerfile, and says what is wrong with a bad one', async () => {
    directory = mkdtempSync(join(tmpdir(), 'layerwise-lint-'));
    writeFileSync(join(directory, '.hadolint.yaml'), 'ignored: [DL3014]\noverride:\n  error: [DL3008]\ntrustedRegistries: [my.registry.io]\n');
    writeFileSync(join(directory, 'Dockerfile'), '');
    client = await TestClient.start();
    const uri = pathToFileURL(join(directory, 'Dockerfile')).href;
    await client.open(uri, 'FROM debian:12\nRUN apt-get install curl\n');
    const diagnostics = await client.waitForDiagnostics(uri, (items) => items.length > 0);
    assert.ok(!codes(diagnostics).includes('apt-get-yes'), 'DL3014 is ignored');
    assert.equal(diagnostics.find((diagnostic) => diagnostic.code === 'apt-get-pin-versions')?.severity, DiagnosticSeverity.Error);
    assert.match(String(diagnostics.find((diagnostic) => diagnostic.code === 'untrusted-registry')?.message), /docker\.io is not among my\.registry\.io/);

    const broken = mkdtempSync(join(tmpdir(), 'layerwise-lint-'));
    try {
      writeFileSync(join(broken, '.hadolint.yaml'), 'ignored: [DL3014\n');
      const brokenUri = pathToFileURL(join(broken, 'Dockerfile')).href;
      await client.open(brokenUri, 'FROM debian:12\n');
      const problems = await client.waitForDiagnostics(brokenUri, (items) => items.length > 0);
      assert.equal(problems[0].code, 'lint-configuration');
      assert.match(String(problems[0].message), /\.hadolint\.yaml:\d+:\d+: not valid YAML/);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it('answers pull requests when the client pulls, and says when nothing changed', async () => {
    client = await TestClient.start({ capabilities: { ...defaultCapabilities, textDocument: { ...defaultCapabilities.textDocument, diagnostic: { dynamicRegistration: false } } } });
    assert.ok(client.initializeResult.capabilities.diagnosticProvider);
    const uri = 'file:///project/pull/Dockerfile';
    await client.open(uri, 'FROM alpine:3.20\nCMD node server.js\n');
    const first = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as DocumentDiagnosticReport & { items: Diagnostic[]; resultId: string };
    assert.equal(first.kind, 'full');
    assert.deepEqual(codes(first.items), ['json-args-recommended']);
    const second = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: first.resultId });
    assert.equal(second.kind, 'unchanged');
  });

  it('offers the quick fix, and ignore-on-line and ignore-in-file, that apply as promised', async () => {
    client = await TestClient.start();
    const uri = 'file:///project/fix/Dockerfile';
    const text = 'FROM alpine:3.20\nENTRYPOINT top -b\nCMD ["-c"]\n';
    await client.open(uri, text);
    const diagnostics = await client.waitForDiagnostics(uri, (items) => items.length > 0);
    const diagnostic = diagnostics.find((item) => item.code === 'json-args-recommended')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
    const titles = actions.map((action) => action.title);
    assert.deepEqual(titles, ['Convert to ENTRYPOINT ["top", "-b"]', 'Ignore json-args-recommended for this instruction', 'Ignore json-args-recommended in this file']);
    assert.equal(actions[0].isPreferred, true);
    assert.deepEqual(actions[0].diagnostics, [diagnostic]);
    assert.equal(applyAction(text, actions[0], uri), 'FROM alpine:3.20\nENTRYPOINT ["top", "-b"]\nCMD ["-c"]\n');
    assert.equal(applyAction(text, actions[1], uri), 'FROM alpine:3.20\n# layerwise-ignore json-args-recommended\nENTRYPOINT top -b\nCMD ["-c"]\n');
    assert.equal(applyAction(text, actions[2], uri), '# layerwise-ignore-file json-args-recommended\nFROM alpine:3.20\nENTRYPOINT top -b\nCMD ["-c"]\n');

    const ignored = applyAction(text, actions[1], uri);
    await client.change(uri, [{ text: ignored }]);
    assert.deepEqual(await client.waitForDiagnostics(uri, (items) => !codes(items).includes('json-args-recommended')), []);
  });

  it('fixes everything it can with source.fixAll', async () => {
    client = await TestClient.start();
    const uri = 'file:///project/fixall/Dockerfile';
    const text = 'FROM alpine:3.20 as Build\nRUN apk add curl\nMAINTAINER me\n';
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, (items) => items.length > 0);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(applyAction(text, actions[0], uri), 'FROM alpine:3.20 AS build\nRUN apk add --no-cache curl\nLABEL org.opencontainers.image.authors="me"\n');
  });
});
