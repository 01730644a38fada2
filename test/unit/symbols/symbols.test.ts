import { strict as assert } from 'node:assert';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { analyzeText, LineIndex } from '../../../server/src/dockerfile';
import { documentSymbols } from '../../../server/src/dockerfile/symbols';
import { EOLS, sliceOf, withEol } from '../navigation/markers';

/** name (detail) [children] as nested arrays: what the outline shows. */
type Shape = [string, string, Shape[]?];
function shape(symbols: readonly DocumentSymbol[]): Shape[] {
  return symbols.map((symbol) => (symbol.children && symbol.children.length > 0 ? [symbol.name, symbol.detail ?? '', shape(symbol.children)] : [symbol.name, symbol.detail ?? '']));
}

const cases: ReadonlyArray<{ name: string; source: string; outline: Shape[] }> = [
  {
    name: 'directives, global ARG, named and unnamed stages with their instructions',
    source: '# syntax=docker/dockerfile:1\nARG BASE=golang:1.23\nFROM ${BASE} AS build\nWORKDIR /src\nRUN go build \\\n    -o /app .\nFROM debian:12-slim\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n',
    outline: [
      ['# syntax', 'docker/dockerfile:1'],
      ['ARG', 'BASE=golang:1.23', [['BASE', 'golang:1.23']]],
      ['build', '${BASE} = golang:1.23', [['FROM', '${BASE} AS build'], ['WORKDIR', '/src'], ['RUN', 'go build -o /app .']]],
      ['stage 1', 'debian:12-slim · last stage', [['FROM', 'debian:12-slim'], ['COPY', '--from=build /app /app'], ['ENTRYPOINT', '["/app"]']]],
    ],
  },
  {
    name: 'ENV and LABEL keys are findable by name',
    source: 'FROM a\nENV APP_HOME=/app PORT=8080\nLABEL org.opencontainers.image.title="x"\n',
    outline: [['stage 0', 'a · last stage', [['FROM', 'a'], ['ENV', 'APP_HOME=/app PORT=8080', [['APP_HOME', '/app'], ['PORT', '8080']]], ['LABEL', 'org.opencontainers.image.title="x"', [['org.opencontainers.image.title', '"x"']]]]]],
  },
  {
    name: 'here-document and ONBUILD',
    source: 'FROM a\nRUN <<EOF\necho hi\nEOF\nONBUILD COPY . /src\n',
    outline: [['stage 0', 'a · last stage', [['FROM', 'a'], ['RUN', '<<EOF'], ['ONBUILD', 'COPY . /src']]]],
  },
];

describe('document symbols', () => {
  for (const [eolName, eol] of EOLS) {
    for (const { name, source, outline } of cases) {
      it(`${name} (${eolName})`, () => {
        const text = withEol(source, eol);
        const symbols = documentSymbols(analyzeText(text));
        assert.deepEqual(shape(symbols), outline);
        const lines = new LineIndex(text);
        // Every selection range lies inside its range (VS Code rejects the outline otherwise).
        const check = (symbol: DocumentSymbol) => {
          const range = { start: lines.offsetAt(symbol.range.start), end: lines.offsetAt(symbol.range.end) };
          const selection = { start: lines.offsetAt(symbol.selectionRange.start), end: lines.offsetAt(symbol.selectionRange.end) };
          assert.ok(range.start <= selection.start && selection.end <= range.end, `${symbol.name}: selection outside range`);
          symbol.children?.forEach(check);
        };
        symbols.forEach(check);
      });
    }
  }

  it('a stage spans from FROM to its last instruction and is selected by its name', () => {
    const text = 'FROM a AS build\nRUN x\n\n# about the next stage\nFROM b\n';
    const [build] = documentSymbols(analyzeText(text));
    const lines = new LineIndex(text);
    assert.equal(build.kind, SymbolKind.Module);
    assert.equal(sliceOf(text, lines, build.range), 'FROM a AS build\nRUN x');
    assert.equal(sliceOf(text, lines, build.selectionRange), 'build');
  });
});
