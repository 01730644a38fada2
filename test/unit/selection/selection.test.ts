import { strict as assert } from 'node:assert';
import { analyzeText, LineIndex } from '../../../server/src/dockerfile';
import { selectionRanges } from '../../../server/src/dockerfile/selection';
import { EOLS, marked, sliceOf, withEol } from '../navigation/markers';

// ‸ is the cursor; `chain` the selections from the innermost outwards (the whole file last, omitted).
const cases: ReadonlyArray<{ name: string; source: string; chain: string[] }> = [
  {
    name: 'variable name → reference → word → command → instruction → stage',
    source: 'FROM a\nRUN echo ${HO‸ME:-/root}\n',
    chain: ['HOME', '${HOME:-/root}', 'echo ${HOME:-/root}', 'RUN echo ${HOME:-/root}', 'FROM a\nRUN echo ${HOME:-/root}'],
  },
  {
    name: 'mount field → field → value → flag → instruction',
    source: 'FROM a\nRUN --mount=type=cache,target=/ro‸ot/.cache make\n',
    chain: ['/root/.cache', 'target=/root/.cache', 'type=cache,target=/root/.cache', '--mount=type=cache,target=/root/.cache', 'RUN --mount=type=cache,target=/root/.cache make', 'FROM a\nRUN --mount=type=cache,target=/root/.cache make'],
  },
  {
    name: 'JSON string → elements → array → instruction',
    source: 'FROM a\nCMD ["nginx", "-g", "daemon o‸ff;"]\n',
    chain: ['"daemon off;"', '"nginx", "-g", "daemon off;"', '["nginx", "-g", "daemon off;"]', 'CMD ["nginx", "-g", "daemon off;"]', 'FROM a\nCMD ["nginx", "-g", "daemon off;"]'],
  },
  {
    name: 'word on a continuation line',
    source: 'FROM a\nRUN apt-get update \\\n    && apt-get ins‸tall -y curl\n',
    chain: ['install', 'apt-get update \\\n    && apt-get install -y curl', 'RUN apt-get update \\\n    && apt-get install -y curl', 'FROM a\nRUN apt-get update \\\n    && apt-get install -y curl'],
  },
  { name: 'ENV value → pair → pairs → instruction', source: 'FROM a\nENV A=1 B=t‸wo\n', chain: ['two', 'B=two', 'A=1 B=two', 'ENV A=1 B=two', 'FROM a\nENV A=1 B=two'] },
  { name: 'comment → comment block', source: '# first\n# sec‸ond\nFROM a\n', chain: ['# second', '# first\n# second'] },
];

describe('selection ranges', () => {
  for (const [eolName, eol] of EOLS) {
    for (const { name, source, chain } of cases) {
      it(`${name} (${eolName})`, () => {
        const fixture = marked(withEol(source, eol));
        const [selection] = selectionRanges(analyzeText(fixture.text), [fixture.cursor]);
        const found: string[] = [];
        for (let range: typeof selection | undefined = selection; range; range = range.parent) found.push(sliceOf(fixture.text, fixture.lines, range.range));
        assert.equal(found.pop(), fixture.text, 'the outermost selection is the whole file');
        assert.deepEqual(found, chain.map((expected) => withEol(expected, eol)));
        const lines = new LineIndex(fixture.text);
        for (let range: typeof selection | undefined = selection; range?.parent; range = range.parent) {
          const inner = lines.offsetAt(range.range.start);
          const outer = lines.offsetAt(range.parent.range.start);
          assert.ok(outer <= inner && lines.offsetAt(range.parent.range.end) >= lines.offsetAt(range.range.end), 'each step contains the one before');
        }
      });
    }
  }
});
