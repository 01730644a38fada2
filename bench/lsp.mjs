#!/usr/bin/env node
// Our language server against rcjsuen's (dockerfile-language-server-nodejs 0.15.0, the one
// inside Microsoft's Docker extension), timed over LSP in the same run by the shared harness
// lsp-bench.mjs on the real-Dockerfile corpus; then each figure against its target, and the
// machine's load before and after (the machine is shared: read the figures with it).
//
//   npm run build && node bench/lsp.mjs [--runs 1] [--rounds 3] [--corpus DIR] [--bench PATH/lsp-bench.mjs] [--raw]
//
// --runs N runs the harness N times and judges each target on the medians (--raw also prints
// the harness's JSON of every run; with one run it is always printed).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const harness = option('bench', process.env.LAYERWISE_LSP_BENCH ?? resolve(root, '../shared/bench/lsp-bench.mjs'));
const corpus = option('corpus', resolve(root, '../shared/corpus/real'));
for (const [what, path] of [['the harness lsp-bench.mjs', harness], ['the corpus', corpus], ['dist/server.js (run npm run build)', join(root, 'dist/server.js')]]) {
  if (!existsSync(path)) {
    console.error(`bench/lsp.mjs: ${what} is missing at ${path}`);
    process.exit(2);
  }
}
const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');
const loadBefore = load();
const ours = `node ${join(root, 'dist/server.js')} --stdio`;
const theirs = `node ${join(root, 'node_modules/dockerfile-language-server-nodejs/lib/server.js')} --stdio`;
// Several single-sample figures (initialize, completion at the end, semantic tokens) move with
// whatever the collector or the machine does at that instant: the verdicts are read off the
// median of the runs, and every run's figure is printed beside it.
const runs = Math.max(1, Number(option('runs', '1')));
const raw = process.argv.includes('--raw');
const results = [];
for (let run = 0; run < runs; run++) {
  const result = spawnSync(process.execPath, [harness, '--server', ours, '--vs', theirs, '--corpus', corpus, '--rounds', option('rounds', '3')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (runs === 1 || raw) process.stdout.write(result.stdout ?? '');
  if (result.status !== 0) process.exit(result.status ?? 1);
  try {
    results.push(JSON.parse(result.stdout));
  } catch {
    process.exit(0);
  }
}

// The targets of the language-server issues, each checked against the median of the runs.
const median = (values) => {
  const sorted = values.filter((value) => value !== null && value !== undefined).sort((x, y) => x - y);
  if (sorted.length === 0) return null;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : +((sorted[middle - 1] + sorted[middle]) / 2).toFixed(3);
};
const metrics = [
  ['initialize', (side) => side.initialize_ms, 'ms', (o) => o < 150, '< 150 ms'],
  ['peak memory (VmHWM)', (side) => side.peak_rss_mib, 'MiB', (o, t) => o <= t, '≤ rcjsuen'],
  ['diagnostics after an edit at the end of 10,000 lines (p50)', (side) => side.big10k.edit_diagnostics_ms_p50, 'ms', (o) => o < 15, '< 15 ms'],
  ['didOpen → diagnostics per file, p50', (side) => side.open_diagnostics_ms.p50, 'ms', (o, t) => o <= t, '≤ rcjsuen'],
  ['didOpen → diagnostics per file, p99', (side) => side.open_diagnostics_ms.p99, 'ms', (o, t) => o <= t, '≤ rcjsuen'],
  ['didOpen → diagnostics, whole corpus', (side) => side.open_diagnostics_ms.total_wall, 'ms', (o, t) => o <= t, '≤ rcjsuen'],
  ['completion p99', (side) => side.completion_ms.p99, 'ms', (o, t) => o <= t / 4, '≤ ¼ of rcjsuen'],
  ['completion at the end of 10,000 lines', (side) => side.big10k.completion_at_end_ms, 'ms', (o) => o < 5, '< 5 ms'],
  ['semantic tokens, 2,000 lines', (side) => side.semantic_tokens_2k_lines_ms, 'ms', (o) => o !== null && o < 20, '< 20 ms'],
];
const shown = (values, unit) => (runs === 1 ? `${values[0]} ${unit}` : `${median(values)} ${unit} (${values.join(' / ')})`);
console.log(`\nmachine load (1, 5, 15 min): before ${loadBefore}, after ${load()}; ${results[0].a.files} files, rounds ${option('rounds', '3')}, runs ${runs}${runs > 1 ? ' (median, then each run)' : ''}`);
console.log('| metric | ours | rcjsuen | target | met |');
console.log('| --- | --- | --- | --- | --- |');
for (const [name, pick, unit, meets, target] of metrics) {
  const oursValues = results.map(({ a }) => pick(a));
  const theirValues = results.map(({ b }) => pick(b));
  console.log(`| ${name} | ${shown(oursValues, unit)} | ${shown(theirValues, unit)} | ${target} | ${meets(median(oursValues), median(theirValues)) ? 'yes' : 'no'} |`);
}
