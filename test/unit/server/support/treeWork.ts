// The workload of the heap-setting tests: in a fresh Node process (the settings are
// process-wide), many tasks each build a tree of small objects, as an editor's requests make
// syntax trees, and keep the last few; the largest value of a heap measure over the tasks is
// the result.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface TreeWork {
  /** The server module under test, relative to `server/src` (`oldGeneration.ts`). */
  readonly module: string;
  /** Code run first; the module's exports are `target`. */
  readonly setup: string;
  /** An expression, in bytes, evaluated after each task (`node:v8` is imported as `v8`). */
  readonly measure: string;
  readonly tasks: number;
  /** How many of the latest trees stay alive. */
  readonly keep: number;
}

/** The largest value `work.measure` took while the tasks ran. */
export function largestDuringTreeWork(work: TreeWork): number {
  return treeWork(work).largest;
}

/** What the tasks did to the heap: the largest value of `work.measure`, and how many full collections ran. */
export function treeWork(work: TreeWork): { readonly largest: number; readonly fullCollections: number } {
  const moduleUrl = pathToFileURL(join(__dirname, '../../../../server/src', work.module)).href;
  const script = `
    // The module is TypeScript compiled as CommonJS by tsx: its exports come as the default.
    import target from ${JSON.stringify(moduleUrl)};
    import * as v8 from 'node:v8';
    import { PerformanceObserver, constants } from 'node:perf_hooks';
    let fullCollections = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) fullCollections++;
    }).observe({ entryTypes: ['gc'] });
    ${work.setup}
    const kept = [];
    let largest = 0;
    for (let task = 0; task < ${work.tasks}; task++) {
      await new Promise((resolve) => setImmediate(resolve));
      const tree = [];
      for (let i = 0; i < 5000; i++) tree.push({ start: i, end: i + 1, text: 'token' + i });
      kept.push(tree);
      if (kept.length > ${work.keep}) kept.shift();
      largest = Math.max(largest, ${work.measure});
    }
    // The observer reports after the collection's task: let the last ones arrive.
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.stdout.write(JSON.stringify({ largest, fullCollections }));
  `;
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' })) as { largest: number; fullCollections: number };
}
