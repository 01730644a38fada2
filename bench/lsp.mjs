#!/usr/bin/env node
// Our language server against rcjsuen's (dockerfile-language-server-nodejs 0.15.0, the one
// inside Microsoft's Docker extension), timed over LSP in the same run by the shared harness
// lsp-bench.mjs on the real-Dockerfile corpus; then each figure against its target, and the
// machine's load before and after (the machine is shared: read the figures with it).
//
//   npm run build && node bench/lsp.mjs [--rounds 3] [--corpus DIR] [--bench PATH/lsp-bench.mjs]
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
const result = spawnSync(process.execPath, [harness, '--server', ours, '--vs', theirs, '--corpus', corpus, '--rounds', option('rounds', '3')], {
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
process.stdout.write(result.stdout ?? '');
if (result.status !== 0) process.exit(result.status ?? 1);

// The targets of the language-server issues, each checked against this run.
let figures;
try {
  figures = JSON.parse(result.stdout);
} catch {
  process.exit(0);
}
const { a, b } = figures;
const rows = [
  ['initialize', a.initialize_ms, b.initialize_ms, 'ms', a.initialize_ms < 150, '< 150 ms'],
  ['peak memory (VmHWM)', a.peak_rss_mib, b.peak_rss_mib, 'MiB', a.peak_rss_mib <= b.peak_rss_mib, '≤ rcjsuen'],
  ['diagnostics after an edit at the end of 10,000 lines (p50)', a.big10k.edit_diagnostics_ms_p50, b.big10k.edit_diagnostics_ms_p50, 'ms', a.big10k.edit_diagnostics_ms_p50 < 15, '< 15 ms'],
  ['didOpen → diagnostics per file, p50', a.open_diagnostics_ms.p50, b.open_diagnostics_ms.p50, 'ms', a.open_diagnostics_ms.p50 <= b.open_diagnostics_ms.p50, '≤ rcjsuen'],
  ['didOpen → diagnostics per file, p99', a.open_diagnostics_ms.p99, b.open_diagnostics_ms.p99, 'ms', a.open_diagnostics_ms.p99 <= b.open_diagnostics_ms.p99, '≤ rcjsuen'],
  ['didOpen → diagnostics, whole corpus', a.open_diagnostics_ms.total_wall, b.open_diagnostics_ms.total_wall, 'ms', a.open_diagnostics_ms.total_wall <= b.open_diagnostics_ms.total_wall, '≤ rcjsuen'],
  ['completion p99', a.completion_ms.p99, b.completion_ms.p99, 'ms', a.completion_ms.p99 <= b.completion_ms.p99 / 4, '≤ ¼ of rcjsuen'],
  ['completion at the end of 10,000 lines', a.big10k.completion_at_end_ms, b.big10k.completion_at_end_ms, 'ms', a.big10k.completion_at_end_ms < 5, '< 5 ms'],
  ['semantic tokens, 2,000 lines', a.semantic_tokens_2k_lines_ms, b.semantic_tokens_2k_lines_ms, 'ms', a.semantic_tokens_2k_lines_ms !== null && a.semantic_tokens_2k_lines_ms < 20, '< 20 ms'],
];
console.log(`\nmachine load (1, 5, 15 min): before ${loadBefore}, after ${load()}; ${a.files} files, rounds ${option('rounds', '3')}`);
console.log('| metric | ours | rcjsuen | target | met |');
console.log('| --- | --- | --- | --- | --- |');
for (const [name, ours, theirs, unit, met, target] of rows) console.log(`| ${name} | ${ours} ${unit} | ${theirs} ${unit} | ${target} | ${met ? 'yes' : 'no'} |`);
