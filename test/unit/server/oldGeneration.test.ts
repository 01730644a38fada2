// The language server's slower old-generation growth, in a fresh Node process each (the setting
// is process-wide): work that keeps a window of recent trees alive and drops older ones, spread
// over many tasks as an editor's requests are, leaves a smaller old generation with the setting.
import { strict as assert } from 'node:assert';
import { treeWork } from './support/treeWork';

/** The old generation's largest size (bytes) and the full collections while 400 tasks each build a tree and keep the last 100. */
function oldGenerationWork(slowed: boolean): { readonly largest: number; readonly fullCollections: number } {
  return treeWork({
    module: 'oldGeneration.ts',
    setup: `if (${slowed}) target.slowOldGenerationGrowth();`,
    measure: "v8.getHeapSpaceStatistics().find((space) => space.space_name === 'old_space').space_size",
    tasks: 400,
    keep: 100,
  });
}

describe('old generation growth', () => {
  it('collects the old generation sooner and keeps it smaller than V8 left alone does for the same work', function () {
    this.timeout(60_000);
    const usual = oldGenerationWork(false);
    const slowed = oldGenerationWork(true);
    // About 30 MB stay alive throughout. Without the setting V8 let the old generation grow to
    // 112–170 MB between two full collections; with it, five or six collections kept it at
    // 93–103 MB (Node 20, idle and under load). How far the sizes stay apart moves with the
    // machine's load (concurrent marking finishes sooner or later; 102 against 113 MB once in
    // CI), the number of collections does not: that is the figure asked for, and the size only
    // has to be smaller. V8 13 (Node 24) sizes its heap differently: 2 collections without, 3–4
    // with, 99–109 against 85–96 MB; there more collections are asked for.
    const factor = Number(process.versions.v8.split('.')[0]) < 12 ? 2 : 1.01;
    assert.ok(slowed.fullCollections >= factor * usual.fullCollections, `with the setting ${slowed.fullCollections} full collections, not at least ${factor}× the ${usual.fullCollections} without`);
    assert.ok(slowed.largest < usual.largest, `with the setting the old generation reached ${(slowed.largest / 1048576).toFixed(1)} MB, not under the ${(usual.largest / 1048576).toFixed(1)} MB without`);
  });
});
