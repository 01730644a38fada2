// Inputs and loaders shared by the parser benchmarks (bench/parser.mjs, bench/memory.mjs).
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The Dockerfile core bundled with esbuild, as the shipped server bundles it. */
export async function loadOurs() {
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

/** dockerfile-ast 0.7.1, the parser of rcjsuen's language server. */
export function loadDockerfileAst() {
  return require('dockerfile-ast');
}

/** The 359 real Dockerfiles of ../shared/corpus/real (or $LAYERWISE_CORPUS/real); [] when absent. */
export function loadCorpus() {
  const dir = process.env.LAYERWISE_CORPUS ? join(process.env.LAYERWISE_CORPUS, 'real') : resolve(root, '../shared/corpus/real');
  if (!existsSync(dir)) return [];
  const texts = [];
  for (const repository of readdirSync(dir).sort()) {
    for (const file of readdirSync(join(dir, repository)).sort()) texts.push(readFileSync(join(dir, repository, file), 'utf8'));
  }
  return texts;
}

/** A Dockerfile shaped like the official images: few instructions, long RUN scripts with continuations. */
export function generateLongRunDockerfile(lines) {
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
export function generateDockerfile(lines) {
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

/**
 * The files the shared LSP harness (lsp-bench.mjs) opens, in its order: every file under `dir`,
 * names sorted, recursively, skipping empty files and files of 2 MB or more. [] without `dir`.
 */
export function harnessCorpusFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) return harnessCorpusFiles(path);
    return stat.size > 0 && stat.size < 2_000_000 ? [path] : [];
  });
}

/**
 * The 10,000-line file of the shared LSP harness (../shared/bench/lsp-bench.mjs, bigDockerfile):
 * 20 stages built FROM the first, an ENV every third line, a short RUN every other line. Same
 * shape, generated here so the parser benchmarks run without the harness.
 */
export function generateLspBenchDockerfile(lines) {
  const parts = ['# syntax=docker/dockerfile:1', 'ARG BASE=debian:12', 'FROM ${BASE} AS build', 'ENV APP_HOME=/app'];
  let stage = 0;
  while (parts.length < lines) {
    const i = parts.length;
    if (i % 500 === 0) parts.push(`FROM build AS stage${++stage}`);
    else if (i % 7 === 0) parts.push(`RUN apt-get update && apt-get install -y pkg${i} \\`, `    && rm -rf /var/lib/apt/lists/*`);
    else if (i % 5 === 0) parts.push(`COPY --chown=1000:1000 src/${i} $APP_HOME/${i}`);
    else if (i % 3 === 0) parts.push(`ENV VAR_${i}=value_${i}`);
    else parts.push(`RUN echo "line ${i}" > /tmp/f${i}`);
  }
  parts.push('WORKDIR $APP_HOME', 'HEALTHCHECK --interval=30s CMD true', 'CMD ["./app"]');
  return parts.join('\n') + '\n';
}
