import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../server/src/dockerfile';
import { prepareRename, rename } from '../../../server/src/dockerfile/navigation';
import { applyTextEdits, EOLS, marked, sliceOf, withEol } from './markers';

// ‸ is the cursor; `after` the text once renamed to `to`.
const renames: ReadonlyArray<{ name: string; source: string; to: string; after: string }> = [
  {
    name: 'ENV and its uses in every context',
    source: 'FROM a\nENV A‸PP=/app\nWORKDIR $APP\nRUN cd ${APP:-/} && echo "$APP"\nCMD echo $APP\n',
    to: 'APP_HOME',
    after: 'FROM a\nENV APP_HOME=/app\nWORKDIR $APP_HOME\nRUN cd ${APP_HOME:-/} && echo "$APP_HOME"\nCMD echo $APP_HOME\n',
  },
  {
    name: 'global ARG, its redeclaration and uses',
    source: 'ARG VERSION=1\nFROM img:${VERSION}\nARG VERSION\nRUN echo $VERS‸ION\n',
    to: 'IMG_VERSION',
    after: 'ARG IMG_VERSION=1\nFROM img:${IMG_VERSION}\nARG IMG_VERSION\nRUN echo $IMG_VERSION\n',
  },
  {
    name: 'stage and every place naming it; an index stays',
    source: 'FROM golang AS bu‸ild\nFROM alpine\nCOPY --from=build /a /b\nCOPY --from=0 /c /d\nRUN --mount=from=BUILD,target=/x true\nFROM build AS test\n',
    to: 'compile',
    after: 'FROM golang AS compile\nFROM alpine\nCOPY --from=compile /a /b\nCOPY --from=0 /c /d\nRUN --mount=from=compile,target=/x true\nFROM compile AS test\n',
  },
  {
    name: 'here-document delimiter, quotes kept',
    source: 'FROM a\nRUN <<"E‸OF" bash\necho $HOME\nEOF\n',
    to: 'SCRIPT',
    after: 'FROM a\nRUN <<"SCRIPT" bash\necho $HOME\nSCRIPT\n',
  },
];

// Refused renames: the message must say why.
const refusals: ReadonlyArray<{ name: string; source: string; to: string; message: RegExp }> = [
  { name: 'invalid variable name', source: 'FROM a\nENV A‸PP=1\n', to: 'my-app', message: /not a valid variable name/ },
  { name: 'variable name already used', source: 'FROM a\nENV A‸PP=1\nENV HOME_DIR=/h\n', to: 'HOME_DIR', message: /HOME_DIR is already used on line 3/ },
  { name: 'variable name used by the base image', source: 'FROM a\nENV A‸PP=1\nRUN echo $HOME\n', to: 'HOME', message: /HOME is already used on line 3/ },
  { name: 'a BuildKit predefined argument', source: 'FROM a\nARG A‸RCH\n', to: 'TARGETARCH', message: /predefined build argument/ },
  { name: 'renaming BuildKit\'s own argument', source: 'FROM a\nRUN echo $HTTP_PR‸OXY\n', to: 'PROXY', message: /predefined build arguments/ },
  { name: 'a variable the file does not define', source: 'FROM a\nRUN echo $HO‸ME\n', to: 'H', message: /not defined in this Dockerfile/ },
  { name: 'invalid stage name', source: 'FROM a AS bu‸ild\n', to: '1st', message: /not a valid stage name/ },
  { name: 'stage name taken', source: 'FROM a AS bu‸ild\nFROM b AS test\n', to: 'test', message: /stage 1 on line 2 already has that name/ },
  { name: 'stage name with capitals', source: 'FROM alpine AS ba‸se\nFROM base\n', to: 'newName', message: /FROM Build would name an image, not the stage\): use newname\./ },
  { name: 'stage name that an image uses', source: 'FROM a AS bu‸ild\nFROM b\nCOPY --from=nginx / /\n', to: 'nginx', message: /line 3 uses an image or build context named nginx/ },
  { name: 'stage named through a variable', source: 'ARG FROM_STAGE=build\nFROM a AS bu‸ild\nFROM ${FROM_STAGE}\n', to: 'x', message: /Line 3 names stage build as `\$\{FROM_STAGE\}`/ },
  { name: 'a here-document delimiter written in two pieces', source: 'FROM a\nRUN cat <‸<b"c"\nx\nbc\n', to: 'EOF', message: /Nothing to rename here/ },
  { name: 'unnamed stage', source: 'FR‸OM a\nFROM b\nCOPY --from=0 / /\n', to: 'x', message: /Nothing to rename here/ },
  { name: 'delimiter that a body line would match', source: 'FROM a\nRUN <<E‸OF\necho\nEND\nEOF\n', to: 'END', message: /line 4 of the here-document is `END`/ },
];

describe('rename', () => {
  for (const [eolName, eol] of EOLS) {
    for (const { name, source, to, after } of renames) {
      it(`${name} (${eolName})`, () => {
        const fixture = marked(withEol(source, eol));
        const document = analyzeText(fixture.text);
        const prepared = prepareRename(document, fixture.cursor);
        assert.ok(!('error' in prepared), `prepareRename refused: ${'error' in prepared ? prepared.error : ''}`);
        const result = rename(document, fixture.cursor, to);
        assert.ok('edits' in result, `rename refused: ${'error' in result ? result.error : ''}`);
        assert.equal(applyTextEdits(fixture.text, result.edits), withEol(after, eol));
      });
    }
    for (const { name, source, to, message } of refusals) {
      it(`refuses: ${name} (${eolName})`, () => {
        const fixture = marked(withEol(source, eol));
        const result = rename(analyzeText(fixture.text), fixture.cursor, to);
        assert.ok('error' in result, `expected a refusal, got ${JSON.stringify(result)}`);
        assert.match(result.error, message);
      });
    }
  }

  it('prepareRename offers the name under the cursor', () => {
    const fixture = marked('FROM a AS build\nFROM b\nCOPY --from=bu‸ild / /\n');
    const prepared = prepareRename(analyzeText(fixture.text), fixture.cursor);
    assert.ok('range' in prepared);
    assert.equal(prepared.placeholder, 'build');
    assert.equal(sliceOf(fixture.text, fixture.lines, prepared.range), 'build');
  });

  it('prepareRename explains what cannot be renamed', () => {
    const fixture = marked('FROM a\nRUN echo $TARGET‸ARCH\n');
    const prepared = prepareRename(analyzeText(fixture.text), fixture.cursor);
    assert.ok('error' in prepared);
    assert.match(prepared.error, /TARGETARCH is one of BuildKit's predefined build arguments/);
  });

  it('renaming to the same name changes nothing', () => {
    const fixture = marked('FROM a\nENV A‸PP=1\nRUN echo $APP\n');
    assert.deepEqual(rename(analyzeText(fixture.text), fixture.cursor, 'APP'), { edits: [] });
  });
});
