// The language server's young-generation cap, in a fresh Node process each (the setting is
// process-wide): work that keeps most of what it allocates, spread over many tasks as an editor's
// requests are, grows the young generation to its maximum without the cap and not past it with it.
import { strict as assert } from 'node:assert';
import { YOUNG_GENERATION_CAP } from '../../../server/src/youngGeneration';
import { largestDuringTreeWork } from './support/treeWork';

/** The young generation's largest size (bytes) while 200 tasks each build and keep a tree of objects. */
function largestYoungGeneration(capped: boolean): { largest: number; cap: number } {
  const largest = largestDuringTreeWork({
    module: 'youngGeneration.ts',
    setup: `if (${capped}) target.capYoungGeneration();`,
    measure: 'target.youngGenerationSize()',
    tasks: 200,
    keep: 40,
  });
  return { largest, cap: YOUNG_GENERATION_CAP };
}

describe('young generation cap', () => {
  it('keeps the young generation at the cap while the same work grows it past without', function () {
    this.timeout(60_000);
    const uncapped = largestYoungGeneration(false);
    const capped = largestYoungGeneration(true);
    assert.ok(uncapped.largest > uncapped.cap, `without the cap the work should grow the young generation past ${uncapped.cap} bytes (it reached ${uncapped.largest})`);
    // V8 11 (Node 20) stops exactly at the cap; V8 13 (Node 24, recent editors) grows its paged
    // young generation in bigger steps and stops at 12–17 MB instead of 64–128 MB.
    const exact = Number(process.versions.v8.split('.')[0]) < 12;
    const limit = exact ? capped.cap : uncapped.largest / 3;
    assert.ok(capped.largest <= limit, `with the cap the young generation reached ${capped.largest} bytes, over ${limit} (uncapped: ${uncapped.largest})`);
  });
});
