// The language server's young-generation cap, in a fresh Node process each (the setting is
// process-wide): work that keeps most of what it allocates, spread over many tasks as an editor's
// requests are, grows the young generation to its maximum without the cap and not past it with it.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const moduleUrl = pathToFileURL(join(__dirname, '../../../server/src/youngGeneration.ts')).href;

/** The young generation's largest size (bytes) while 200 tasks each build and keep a tree of objects. */
function largestYoungGeneration(capped: boolean): { largest: number; cap: number } {
  const script = `
    // The module is TypeScript compiled as CommonJS by tsx: its exports come as the default.
    import youngGeneration from ${JSON.stringify(moduleUrl)};
    const { capYoungGeneration, youngGenerationSize, YOUNG_GENERATION_CAP } = youngGeneration;
    if (${capped}) capYoungGeneration();
    const kept = [];
    let largest = 0;
    for (let task = 0; task < 200; task++) {
      await new Promise((resolve) => setImmediate(resolve));
      const tree = [];
      for (let i = 0; i < 5000; i++) tree.push({ start: i, end: i + 1, text: 'token' + i });
      kept.push(tree);
      if (kept.length > 40) kept.shift();
      largest = Math.max(largest, youngGenerationSize());
    }
    process.stdout.write(JSON.stringify({ largest, cap: YOUNG_GENERATION_CAP }));
  `;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(out) as { largest: number; cap: number };
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
