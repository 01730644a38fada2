// Preloaded into a language server by bench/lsp-timeline.mjs (node -r): records when each chunk
// of standard input arrives, when the server starts writing to standard output, and its
// garbage-collection pauses, on the clock the benchmark reads too (performance.timeOrigin +
// performance.now()), then writes them to LAYERWISE_TIMELINE_FILE when the server exits.
// It changes nothing the server does: it only listens and wraps the writes to time them.
'use strict';
const { writeFileSync } = require('node:fs');
const { PerformanceObserver, performance } = require('node:perf_hooks');

const file = process.env.LAYERWISE_TIMELINE_FILE;
if (file) {
  const now = () => performance.timeOrigin + performance.now();
  const events = { reads: [], writes: [], gcs: [] };
  process.stdin.on('data', (chunk) => events.reads.push([now(), chunk.length]));
  const stdout = process.stdout;
  for (const method of ['_write', '_writev']) {
    const original = stdout[method];
    if (typeof original !== 'function') continue;
    stdout[method] = function timed(...args) {
      events.writes.push(now());
      return original.apply(this, args);
    };
  }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) events.gcs.push([performance.timeOrigin + entry.startTime, entry.duration]);
  }).observe({ entryTypes: ['gc'] });
  process.on('exit', () => writeFileSync(file, JSON.stringify(events)));
}
