// The server's JSON encoder: every message reads back as what JSON.stringify would have written,
// diagnostics in ASCII, and diagnostics reused from one version to the next from their cache.
import { strict as assert } from 'node:assert';
import type { Message } from 'vscode-jsonrpc';
import { encodeMessage } from '../../server/src/lsp/wire/jsonEncoder';

function roundTrip(message: object): unknown {
  const bytes = encodeMessage(message as Message);
  const diagnostics = (message as { method?: string }).method === 'textDocument/publishDiagnostics' || (message as { result?: { kind?: string } }).result?.kind === 'full';
  if (diagnostics) assert.ok(bytes.every((byte) => byte < 0x80), 'diagnostics are written in ASCII only');
  return JSON.parse(bytes.toString('utf8'));
}

const diagnostic = (line: number, message: string) => ({
  range: { start: { line, character: 0 }, end: { line, character: 3 } },
  severity: 3,
  source: 'layerwise',
  code: 'consecutive-run',
  message,
});

describe('JSON encoder', () => {
  const cases: [string, object][] = [
    ['publishDiagnostics with a version', { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a/Dockerfile', version: 3, diagnostics: [diagnostic(0, 'lines 14–18'), diagnostic(1, 'plain')] } }],
    ['publishDiagnostics without a version', { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a/Dockerfile', diagnostics: [] } }],
    ['publishDiagnostics with a URI outside ASCII', { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a/dépôt/Dockerfile', diagnostics: [diagnostic(0, 'x')] } }],
    ['a pull report', { jsonrpc: '2.0', id: 7, result: { kind: 'full', resultId: '3:0:0:', items: [diagnostic(2, 'emoji 🐳 and a lone \ud800 surrogate')] } }],
    ['a pull report with related documents (written the generic way)', { jsonrpc: '2.0', id: 'x', result: { kind: 'full', items: [], relatedDocuments: { 'file:///b': { kind: 'unchanged', resultId: '1' } } } }],
    ['an unchanged report', { jsonrpc: '2.0', id: 8, result: { kind: 'unchanged', resultId: '1' } }],
    ['a completion list', { jsonrpc: '2.0', id: 9, result: { isIncomplete: false, items: [{ label: 'RUN', documentation: { kind: 'markdown', value: '→ runs a command' } }] } }],
    ['a request from the server', { jsonrpc: '2.0', id: 1, method: 'workspace/configuration', params: { items: [{ section: 'layerwise' }] } }],
    ['an error', { jsonrpc: '2.0', id: 2, error: { code: -32800, message: 'Request cancelled: « x »' } }],
  ];
  for (const [name, message] of cases) {
    it(`reads back ${name} as JSON.stringify writes it`, () => {
      assert.deepEqual(roundTrip(message), JSON.parse(JSON.stringify(message)));
    });
  }

  it('writes undefined items as null and honours toJSON, as JSON.stringify does', () => {
    const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', diagnostics: [undefined, { toJSON: () => ({ message: 'from toJSON' }) }] } };
    assert.deepEqual(roundTrip(message), JSON.parse(JSON.stringify(message)));
  });

  it('writes a diagnostic object once and reuses its bytes in the next message', () => {
    const kept = diagnostic(5, 'kept – across versions');
    const first = encodeMessage({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', version: 1, diagnostics: [kept] } } as Message);
    const second = encodeMessage({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', version: 2, diagnostics: [kept, diagnostic(6, 'new')] } } as Message);
    const items = (bytes: Buffer) => (JSON.parse(bytes.toString()) as { params: { diagnostics: unknown[] } }).params.diagnostics;
    assert.deepEqual(items(first)[0], items(second)[0]);
    assert.deepEqual(items(second)[1], JSON.parse(JSON.stringify(diagnostic(6, 'new'))));
    assert.equal((JSON.parse(second.toString()) as { params: { version: number } }).params.version, 2);
  });
});
