// Memory benchmark: what one analysed version of a Dockerfile keeps alive (parse + semantic
// model, the DockerfileDocument the language server caches per version), against dockerfile-ast
// 0.7.1's parse tree in the same run.
//
//   node bench/memory.mjs [--versions N]
//
// Each figure is the heap growth (after full garbage collections) while N versions of the
// same file (each with a different last line, as after N edits) are held, divided by N; the
// text itself is not counted. "read" is after asking every fact the editor may ask (every
// RUN's created and deleted files, every range), which fills the lazily computed parts.
// Re-runs itself with --expose-gc when needed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generateDockerfile, generateLongRunDockerfile, generateLspBenchDockerfile, loadCorpus, loadDockerfileAst, loadOurs } from './dockerfiles.mjs';

if (typeof globalThis.gc !== 'function') {
  const result = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

const versionsArg = process.argv.indexOf('--versions');
const versions = versionsArg > 0 ? Number(process.argv[versionsArg + 1]) : 5;
const ours = await loadOurs();
const { DockerfileParser } = loadDockerfileAst();

const inputs = [
  ['generated, dense (bench/parser.mjs)', [generateDockerfile(10_000)]],
  ['generated, long RUN scripts (bench/parser.mjs)', [generateLongRunDockerfile(10_000)]],
  ['the LSP harness 10,000-line file (lsp-bench bigDockerfile)', [generateLspBenchDockerfile(10_000)]],
];
const corpus = loadCorpus();
if (corpus.length > 0) inputs.push([`corpus: ${corpus.length} real Dockerfiles, all held`, corpus]);

console.log(`node ${process.version}; heap kept per version, ${versions} versions held (MB = 10^6 bytes)\n`);
for (const [name, texts] of inputs) {
  const textBytes = texts.reduce((sum, text) => sum + text.length, 0);
  const built = retained(texts, (text) => ours.analyzeText(text));
  const read = retained(texts, (text) => readEverything(ours.analyzeText(text)));
  const theirs = retained(texts, (text) => DockerfileParser.parse(text));
  const theirsRead = retained(texts, (text) => readDockerfileAst(DockerfileParser.parse(text)));
  console.log(name);
  console.log(`  text                                   ${mb(textBytes)}`);
  console.log(`  ours, parse + model                    ${mb(built)}  (${(built / textBytes).toFixed(1)}× the text)`);
  console.log(`  ours, after reading every fact         ${mb(read)}  (${(read / textBytes).toFixed(1)}× the text)`);
  console.log(`  dockerfile-ast 0.7.1, parse()          ${mb(theirs)}  → ours ${(built / theirs).toFixed(2)}× of it`);
  console.log(`  dockerfile-ast 0.7.1, after reading    ${mb(theirsRead)}  → ours ${(read / theirsRead).toFixed(2)}× of it`);
}

function retained(texts, analyse) {
  // Copies of the texts with a distinct last line, made before measuring so they are not counted.
  const copies = Array.from({ length: versions }, (_, v) => texts.map((text) => `${text}# version ${v}\n`));
  const warm = texts.map((text) => analyse(text));
  warm.length = 0;
  collect();
  const before = process.memoryUsage().heapUsed;
  const held = copies.map((version) => version.map((text) => analyse(text)));
  collect();
  const after = process.memoryUsage().heapUsed;
  if (held.length !== versions) throw new Error('unreachable');
  return (after - before) / versions;
}

function collect() {
  for (let i = 0; i < 4; i++) globalThis.gc();
}

function mb(bytes) {
  return `${(bytes / 1e6).toFixed(2).padStart(7)} MB`;
}

function readEverything(document) {
  for (const instruction of document.ast.instructions) void instruction.range;
  for (const facts of document.model.instructions) void facts.files;
  for (const reference of document.model.references) void reference.range;
  return document;
}

function readDockerfileAst(dockerfile) {
  for (const instruction of dockerfile.getInstructions()) {
    instruction.getRange();
    instruction.getArguments();
    if (typeof instruction.getFlags === 'function') instruction.getFlags();
    if (typeof instruction.getProperties === 'function') instruction.getProperties();
    for (const variable of instruction.getVariables()) dockerfile.resolveVariable(variable.getName(), variable.getNameRange().start.line);
  }
  return dockerfile;
}
