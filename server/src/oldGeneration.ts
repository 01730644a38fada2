// The language server lets V8's old generation grow by half of what a full collection leaves
// alive, instead of V8's own factor (up to 4× for a process that allocates fast, as a server
// opening a workspace does).
//
// Why: what the server keeps is small next to what it throws away. Opening ../shared/bench's
// 359 files and a 10,000-line Dockerfile leaves about 55 MB alive, but each full collection let
// the heap's limit run far ahead of that, and the pages committed for the garbage in between
// set the peak resident memory. With the factor at 1.5, lsp-bench.mjs's peak went from
// 159–164 MiB to 142–146 MiB (three alternated runs, Node 20; rcjsuen's server: 157–175 MiB).
//
// What it costs: more full collections, most of their marking on V8's helper thread. Opening
// the 359 files took 4–8% longer (2.02–2.27 s → 2.18–2.36 s); opening the 10,000-line file,
// edits, completion and hover did not move beyond the noise.
//
// How: `--heap-growing-percent` is read each time a full collection sets the next limit, so it
// can be set once the server runs (an editor starts the server with its own command line).
import { setHeapFlag } from './heapFlags';

/** How much the old generation may grow past what the last full collection kept, in percent. */
export const OLD_GENERATION_GROWTH_PERCENT = 50;

/** Makes every later full collection set the heap's next limit `percent` above what it kept. */
export function slowOldGenerationGrowth(percent = OLD_GENERATION_GROWTH_PERCENT): void {
  setHeapFlag('heap-growing-percent', String(percent));
}
