import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../server/src/dockerfile';
import { buildLenses, BUILD_COMMAND } from '../../../server/src/dockerfile/codeLens';
import { EOLS, withEol } from '../navigation/markers';

describe('build code lenses', () => {
  for (const [eolName, eol] of EOLS) {
    it(`named stages get Build stage, the last stage Build and Build and run (${eolName})`, () => {
      const text = withEol('# syntax=docker/dockerfile:1\nFROM golang AS build\nRUN go build\nFROM alpine AS unnamed-not\nFROM debian\nFROM scratch AS final\nCOPY --from=build / /\n', eol);
      const lenses = buildLenses(analyzeText(text), '/work/Dockerfile');
      assert.deepEqual(
        lenses.map((lens) => [lens.range.start.line, lens.command?.title, lens.command?.command, lens.command?.arguments]),
        [
          [1, 'Build stage build', BUILD_COMMAND, ['/work/Dockerfile', { target: 'build' }]],
          [3, 'Build stage unnamed-not', BUILD_COMMAND, ['/work/Dockerfile', { target: 'unnamed-not' }]],
          [5, 'Build', BUILD_COMMAND, ['/work/Dockerfile']],
          [5, 'Build and run', BUILD_COMMAND, ['/work/Dockerfile', { runAfter: true }]],
        ],
      );
    });
  }

  it('no FROM, no lenses', () => {
    assert.deepEqual(buildLenses(analyzeText('# just a comment\n'), '/x'), []);
  });
});
