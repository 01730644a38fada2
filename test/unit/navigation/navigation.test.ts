import { strict as assert } from 'node:assert';
import { DocumentHighlightKind } from 'vscode-languageserver-types';
import { analyzeText } from '../../../server/src/dockerfile';
import { documentHighlights, findDefinition, findReferences } from '../../../server/src/dockerfile/navigation';
import { EOLS, marked, offsetsOf, withEol } from './markers';

// Each case: ⟪…⟫ definitions and «…» uses of what is under the cursor ‸ — exactly these, no others.
const occurrenceCases: ReadonlyArray<{ name: string; source: string }> = [
  { name: 'ENV used in RUN and COPY', source: 'FROM a\nENV ⟪AP‸P⟫=/app\nRUN cd $«APP»\nCOPY x ${«APP»}/x\n' },
  { name: 'from a use', source: 'FROM a\nENV ⟪APP⟫=/app\nRUN cd $«AP‸P» && echo ${«APP»:-none}\n' },
  { name: 'global ARG used in FROM', source: 'ARG ⟪BASE⟫=debian\nFROM ${«BA‸SE»}\nRUN echo $BASE_OTHER\n' },
  { name: 'global ARG and its stage redeclaration are one build argument', source: 'ARG ⟪V‸ER⟫=1\nFROM a:${«VER»}\nARG ⟪VER⟫\nRUN echo $«VER»\n' },
  { name: 'ARGs of one name in two stages share the build argument', source: 'FROM a\nARG ⟪N‸AME⟫\nRUN echo $«NAME»\nFROM b\nARG ⟪NAME⟫=x\n' },
  { name: 'ENV redefined in the same stage', source: 'FROM a\nENV ⟪P‸ATH⟫=/a\nENV ⟪PATH⟫=$«PATH»:/b\n' },
  { name: 'a stage inherits its base stage\'s ENV', source: 'FROM a AS base\nENV ⟪H‸OME_DIR⟫=/h\nFROM base\nRUN ls $«HOME_DIR»\nENV ⟪HOME_DIR⟫=/x\n' },
  { name: 'ENV of an unrelated stage is another variable', source: 'FROM a\nENV ⟪X‸⟫=1\nRUN echo $«X»\nFROM b\nENV X=2\nRUN echo $X\n' },
  { name: 'a name defined nowhere: its uses in the stage', source: 'FROM a\nRUN echo $«HO‸ME» ${«HOME»}\nFROM b\nRUN echo $HOME\n' },
  { name: 'stage name, COPY --from, RUN --mount from=, FROM <stage>', source: 'FROM golang AS ⟪bu‸ild⟫\nFROM alpine\nCOPY --from=«build» /a /b\nRUN --mount=type=bind,from=«build»,target=/x true\nFROM «build» AS test\n' },
  { name: 'stage from a reference', source: 'FROM golang AS ⟪build⟫\nFROM alpine\nCOPY --from=«bui‸ld» /a /b\n' },
  { name: 'stage named in another case and by index', source: 'FROM golang AS ⟪Build⟫\nFROM alpine\nCOPY --from=«BUILD» /a /b\nCOPY --from=«0» /c /d\nCOPY --from=«bu‸ild» /e /f\n' },
  { name: 'here-document delimiter', source: 'FROM a\nRUN <<⟪E‸OF⟫\necho EOF-like\n«EOF»\n' },
  { name: 'here-document terminator with <<- tabs', source: 'FROM a\nRUN <<-"⟪END⟫"\n\techo hi\n\t«EN‸D»\n' },
];

describe('navigation: definition, references, highlight', () => {
  for (const [eolName, eol] of EOLS) {
    for (const { name, source } of occurrenceCases) {
      it(`${name} (${eolName})`, () => {
        const fixture = marked(withEol(source, eol));
        const document = analyzeText(fixture.text);
        const highlights = documentHighlights(document, fixture.cursor).map((highlight) => ({ ...offsetsOf(fixture.lines, highlight.range), kind: highlight.kind }));
        const expected = [
          ...fixture.writes.map((span) => ({ ...span, kind: DocumentHighlightKind.Write })),
          ...fixture.reads.map((span) => ({ ...span, kind: DocumentHighlightKind.Read })),
        ].sort((a, b) => a.start - b.start);
        assert.deepEqual(highlights, expected);

        const withDeclaration = findReferences(document, fixture.cursor, true).map((range) => offsetsOf(fixture.lines, range));
        assert.deepEqual(withDeclaration, expected.map(({ start, end }) => ({ start, end })));
        const usesOnly = findReferences(document, fixture.cursor, false).map((range) => offsetsOf(fixture.lines, range));
        assert.deepEqual(usesOnly, [...fixture.reads].sort((a, b) => a.start - b.start));
      });
    }
  }
});

// ‸ on a use; ⟪…⟫ the one definition it resolves to.
const definitionCases: ReadonlyArray<{ name: string; source: string }> = [
  { name: 'the latest ENV before the use', source: 'FROM a\nENV X=1\nENV ⟪X⟫=2\nRUN echo $‸X\nENV X=3\n' },
  { name: 'stage ARG without default, not the global one', source: 'ARG V=1\nFROM a\nARG ⟪V⟫\nRUN echo ${‸V}\n' },
  { name: 'global ARG in FROM', source: 'ARG ⟪TAG⟫=3\nFROM alpine:$T‸AG\n' },
  { name: 'stage name from COPY --from', source: 'FROM a AS ⟪deps⟫\nFROM b\nCOPY --from=de‸ps / /\n' },
  { name: 'unnamed stage by index goes to its FROM', source: '⟪FROM⟫ a\nFROM b\nCOPY --from=‸0 / /\n' },
  { name: 'here-document terminator to its marker', source: 'FROM a\nCOPY <<⟪FILE⟫ /x\nhello\nFI‸LE\n' },
  { name: 'the base image\'s own variable: nowhere', source: 'FROM a\nRUN echo $HO‸ME\n' },
];

describe('navigation: go to definition', () => {
  for (const [eolName, eol] of EOLS) {
    for (const { name, source } of definitionCases) {
      it(`${name} (${eolName})`, () => {
        const fixture = marked(withEol(source, eol));
        const found = findDefinition(analyzeText(fixture.text), fixture.cursor).map((range) => offsetsOf(fixture.lines, range));
        assert.deepEqual(found, fixture.writes);
      });
    }
  }
});
