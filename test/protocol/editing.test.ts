import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeLensRequest,
  DefinitionRequest,
  DocumentFormattingRequest,
  DocumentHighlightRequest,
  DocumentLinkRequest,
  DocumentOnTypeFormattingRequest,
  DocumentRangeFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  LinkedEditingRangeRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  SelectionRangeRequest,
  SemanticTokensDeltaRequest,
  SemanticTokensRangeRequest,
  SemanticTokensRequest,
  type ClientCapabilities,
  type DocumentSymbol,
  type SemanticTokens,
  type SemanticTokensDelta,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { ServerMethods } from '../../server/src/protocol';
import { defaultCapabilities, TestClient } from './support/testClient';

const capabilities: ClientCapabilities = {
  ...defaultCapabilities,
  textDocument: {
    ...defaultCapabilities.textDocument,
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    rename: { prepareSupport: true },
    foldingRange: { lineFoldingOnly: true },
    semanticTokens: { requests: { full: { delta: true }, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
  },
};

const dockerfile = [
  'ARG BASE=golang:1.23',
  'from ${BASE} AS build',
  'ENV APP_HOME=/app',
  'WORKDIR $APP_HOME',
  'RUN go build -o /out/app   \\',
  '  ./cmd/app   ',
  'FROM alpine:3.20',
  'COPY --from=build /out/app /usr/local/bin/app',
  'COPY app.conf /etc/app.conf',
  'CMD ["app"]',
  '',
].join('\n');

function apply(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (position: { line: number; character: number }) => lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((result, edit) => result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end)), text);
}

describe('editing features over LSP', () => {
  let client: TestClient;
  let folder: string;
  let uri: string;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'layerwise-editing-'));
    mkdirSync(join(folder, 'app'));
    writeFileSync(join(folder, 'app', 'app.conf'), 'port = 8080\n');
    uri = pathToFileURL(join(folder, 'app', 'Dockerfile')).href;
    client = await TestClient.start({ capabilities, settings: { layerwise: { format: { uppercaseKeywords: true } } } });
    await client.open(uri, dockerfile);
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('announces every editing capability', () => {
    const announced = client.initializeResult.capabilities;
    for (const key of ['documentSymbolProvider', 'definitionProvider', 'referencesProvider', 'documentHighlightProvider', 'renameProvider', 'foldingRangeProvider', 'selectionRangeProvider', 'documentFormattingProvider', 'documentRangeFormattingProvider', 'documentOnTypeFormattingProvider', 'semanticTokensProvider', 'documentLinkProvider', 'codeLensProvider', 'linkedEditingRangeProvider'] as const) {
      assert.ok(announced[key], `${key} is announced`);
    }
    assert.deepEqual(announced.renameProvider, { prepareProvider: true });
  });

  it('outline: global ARG, then the stages with their instructions', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['ARG', 'build', 'stage 1']);
    assert.deepEqual(symbols[1].children?.map((symbol) => symbol.name), ['FROM', 'ENV', 'WORKDIR', 'RUN']);
  });

  it('definition, references and highlight of a variable', async () => {
    const position = { line: 3, character: 10 };
    const definition = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position });
    assert.deepEqual(definition, [{ uri, range: { start: { line: 2, character: 4 }, end: { line: 2, character: 12 } } }]);
    const references = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration: false } });
    assert.deepEqual(references?.map((location) => location.range.start), [{ line: 3, character: 9 }]);
    const highlights = await client.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri }, position: { line: 7, character: 14 } });
    assert.deepEqual(highlights?.map((highlight) => highlight.range.start.line), [1, 7]);
  });

  it('rename: a stage everywhere; a refusal reaches the client as an error with the reason', async () => {
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: { line: 1, character: 19 } });
    assert.deepEqual(prepared, { range: { start: { line: 1, character: 16 }, end: { line: 1, character: 21 } }, placeholder: 'build' });
    const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: { line: 1, character: 19 }, newName: 'compile' });
    const renamed = apply(dockerfile, edit?.changes?.[uri] ?? []);
    assert.match(renamed, /AS compile\n/);
    assert.match(renamed, /COPY --from=compile /);
    await assert.rejects(
      client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: { line: 2, character: 6 }, newName: 'BASE' }),
      /Cannot rename APP_HOME to BASE: BASE is already used on line 1/,
    );
    await assert.rejects(client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: { line: 9, character: 1 } }), /Nothing to rename here/);
  });

  it('linked editing: the two delimiters of a here-document, nothing elsewhere', async () => {
    const heredocUri = pathToFileURL(join(folder, 'Dockerfile.heredoc')).href;
    await client.open(heredocUri, 'FROM alpine:3.20\nRUN <<EOF\necho hi\nEOF\n');
    const linked = await client.connection.sendRequest(LinkedEditingRangeRequest.type, { textDocument: { uri: heredocUri }, position: { line: 3, character: 1 } });
    assert.deepEqual(linked?.ranges, [
      { start: { line: 1, character: 6 }, end: { line: 1, character: 9 } },
      { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } },
    ]);
    assert.ok(linked?.wordPattern && new RegExp(linked.wordPattern).test('END'));
    assert.equal(await client.connection.sendRequest(LinkedEditingRangeRequest.type, { textDocument: { uri: heredocUri }, position: { line: 2, character: 1 } }), null);
  });

  it('folding and selection ranges', async () => {
    const folding = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.deepEqual(folding?.map((range) => [range.startLine, range.endLine]), [[1, 5], [4, 5], [6, 9]]);
    const [selection] = (await client.connection.sendRequest(SelectionRangeRequest.type, { textDocument: { uri }, positions: [{ line: 3, character: 10 }] })) ?? [];
    assert.deepEqual(selection.range, { start: { line: 3, character: 9 }, end: { line: 3, character: 17 } });
    assert.equal(selection.parent?.range.start.character, 8);
  });

  it('formatting: document, range and on type, with the editor\'s tab size', async () => {
    const options = { tabSize: 4, insertSpaces: true };
    const whole = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options });
    const formatted = apply(dockerfile, whole ?? []);
    assert.match(formatted, /^FROM \$\{BASE\} AS build$/m);
    assert.match(formatted, /^ {4}\.\/cmd\/app$/m);
    const range = await client.connection.sendRequest(DocumentRangeFormattingRequest.type, { textDocument: { uri }, options, range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } } });
    assert.deepEqual(range?.map((edit) => edit.range.start.line), [1]);
    const onType = await client.connection.sendRequest(DocumentOnTypeFormattingRequest.type, { textDocument: { uri }, options, position: { line: 2, character: 0 }, ch: '\n' });
    assert.deepEqual(onType?.map((edit) => edit.newText), ['FROM']);
  });

  it('formatting can be switched off per document', async () => {
    const off = await TestClient.start({ capabilities, settings: { layerwise: { format: { enable: false } } } });
    try {
      await off.open(uri, dockerfile);
      assert.deepEqual(await off.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } }), []);
    } finally {
      await off.stop();
    }
  });

  it('semantic tokens: full, delta after an edit, range', async () => {
    const full = (await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } })) as SemanticTokens;
    assert.ok(full.resultId && full.data.length > 0 && full.data.length % 5 === 0);
    await client.change(uri, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'ENV EXTRA=1\n' }]);
    const delta = (await client.connection.sendRequest(SemanticTokensDeltaRequest.type, { textDocument: { uri }, previousResultId: full.resultId })) as SemanticTokensDelta;
    assert.ok('edits' in delta && delta.edits.length === 1, 'answers with edits');
    const rebuilt = [...full.data];
    rebuilt.splice(delta.edits[0].start, delta.edits[0].deleteCount, ...(delta.edits[0].data ?? []));
    const fresh = (await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } })) as SemanticTokens;
    assert.deepEqual(rebuilt, fresh.data);
    const range = await client.connection.sendRequest(SemanticTokensRangeRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 20 } } });
    assert.equal(range?.data.length, 10, 'ARG and BASE');
    await client.change(uri, [{ range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } }, text: '' }]);
  });

  it('links: the registry page of an image, and a COPY source that exists next to the Dockerfile', async () => {
    const links = await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } });
    const targets = (links ?? []).map((link) => link.target);
    assert.ok(targets.includes('https://hub.docker.com/_/golang/tags?name=1.23'));
    assert.ok(targets.includes('https://hub.docker.com/_/alpine/tags?name=3.20'));
    assert.ok(targets.includes(pathToFileURL(join(folder, 'app', 'app.conf')).href));
    assert.equal(targets.filter((target) => target?.startsWith('file:')).length, 1, 'no link to a file that does not exist');
  });

  it('code lenses: Build stage on named stages, Build / Build and run on the last', async () => {
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    const build = (lenses ?? []).filter((lens) => lens.command?.command === 'layerwise.image.build');
    assert.deepEqual(build.map((lens) => [lens.range.start.line, lens.command?.title]), [[1, 'Build stage build'], [6, 'Build'], [6, 'Build and run']]);
    assert.equal(build[0].command?.arguments?.[0], join(folder, 'app', 'Dockerfile'));
  });

  it('code lenses of a version an edit replaced while they waited for the settings are dropped', async () => {
    const late = await TestClient.start({ capabilities });
    try {
      // Settings requests are held until the edit below; later ones are answered at once.
      const held: (() => void)[] = [];
      let holding = true;
      const asked = new Promise<void>((resolve) => {
        late.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
          const answer = params.items.map(() => null);
          if (!holding) return answer;
          resolve();
          return new Promise((respond) => held.push(() => respond(answer)));
        });
      });
      await late.open(uri, dockerfile);
      const pending = late.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
      await asked;
      await late.change(uri, [{ text: `${dockerfile}\n` }]);
      holding = false;
      held.forEach((respond) => respond());
      assert.deepEqual(await pending, []);
      const again = (await late.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
      assert.equal(again.filter((lens) => lens.command?.command === 'layerwise.image.build').length, 3);
    } finally {
      await late.stop();
    }
  });

  it('code lenses wait for workspace trust, and follow layerwise.codeLens.build', async () => {
    const untrusted = await TestClient.start({ capabilities, initializationOptions: { workspaceTrusted: false } });
    try {
      await untrusted.open(uri, dockerfile);
      const buildLenses = async (client: TestClient) =>
        ((await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? []).filter((lens) => lens.command?.command === 'layerwise.image.build');
      assert.deepEqual(await buildLenses(untrusted), []);
      await untrusted.connection.sendNotification(ServerMethods.workspaceTrust, { trusted: true });
      assert.equal((await buildLenses(untrusted)).length, 3);
    } finally {
      await untrusted.stop();
    }
    const off = await TestClient.start({ capabilities, settings: { layerwise: { codeLens: { build: false } } } });
    try {
      await off.open(uri, dockerfile);
      const lenses = (await off.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
      assert.deepEqual(lenses.filter((lens) => lens.command?.command === 'layerwise.image.build'), []);
    } finally {
      await off.stop();
    }
  });
});
