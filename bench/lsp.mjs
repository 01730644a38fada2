#!/usr/bin/env node
// Our language server against rcjsuen's (dockerfile-language-server-nodejs 0.15.0, the one
// inside Microsoft's Docker extension), timed over LSP in the same run by the shared harness
// lsp-bench.mjs on the real-Dockerfile corpus.
//
//   npm run build && node bench/lsp.mjs [--rounds 3] [--corpus DIR] [--bench PATH/lsp-bench.mjs]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
const ours = `node ${join(root, 'dist/server.js')} --stdio`;
const theirs = `node ${join(root, 'node_modules/dockerfile-language-server-nodejs/lib/server.js')} --stdio`;
const result = spawnSync(process.execPath, [harness, '--server', ours, '--vs', theirs, '--corpus', corpus, '--rounds', option('rounds', '3')], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
