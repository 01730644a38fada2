// The language server keeps V8's young generation small, so a burst of work (opening a
// 10,000-line Dockerfile, a workspace's files at startup) does not leave the process 30 MB
// bigger for the rest of the editor session.
//
// Why: V8 doubles the young generation (2 × 1 MB at start, up to 2 × 16 MB on 64-bit) each time
// most of what a scavenge finds is alive, which is what building a syntax tree looks like. The
// 32 MB stay committed for the life of the process, while the server's allocations are short
// bursts around one document. Capped at 2 × 2 MB, the peak resident memory of
// ../shared/bench/lsp-bench.mjs went from 191–195 MiB to 154–172 MiB (bench/lsp.mjs).
//
// What it costs: a syntax tree bigger than a semi-space is copied twice by the collector (class
// instances are never allocated straight in old space). A full parse + model of a 10,000-line
// file takes 13–16 ms instead of 7–8 ms; the server does that only when such a file is opened
// (edits reuse the previous tree), and opening lsp-bench.mjs's 10,000-line file took ~10% longer
// (616 → 683 ms, means of 5–7 runs, most of it the rules). Its other timings did not move.
//
// Why not smaller: at 2 × 1 MB, the rules engine's temporaries live through two scavenges and are
// promoted; old space then ended at 94 MB instead of 75 MB and the peak at 175–182 MiB.
//
// V8 13 (Node 24, and the Node of recent editors) grows a paged young generation in bigger steps,
// up to 64–128 MB here: the same setting stops it at 12–17 MB there, and the harness's peak under
// Node 24 went from 313–315 MiB to 197–206 MiB.
//
// How: `--max-semi-space-size` is read only when the heap is created, before any code runs (and an
// editor starts the server with its own flags), but `--semi-space-growth-factor` is read at every
// growth. So the generation grows as usual up to the cap, then growing stops.
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';
import { setHeapFlag } from './heapFlags';

/** Both semi-spaces together, as `new_space` reports its size. */
export const YOUNG_GENERATION_CAP = 4 * 1024 * 1024;

/** The young generation's size now (both semi-spaces). */
export function youngGenerationSize(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
}

/**
 * Stops the young generation from growing past `cap` bytes. Until it reaches the cap, each minor
 * collection is watched and growing stops at the first one that reached it (a growth that happens
 * inside one long task may go one step past before the watcher runs).
 */
export function capYoungGeneration(cap = YOUNG_GENERATION_CAP): void {
  const stopGrowing = (): boolean => {
    if (youngGenerationSize() < cap) return false;
    setHeapFlag('semi-space-growth-factor', '1');
    return true;
  };
  if (stopGrowing()) return;
  const watcher = new PerformanceObserver((list) => {
    const minor = list.getEntries().some((entry) => (entry.detail as { kind?: number } | undefined)?.kind === constants.NODE_PERFORMANCE_GC_MINOR);
    if (minor && stopGrowing()) watcher.disconnect();
  });
  watcher.observe({ entryTypes: ['gc'] });
}
