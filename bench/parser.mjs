// Parser benchmark: our parser + semantic model against dockerfile-ast 0.7.1 (the parser of
// rcjsuen's language server and thus of Microsoft's Docker extension), in the same run, on
// the real-world corpus and on a generated 10,000-line Dockerfile; then adversarial 1 MB inputs.
//
//   node bench/parser.mjs [--runs N]
//
// Our TypeScript is bundled with esbuild first (as the shipped server is). Times are medians of
// N runs after warm-up. Targets: ≥ 50× on the 10,000-line file with parse + model under 10 ms,
// ≥ 20× on the corpus, and each adversarial input well under 100 ms.
//
// dockerfile-ast is lazy: parse() only finds instructions; arguments, flags, variables and
// their values are computed when asked. Two figures are printed for it: its bare parse(), and
// parse() plus asking for what our parse + model returns (every instruction's arguments,
// flags, properties and variables, FROM's image parts, and each variable's value where it is
// used) — what its language server does on every validation.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 25;

const require = createRequire(import.meta.url);
const { DockerfileParser } = require('dockerfile-ast');
const ours = await loadOurs();

const corpus = loadCorpus();
const generated = generateDockerfile(10_000);
const generatedLong = generateLongRunDockerfile(10_000);

console.log(`node ${process.version}, ${runs} runs per figure (median), after warm-up\n`);

const rows = [];
if (corpus.length > 0) {
  const totalBytes = corpus.reduce((sum, text) => sum + text.length, 0);
  rows.push(compare(`corpus: ${corpus.length} real Dockerfiles (${(totalBytes / 1024).toFixed(0)} KiB)`, corpus, 20));
} else {
  console.log('corpus: ../shared/corpus/real not found, skipped\n');
}
rows.push(compare(`generated, dense: ${generated.split('\n').length - 1} lines (${(generated.length / 1024).toFixed(0)} KiB), one instruction per ~2 lines`, [generated], 50));
rows.push(compare(`generated, long RUN scripts: ${generatedLong.split('\n').length - 1} lines (${(generatedLong.length / 1024).toFixed(0)} KiB), like the corpus (~6 lines per instruction)`, [generatedLong], 50));

console.log('\nadversarial inputs (ours: parse + model; dockerfile-ast not run: it is not linear on all of them)');
const adversarial = [
  ['100k backslashes', 'FROM x\nRUN ' + '\\'.repeat(100_000)],
  ['100k backslash-newlines', 'FROM x\nRUN a' + ' \\\n'.repeat(100_000)],
  ['10k nested ${', 'FROM x\nENV A=' + '${A:-'.repeat(10_000)],
  ['100k here-doc markers', 'FROM x\nRUN ' + '<<EOF '.repeat(100_000)],
  ['one 1 MB line', 'FROM x\nRUN ' + 'echo hello '.repeat(95_000)],
  ['1 MB of "["', 'FROM x\nCMD ' + '['.repeat(1 << 20)],
  ['1 MB of one character', 'a'.repeat(1 << 20)],
  ['1 MB of "$"', 'FROM x\nENV A=' + '$'.repeat(1 << 20)],
  ['50k-line here-document', 'FROM x\nRUN <<EOF\n' + 'echo line\n'.repeat(50_000) + 'EOF\n'],
];
let worst = 0;
for (const [name, text] of adversarial) {
  const ms = median(() => ours.analyzeText(text), Math.min(runs, 7));
  worst = Math.max(worst, ms);
  console.log(`  ${name.padEnd(26)} ${(text.length / 1024).toFixed(0).padStart(5)} KiB  ${ms.toFixed(1).padStart(7)} ms`);
}
console.log(`  worst: ${worst.toFixed(1)} ms (target: well under 100 ms)`);

console.log('\nsummary (target: ≥ 50× on the 10,000-line file, ≥ 20× on the corpus)');
for (const row of rows) {
  const verdict = (ratio) => (ratio >= row.target ? 'meets' : 'below');
  console.log(`  ${row.name}: ours ${row.ours.toFixed(2)} ms`);
  console.log(`    vs dockerfile-ast parse()           ${row.theirs.toFixed(2)} ms → ${row.ratio.toFixed(1)}× (${verdict(row.ratio)} ${row.target}×)`);
  console.log(`    vs dockerfile-ast same information  ${row.theirsFull.toFixed(2)} ms → ${row.fullRatio.toFixed(1)}× (${verdict(row.fullRatio)} ${row.target}×)`);
}

function compare(name, texts, target) {
  const oursMs = median(() => {
    for (const text of texts) ours.analyzeText(text);
  }, runs);
  const oursParseMs = median(() => {
    for (const text of texts) ours.parseDockerfile(text);
  }, runs);
  const theirsMs = median(() => {
    for (const text of texts) DockerfileParser.parse(text);
  }, runs);
  const theirsFullMs = median(() => {
    for (const text of texts) equivalentWork(DockerfileParser.parse(text));
  }, Math.min(runs, 9));
  const ratio = theirsMs / oursMs;
  const fullRatio = theirsFullMs / oursMs;
  console.log(name);
  console.log(`  ours, parse only                         ${oursParseMs.toFixed(2).padStart(9)} ms`);
  console.log(`  ours, parse + model                      ${oursMs.toFixed(2).padStart(9)} ms`);
  console.log(`  dockerfile-ast 0.7.1, parse()            ${theirsMs.toFixed(2).padStart(9)} ms   → ${ratio.toFixed(1)}× (vs our parse only: ${(theirsMs / oursParseMs).toFixed(1)}×)`);
  console.log(`  dockerfile-ast 0.7.1, same information   ${theirsFullMs.toFixed(2).padStart(9)} ms   → ${fullRatio.toFixed(1)}×`);
  return { name, ours: oursMs, theirs: theirsMs, theirsFull: theirsFullMs, ratio, fullRatio, target };
}

/** Asks dockerfile-ast for what our parse + model hands out. */
function equivalentWork(dockerfile) {
  dockerfile.getDirectives();
  dockerfile.getComments();
  for (const instruction of dockerfile.getInstructions()) {
    instruction.getKeyword();
    instruction.getRange();
    instruction.getArguments();
    if (typeof instruction.getFlags === 'function') instruction.getFlags();
    if (typeof instruction.getProperties === 'function') instruction.getProperties();
    if (typeof instruction.getImageName === 'function') {
      instruction.getImageName();
      instruction.getImageTag();
      instruction.getImageDigest();
      instruction.getBuildStage();
    }
    if (typeof instruction.getSubcommand === 'function') instruction.getSubcommand();
    for (const variable of instruction.getVariables()) dockerfile.resolveVariable(variable.getName(), variable.getNameRange().start.line);
  }
}

function median(fn, count) {
  for (let i = 0; i < Math.max(3, Math.ceil(count / 3)); i++) fn();
  const times = [];
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function loadOurs() {
  const dir = mkdtempSync(join(tmpdir(), 'layerwise-bench-'));
  const outfile = join(dir, 'core.cjs');
  try {
    await build({
      entryPoints: [join(root, 'server/src/dockerfile/index.ts')],
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

function loadCorpus() {
  const dir = process.env.LAYERWISE_CORPUS ? join(process.env.LAYERWISE_CORPUS, 'real') : resolve(root, '../shared/corpus/real');
  if (!existsSync(dir)) return [];
  const texts = [];
  for (const repository of readdirSync(dir).sort()) {
    for (const file of readdirSync(join(dir, repository)).sort()) texts.push(readFileSync(join(dir, repository, file), 'utf8'));
  }
  return texts;
}

/** A Dockerfile shaped like the official images: few instructions, long RUN scripts with continuations. */
function generateLongRunDockerfile(lines) {
  const script = [
    'RUN set -eux; \\',
    '\tsavedAptMark="$(apt-mark showmanual)"; \\',
    '\tapt-get update; \\',
    '\tapt-get install -y --no-install-recommends \\',
    '\t\tdpkg-dev gcc gnupg libbz2-dev libc6-dev libffi-dev libgdbm-dev liblzma-dev \\',
    '\t\tlibncursesw5-dev libreadline-dev libsqlite3-dev libssl-dev make tk-dev uuid-dev \\',
    '\t\twget xz-utils zlib1g-dev \\',
    '\t; \\',
    '\t\\',
    '\twget -O app.tar.xz "https://example.org/ftp/app/${VERSION%%[a-z]*}/app-$VERSION.tar.xz"; \\',
    '\twget -O app.tar.xz.asc "https://example.org/ftp/app/${VERSION%%[a-z]*}/app-$VERSION.tar.xz.asc"; \\',
    '\tGNUPGHOME="$(mktemp -d)"; export GNUPGHOME; \\',
    '\tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$GPG_KEY"; \\',
    '\tgpg --batch --verify app.tar.xz.asc app.tar.xz; \\',
    '\tgpgconf --kill all; \\',
    '\trm -rf "$GNUPGHOME" app.tar.xz.asc; \\',
    '\tmkdir -p /usr/src/app; \\',
    '\ttar --extract --directory /usr/src/app --strip-components=1 --file app.tar.xz; \\',
    '\trm app.tar.xz; \\',
    '\t\\',
    '\tcd /usr/src/app; \\',
    '\tgnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \\',
    '\t./configure --build="$gnuArch" --enable-loadable-sqlite-extensions --enable-optimizations \\',
    '\t\t--enable-option-checking=fatal --enable-shared --with-lto --with-system-expat; \\',
    '\tnproc="$(nproc)"; \\',
    '\tmake -j "$nproc" LDFLAGS="-Wl,--strip-all"; \\',
    '\tmake install; \\',
    '\t\\',
    '\tcd /; \\',
    '\trm -rf /usr/src/app; \\',
    "\tapt-mark auto '.*' > /dev/null; \\",
    '\t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; \\',
    '\tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \\',
    '\trm -rf /var/lib/apt/lists/*',
  ];
  const out = ['ARG DEBIAN=bookworm', 'ARG VERSION=3.12.7', ''];
  let stage = 0;
  while (out.length < lines) {
    out.push(`# part ${stage}: build from source, then keep only what runs`);
    out.push(stage === 0 ? 'FROM debian:${DEBIAN}-slim AS build0' : `FROM build${stage - 1} AS build${stage}`);
    out.push('ARG VERSION', `ENV LANG=C.UTF-8 PREFIX=/usr/local/app${stage} GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D`);
    out.push(...script);
    out.push('COPY --link docker-entrypoint.sh /usr/local/bin/', 'WORKDIR $PREFIX', `EXPOSE ${8000 + (stage % 1000)}`);
    out.push(`CMD ["app${stage}"]`, '');
    stage++;
  }
  return out.slice(0, lines).join('\n') + '\n';
}

/** A realistic multi-stage Dockerfile of about `lines` lines: every kind of instruction, continuations, comments. */
function generateDockerfile(lines) {
  const out = ['# syntax=docker/dockerfile:1', 'ARG BASE_IMAGE=debian:bookworm-slim', 'ARG VERSION=1.2.3', ''];
  let stage = 0;
  while (out.length < lines) {
    const name = `stage${stage}`;
    out.push(`# Stage ${stage}: builds part ${stage} of the application`);
    out.push(stage === 0 ? `FROM \${BASE_IMAGE} AS ${name}` : `FROM stage${stage - 1} AS ${name}`);
    out.push(`ARG VERSION`, `ENV APP_HOME=/opt/app${stage} PATH=/opt/app${stage}/bin:$PATH LANG=C.UTF-8`);
    out.push(`LABEL org.opencontainers.image.version="\${VERSION}" org.opencontainers.image.title="part ${stage}"`);
    out.push(`WORKDIR $APP_HOME`);
    out.push(
      'RUN set -eux; \\',
      '    apt-get update; \\',
      '    apt-get install -y --no-install-recommends \\',
      '        ca-certificates curl git gnupg \\',
      '        build-essential pkg-config; \\',
      '    # keep the image small',
      '    rm -rf /var/lib/apt/lists/*',
    );
    out.push(`COPY --chown=app:app --chmod=0755 ["src/part${stage}", "./src/"]`);
    out.push(`COPY --from=stage0 /opt/app0/bin/tool /usr/local/bin/tool${stage}`);
    out.push(`RUN --mount=type=cache,target=/root/.cache,id=cache${stage} --mount=type=bind,source=go.mod,target=go.mod \\`);
    out.push(`    make -C src build VERSION="\${VERSION}" OUT=/opt/app${stage}/bin`);
    out.push('RUN <<EOF', 'set -e', `echo "built part ${stage}" > /opt/app${stage}/BUILT`, 'EOF');
    out.push(`EXPOSE ${8000 + (stage % 1000)}/tcp`);
    out.push(`HEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://localhost:${8000 + (stage % 1000)}/health || exit 1`);
    out.push(`USER app:app`, `ENTRYPOINT ["/opt/app${stage}/bin/app"]`, `CMD ["--port", "${8000 + (stage % 1000)}"]`, '');
    stage++;
  }
  return out.slice(0, lines).join('\n') + '\n';
}
