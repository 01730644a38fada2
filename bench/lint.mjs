#!/usr/bin/env node
// Lint benchmark: the rules engine alone (parse + model excluded, timed separately), bundled
// with esbuild as the server ships it, on the real-Dockerfile corpus and on lsp-bench.mjs's
// generated 10,000-line Dockerfile — cold (every RUN parsed by the shell parser) and after an
// edit at the end: from the previous version's lint (as the server lints) and from scratch with
// the scripts cached by text. Also compares with
// dockerfile-utils' validate (rcjsuen's linter) on the same inputs.
//
//   node bench/lint.mjs [--runs 9] [--profile]
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// The generator of ../shared/bench/lsp-bench.mjs, so figures compare with that harness.
import { generateLspBenchDockerfile as bigDockerfile } from './dockerfiles.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 9;
const require = createRequire(import.meta.url);

const out = mkdtempSync(join(tmpdir(), 'layerwise-lint-bench-'));
await build({
  stdin: {
    contents: `export { analyzeText } from './server/src/dockerfile';\nexport { lintDocument } from './server/src/dockerfile/rules';\nexport { ShellCache } from './server/src/dockerfile/shell/cache';\n`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: join(out, 'lint.cjs'),
  logLevel: 'error',
});
const { analyzeText, lintDocument, ShellCache } = require(join(out, 'lint.cjs'));
rmSync(out, { recursive: true, force: true });
const { validate } = require('dockerfile-utils');

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const time = (fn) => {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

function corpusFiles(dir) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...corpusFiles(path));
    else files.push(readFileSync(path, 'utf8'));
  }
  return files;
}

console.log(`node ${process.version}, median of ${runs} runs\n`);

const corpusDir = resolve(root, '../shared/corpus/real');
let corpus = [];
try {
  corpus = corpusFiles(corpusDir);
} catch {
  console.log(`corpus: ${corpusDir} not found, skipped\n`);
}
if (corpus.length > 0) {
  const docs = corpus.map((text) => analyzeText(text));
  const shells = new ShellCache();
  const cold = time(() => docs.forEach((doc) => lintDocument(doc, {}, new ShellCache())));
  docs.forEach((doc) => lintDocument(doc, {}, shells));
  const warm = median(Array.from({ length: runs }, () => time(() => docs.forEach((doc) => lintDocument(doc, {}, shells)))));
  const theirs = median(Array.from({ length: Math.max(3, Math.floor(runs / 3)) }, () => time(() => corpus.forEach((text) => validate(text)))));
  console.log(`corpus: ${corpus.length} files`);
  console.log(`  ours, lint only, cold shell cache   ${cold.toFixed(1)} ms`);
  console.log(`  ours, lint only, warm               ${warm.toFixed(1)} ms`);
  console.log(`  dockerfile-utils validate           ${theirs.toFixed(1)} ms (parse included)\n`);
}

const big = bigDockerfile(10_000);
const shells = new ShellCache();
const config = {};
const bigDoc = analyzeText(big);
let previous;
const cold = time(() => (previous = lintDocument(bigDoc, config, shells)));
const edits = [];
const incremental = [];
const analyses = [];
const freshAnalyses = [];
let previousDoc = bigDoc;
for (let v = 0; v < runs; v++) {
  const text = `${big}RUN echo edit${v}\n`;
  let doc;
  freshAnalyses.push(time(() => analyzeText(text)));
  // The server analyses a new version from the previous one (parse and model keep what precedes the edit).
  analyses.push(time(() => (doc = analyzeText(text, {}, previousDoc))));
  previousDoc = doc;
  // The server lints a new version with what the lint of the previous one left (its memory).
  incremental.push(time(() => (previous = lintDocument(doc, config, shells, previous.memory))));
  edits.push(time(() => lintDocument(analyzeText(text), config, shells)));
}
// The first edit after opening: the lint from the memory of the open's lint (which builds the
// block of findings that edit carries over), each time after a fresh open (scripts cached).
const firstEdits = [];
for (let v = 0; v < runs; v++) {
  const opened = analyzeText(big);
  const openLint = lintDocument(opened, config, shells);
  const doc = analyzeText(`${big}RUN echo first${v}\n`, {}, opened);
  firstEdits.push(time(() => lintDocument(doc, config, shells, openLint.memory)));
}
const theirs = median(Array.from({ length: 3 }, () => time(() => validate(big))));
console.log(`generated: ${big.split('\n').length - 1} lines`);
console.log(`  ours, lint, cold shell cache        ${cold.toFixed(1)} ms`);
console.log(`  ours, after an edit: parse + model from the previous version (the server)  ${median(analyses).toFixed(1)} ms`);
console.log(`  ours, after an edit: parse + model from scratch                       ${median(freshAnalyses).toFixed(1)} ms`);
console.log(`  ours, after an edit: lint from the previous version (the server)  ${median(incremental).toFixed(1)} ms`);
console.log(`  ours, the first edit after opening: lint from the open's memory      ${median(firstEdits).toFixed(1)} ms`);
console.log(`  ours, after an edit: lint from scratch (scripts cached)          ${median(edits).toFixed(1)} ms`);
console.log(`  ours, after an edit: total (parse + model + lint, the server)  ${(median(analyses) + median(incremental)).toFixed(1)} ms`);
console.log(`  dockerfile-utils validate           ${theirs.toFixed(1)} ms`);
console.log(`  ratio (theirs / ours, after edit)   ${(theirs / (median(analyses) + median(incremental))).toFixed(1)}×`);

