#!/usr/bin/env node
// Editing features on big files: every feature of issue 9 on the generated 10,000-line
// Dockerfile (the one ../shared/bench/lsp-bench.mjs uses), semantic tokens on the 2,000-line
// one, against rcjsuen's dockerfile-language-service 0.15 (inside Microsoft's Docker extension)
// in the same run.
//
//   node bench/editing.mjs [--runs 15] [--rcjsuen-10k]   (rcjsuen's semantic tokens on 10,000 lines take about a minute)
//
// Our core is bundled with esbuild first, as the shipped server is. "ours" is the feature alone on
// the parsed document (the server parses once per version and every request reuses it);
// "ours + parse" adds parsing and analysis, as the first request after an edit pays it.
// rcjsuen's service parses the text on every call. Times are medians after warm-up.
// Targets: every feature under 10 ms on the 10,000-line file; semantic tokens of the
// 2,000-line file under 20 ms with parsing.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// The generator of ../shared/bench/lsp-bench.mjs, so figures compare with that harness.
import { generateLspBenchDockerfile as bigDockerfile } from './dockerfiles.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const runs = Number(option('runs', '15'));
const rcjsuen10k = process.argv.includes('--rcjsuen-10k');
const require = createRequire(import.meta.url);
const service = require('dockerfile-language-service').DockerfileLanguageServiceFactory.createLanguageService();
const ours = await bundleOurs();

/** The same file as a careless author writes it: lower-case keywords, odd spacing, trailing blanks. */
function messy(text) {
  return text
    .split('\n')
    .map((line, index) => {
      if (index % 4 === 0 && /^[A-Z]+ /.test(line)) line = line.replace(/^([A-Z]+) /, (_, keyword) => `${keyword.toLowerCase()}   `);
      if (line.startsWith('    && ')) line = '       && ' + line.slice(7);
      return index % 3 === 0 ? `${line}   ` : line;
    })
    .join('\n');
}

async function bundleOurs() {
  const dir = mkdtempSync(join(tmpdir(), 'layerwise-editing-bench-'));
  const outfile = join(dir, 'editing.cjs');
  try {
    await build({
      stdin: {
        contents: [
          "export { analyzeText } from './server/src/dockerfile';",
          "export { documentSymbols } from './server/src/dockerfile/symbols';",
          "export * from './server/src/dockerfile/navigation';",
          "export { foldingRanges } from './server/src/dockerfile/folding';",
          "export { selectionRanges } from './server/src/dockerfile/selection';",
          "export * from './server/src/dockerfile/format';",
          "export * from './server/src/dockerfile/semanticTokens';",
          "export { documentLinks } from './server/src/dockerfile/links';",
          "export { buildLenses } from './server/src/dockerfile/codeLens';",
        ].join('\n'),
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      outfile,
      logLevel: 'error',
    });
    return require(outfile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(fn, count = runs) {
  for (let i = 0; i < 3; i++) fn();
  const times = [];
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function positionOf(text, needle, fromEnd = true) {
  const offset = fromEnd ? text.lastIndexOf(needle) : text.indexOf(needle);
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { offset: offset + 1, position: { line, character: offset + 1 - (before.lastIndexOf('\n') + 1) } };
}

const text10k = bigDockerfile(10_000);
const text2k = bigDockerfile(2_000);
const messy10k = messy(text10k);
const uri = { uri: 'file:///bench/Dockerfile' };
const spaces = { tabSize: 4, insertSpaces: true };
const doc10k = ours.analyzeText(text10k);
const doc2k = ours.analyzeText(text2k);
const messyDoc = ours.analyzeText(messy10k);
const use = positionOf(text10k, '$APP_HOME');
const stageName = positionOf(text10k, 'stage3', false);
const middleLine = 5_000;

const parse10k = median(() => ours.analyzeText(text10k));
const parse2k = median(() => ours.analyzeText(text2k));
const rows = [];
function row(feature, oursFn, theirsFn, parseMs = parse10k, theirsCount = runs) {
  const mine = median(oursFn);
  const theirs = theirsFn ? median(theirsFn, theirsCount) : undefined;
  rows.push({ feature, mine, withParse: mine + parseMs, theirs });
}

row('document symbols', () => ours.documentSymbols(doc10k), () => service.computeSymbols(uri, text10k));
row('definition', () => ours.findDefinition(doc10k, use.offset), () => service.computeDefinition(uri, text10k, use.position));
row('references', () => ours.findReferences(doc10k, use.offset, true), undefined);
row('document highlight', () => ours.documentHighlights(doc10k, use.offset), () => service.computeHighlightRanges(text10k, use.position));
row('prepare rename', () => ours.prepareRename(doc10k, use.offset), () => service.prepareRename(text10k, use.position));
row('rename variable (APP_HOME)', () => ours.rename(doc10k, use.offset, 'APP_DIR'), () => service.computeRename(uri, text10k, use.position, 'APP_DIR'));
row('rename stage', () => ours.rename(doc10k, stageName.offset, 'compile'), () => service.computeRename(uri, text10k, stageName.position, 'compile'));
row('folding ranges', () => ours.foldingRanges(doc10k), () => service.computeFoldingRanges(text10k));
row('selection ranges', () => ours.selectionRanges(doc10k, [use.offset]), undefined);
row('format document (formatted file)', () => ours.formatDocument(doc10k, spaces), () => service.format(text10k, spaces));
row('format document (messy file)', () => ours.formatDocument(messyDoc, spaces), () => service.format(messy10k, spaces));
row('format range (100 lines)', () => ours.formatLines(messyDoc, spaces, { startLine: middleLine, endLine: middleLine + 99 }), () =>
  service.formatRange(messy10k, { start: { line: middleLine, character: 0 }, end: { line: middleLine + 100, character: 0 } }, spaces),
);
row('format on type (Enter)', () => ours.formatOnType(doc10k, { line: 9_000, character: 0 }, '\n', spaces), () => service.formatOnType(text10k, { line: 9_000, character: 0 }, '\n', spaces));
row('semantic tokens, full', () => ours.semanticTokens(doc10k), rcjsuen10k ? () => service.computeSemanticTokens(text10k) : undefined, parse10k, 1);
row('semantic tokens, range (60 lines)', () => ours.semanticTokens(doc10k, { startLine: middleLine, endLine: middleLine + 59 }), undefined);
const tokensBefore = ours.semanticTokens(doc10k).data;
const editedDoc = ours.analyzeText(text10k.replace('ENV APP_HOME=/app\n', 'ENV APP_HOME=/app\nENV EXTRA=1\n'));
row('semantic tokens, delta after an edit', () => ours.semanticTokensEdits(tokensBefore, ours.semanticTokens(editedDoc).data), undefined);
row('document links', () => ours.documentLinks(doc10k), () => service.computeLinks(text10k));
row('code lenses', () => ours.buildLenses(doc10k, '/bench/Dockerfile'), undefined);

const tokens2k = median(() => ours.semanticTokens(doc2k));
const theirs2k = median(() => service.computeSemanticTokens(text2k), 3);

const format = (ms) => (ms === undefined ? '—' : ms >= 100 ? ms.toFixed(0) : ms.toFixed(2));
console.log(`node ${process.version}; median of ${runs} runs after warm-up; 10,000-line file: ${text10k.length.toLocaleString('en')} characters, ${doc10k.ast.instructions.length} instructions, ${doc10k.model.stages.length} stages`);
console.log(`parse + analysis (once per version): 10,000 lines ${format(parse10k)} ms, 2,000 lines ${format(parse2k)} ms\n`);
console.log('| feature on 10,000 lines | ours (ms) | ours + parse (ms) | rcjsuen (ms) | rcjsuen / ours + parse |');
console.log('|---|---:|---:|---:|---:|');
let worst = 0;
for (const { feature, mine, withParse, theirs } of rows) {
  worst = Math.max(worst, mine);
  console.log(`| ${feature} | ${format(mine)} | ${format(withParse)} | ${format(theirs)} | ${theirs === undefined ? '—' : `${(theirs / withParse).toFixed(1)}×`} |`);
}
console.log(`\nsemantic tokens, 2,000-line file: ours ${format(tokens2k)} ms (${format(tokens2k + parse2k)} ms with parse), rcjsuen ${format(theirs2k)} ms → ${(theirs2k / (tokens2k + parse2k)).toFixed(0)}×`);
console.log(`slowest feature on 10,000 lines: ${format(worst)} ms (target < 10 ms) ${worst < 10 ? 'OK' : 'MISSED'}; semantic tokens 2,000 lines with parse ${tokens2k + parse2k < 20 ? 'OK' : 'MISSED'} (target < 20 ms)`);
