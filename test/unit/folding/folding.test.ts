import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../server/src/dockerfile';
import { foldingRanges } from '../../../server/src/dockerfile/folding';
import { EOLS, withEol } from '../navigation/markers';

// Expected ranges as "start-end" (zero-based lines), "c" for comment blocks.
const cases: ReadonlyArray<{ name: string; source: string; ranges: string[] }> = [
  {
    name: 'stages, a continued RUN, comment blocks',
    source: '# Build\n# stage\nFROM a AS build\nRUN a \\\n    && b \\\n    && c\nCOPY x y\n\n# one comment\nFROM b\nCMD x\n',
    ranges: ['0-1c', '2-6', '3-5', '9-10'],
  },
  {
    name: 'here-documents: the instruction and each body after the first',
    source: 'FROM a\nCOPY <<A <<B /dir/\nfirst\nA\nsecond\nB\n',
    ranges: ['0-5', '1-5', '3-5'],
  },
  {
    name: 'comment lines inside a continuation fold with the instruction',
    source: 'FROM a\nRUN a \\\n# inside\n# inside too\n    b\n',
    ranges: ['0-4', '1-4'],
  },
  { name: 'one-line stages do not fold', source: 'FROM a\nFROM b\n', ranges: [] },
];

describe('folding ranges', () => {
  for (const [eolName, eol] of EOLS) {
    for (const { name, source, ranges } of cases) {
      it(`${name} (${eolName})`, () => {
        const found = foldingRanges(analyzeText(withEol(source, eol))).map((range) => `${range.startLine}-${range.endLine}${range.kind === 'comment' ? 'c' : ''}`);
        assert.deepEqual(found, ranges);
      });
    }
  }

  it('honours the client\'s range limit, keeping the outermost', () => {
    const source = 'FROM a\n' + Array.from({ length: 10 }, (_, i) => `RUN a${i} \\\n  b`).join('\n') + '\n';
    const all = foldingRanges(analyzeText(source));
    assert.equal(all.length, 11);
    const limited = foldingRanges(analyzeText(source), { rangeLimit: 3 });
    assert.equal(limited.length, 3);
    assert.deepEqual(limited[0], { startLine: 0, endLine: 20 });
  });
});
