// The language server's slower old-generation growth, in a fresh Node process each (the setting
// is process-wide): work that keeps a window of recent trees alive and drops older ones, spread
// over many tasks as an editor's requests are, leaves a smaller old generation with the setting.
import { strict as assert } from 'node:assert';
import { largestDuringTreeWork } from './support/treeWork';

/** The old generation's largest size (bytes) while 400 tasks each build a tree and keep the last 100. */
function largestOldGeneration(slowed: boolean): number {
  return largestDuringTreeWork({
    module: 'oldGeneration.ts',
    setup: `if (${slowed}) target.slowOldGenerationGrowth();`,
    measure: "v8.getHeapSpaceStatistics().find((space) => space.space_name === 'old_space').space_size",
    tasks: 400,
    keep: 100,
  });
}

describe('old generation growth', () => {
  it('keeps the old generation smaller than V8 left alone does for the same work', function () {
    this.timeout(60_000);
    const usual = largestOldGeneration(false);
    const slowed = largestOldGeneration(true);
    // About 30 MB stay alive throughout. Without the setting the old generation peaked at
    // 114–149 MB (Node 20) and 131–137 MB (Node 24); with it at 87–93 MB on both. V8 13 (Node 24)
    // marks more of it concurrently, and on a busy machine its figures come closer (102 vs 110 MB
    // while the rest of the suite ran), so there it is only asked to be smaller.
    const exact = Number(process.versions.v8.split('.')[0]) < 12;
    const limit = exact ? usual * 0.85 : usual;
    assert.ok(slowed < limit, `with the setting the old generation reached ${(slowed / 1048576).toFixed(1)} MB, not under ${(limit / 1048576).toFixed(1)} MB (without: ${(usual / 1048576).toFixed(1)} MB)`);
  });
});
