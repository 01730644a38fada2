// The parser asks "is there a `<<` (or a `[`) in this instruction's line?" of the document's
// text, one line after the other, and ForwardSearch answers from the last occurrence it found.
// Its answers must be those of a search of the range itself, for ranges in order (the parse)
// and out of order (a reader that goes back), at the ends of the range included.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ForwardSearch } from '../../../server/src/dockerfile/syntax/forwardSearch';

/** What the search must answer: whether the needle lies wholly inside text[from, to). */
const inRange = (text: string, needle: string, from: number, to: number): boolean => text.slice(from, Math.max(from, to)).includes(needle);

describe('ForwardSearch', () => {
  const cases: [text: string, needle: string, ranges: [number, number][], expected: boolean[]][] = [
    // A marker in the second line only; the first line's range ends just before it.
    ['RUN a\nRUN <<EOF\n', '<<', [[0, 5], [6, 15]], [false, true]],
    // Half of `<<` at the end of a range is not a marker in it.
    ['RUN a<<b', '<<', [[0, 6], [0, 7], [6, 8]], [false, true, false]],
    // No occurrence at all, asked again further on.
    ['FROM a\nCMD b\n', '[', [[0, 6], [7, 12]], [false, false]],
    // Several occurrences: each range sees its own.
    ['CMD ["a"]\nRUN x\nCMD ["b"]\n', '[', [[0, 9], [10, 15], [16, 25]], [true, false, true]],
    // Going back after the search moved on.
    ['CMD ["a"]\nRUN x\n', '[', [[10, 15], [0, 9], [10, 15]], [false, true, false]],
    // Empty ranges.
    ['[[', '[', [[1, 1], [0, 0], [1, 2]], [false, false, true]],
  ];
  for (const [text, needle, ranges, expected] of cases) {
    it(`${JSON.stringify(text)}, ${needle}: ${JSON.stringify(ranges)}`, () => {
      const search = new ForwardSearch(text, needle);
      assert.deepEqual(
        ranges.map(([from, to]) => search.within(from, to)),
        expected,
      );
      assert.deepEqual(
        ranges.map(([from, to]) => inRange(text, needle, from, to)),
        expected,
      );
    });
  }

  const texts = fc.array(fc.constantFrom('<', '<<', '[', 'a', ' ', '\n', 'RUN '), { maxLength: 40 }).map((parts) => parts.join(''));

  it('answers like a search of each range, for ranges in order', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom('<<', '['), fc.array(fc.nat(60), { maxLength: 20 }), (text, needle, cuts) => {
        const bounds = [...cut(cuts, text.length)].sort((a, b) => a - b);
        const search = new ForwardSearch(text, needle);
        for (let i = 0; i + 1 < bounds.length; i++) assert.equal(search.within(bounds[i], bounds[i + 1]), inRange(text, needle, bounds[i], bounds[i + 1]));
      }),
      { numRuns: 500 },
    );
  });

  it('answers like a search of each range, for ranges in any order', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom('<<', '['), fc.array(fc.tuple(fc.nat(60), fc.nat(60)), { maxLength: 20 }), (text, needle, pairs) => {
        const search = new ForwardSearch(text, needle);
        for (const [a, b] of pairs) {
          const from = Math.min(a, b, text.length);
          const to = Math.min(Math.max(a, b), text.length);
          assert.equal(search.within(from, to), inRange(text, needle, from, to), `${JSON.stringify(text)} [${from}, ${to})`);
        }
      }),
      { numRuns: 500 },
    );
  });
});

/** The offsets `cuts` within a text of `length`, with its start and end. */
function cut(cuts: number[], length: number): Set<number> {
  return new Set([0, length, ...cuts.map((offset) => Math.min(offset, length))]);
}
