// One build script for every bundle: the extension (client), the language server, the CLI
// and the layer-analysis worker, plus the editor-tier test suite.
//
//   node esbuild.mjs               development build (sourcemaps)
//   node esbuild.mjs --watch       rebuild on change
//   node esbuild.mjs --production  minified, no sourcemaps (what the VSIX ships)
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// ssh2 (under dockerode) loads two optional native modules inside try/catch and falls back to
// pure JavaScript when they are missing. A bundle cannot hold .node files, so they stay external:
// on a clean machine the require fails, is caught, and ssh2 uses its JavaScript crypto.
const optionalNative = ['cpu-features', '*.node'];

// Modules the server and the CLI load only when first needed (`require()` at the point of use):
// the shell parser (3 MB of GopherJS, needed at the first RUN script) and the engine module
// (dockerode with ssh2 and gRPC, needed at the first layer analysis). In one bundle their code
// would still be read and compiled at every start; as separate files next to the bundle, a
// start that does not need them never reads them.
// mvdan-sh is third-party generated code: minified in every build, which halves what is read,
// compiled and kept in memory (V8 keeps a script's source) when the first RUN is linted.
const lazyChunks = [
  { name: 'mvdan-sh', entry: 'mvdan-sh', matches: (path) => path === 'mvdan-sh', minify: true },
  { name: 'engine', entry: 'client/src/engine/index.ts', matches: (path) => /(^|\/)client\/src\/engine$/.test(path), minify: false },
];

/**
 * Turns the lazy `require()`s of `lazyChunks` into `loadChunk(name)` (server/src/startup/chunks.ts),
 * which runs the chunk file beside the bundle from V8's code cache.
 */
const lazyChunkRequires = {
  name: 'lazy-chunks',
  setup(build) {
    build.onResolve({ filter: /^(mvdan-sh|(\.\.\/)+client\/src\/engine)$/ }, (args) => {
      if (args.kind !== 'require-call') return undefined;
      const chunk = lazyChunks.find((candidate) => candidate.matches(args.path));
      return chunk ? { path: chunk.name, namespace: 'lazy-chunk' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-chunk' }, (args) => ({
      contents: `module.exports = require('./server/src/startup/chunks').loadChunk(${JSON.stringify(args.path)});`,
      resolveDir: root,
      loader: 'js',
    }));
  },
};

/** Chunks and the bundles the starters run are one function expression each (startup/codeCache.ts). */
const asOneFunction = {
  banner: { js: '(function (exports, require, module, __filename, __dirname) {' },
  footer: { js: '})' },
};

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'info',
  legalComments: 'none',
};

const bundles = [
  {
    ...common,
    entryPoints: { extensionMain: 'client/src/extension.ts' },
    outdir: 'dist',
    // Run by dist/extension.js from V8's code cache.
    ...asOneFunction,
    // The editor provides `vscode`; everything else is bundled.
    external: ['vscode', ...optionalNative],
  },
  {
    // What the editor loads: it runs extensionMain.js from V8's code cache (startup/codeCache.ts).
    ...common,
    entryPoints: { extension: 'client/src/extensionStart.ts' },
    outdir: 'dist',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: { languageServer: 'server/src/main.ts' },
    outdir: 'dist',
    // Run by dist/server.js from V8's code cache.
    ...asOneFunction,
    // `vscode` is deliberately NOT external: the server must never import it, and a stray
    // import fails this build instead of failing at run time.
    external: [...optionalNative],
    plugins: [lazyChunkRequires],
  },
  {
    // What the editor starts: it runs languageServer.js from V8's code cache (startup/codeCache.ts).
    ...common,
    entryPoints: { server: 'server/src/startup/serverStart.ts' },
    outdir: 'dist',
  },
  {
    ...common,
    entryPoints: { commandLine: 'server/src/cli/main.ts' },
    outdir: 'dist',
    // Run by dist/cli.js from V8's code cache.
    ...asOneFunction,
    external: [...optionalNative],
    plugins: [lazyChunkRequires],
  },
  {
    // The `layerwise` command: it runs commandLine.js from V8's code cache.
    ...common,
    entryPoints: { cli: 'server/src/startup/cliStart.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
  ...lazyChunks.map((chunk) => ({
    ...common,
    entryPoints: { [chunk.name]: chunk.entry },
    outdir: 'dist/chunks',
    ...asOneFunction,
    external: [...optionalNative],
    minify: production || chunk.minify,
  })),
];

// The editor-tier suite runs inside the extension host; mocha is loaded from node_modules there.
if (!production) {
  bundles.push({
    ...common,
    entryPoints: { index: 'test/editor/suite/index.ts' },
    outdir: 'dist/test/editor',
    external: ['vscode', 'mocha', ...optionalNative],
  });
}

if (watch) {
  const contexts = await Promise.all(bundles.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(bundles.map((options) => esbuild.build(options)));
  if (production) requireAsciiBundles(['dist/server.js', 'dist/languageServer.js', 'dist/cli.js', 'dist/commandLine.js', ...lazyChunks.map((chunk) => `dist/chunks/${chunk.name}.js`)]);
}

/**
 * V8 keeps every script's source, as one-byte text only when every character fits in Latin-1;
 * esbuild escapes strings outside ASCII but copies regular expressions (and, unminified,
 * comments) as written. One such character doubles what the shipped server keeps of its source.
 */
function requireAsciiBundles(paths) {
  for (const path of paths) {
    const lines = readFileSync(path, 'utf8').split('\n');
    const index = lines.findIndex((line) => /[^\x00-\x7f]/.test(line));
    if (index < 0) continue;
    const column = lines[index].search(/[^\x00-\x7f]/);
    console.error(
      `${path}:${index + 1}:${column + 1}: a character outside ASCII in the bundle (${JSON.stringify(lines[index].slice(Math.max(0, column - 30), column + 30))}). ` +
        'V8 would hold the whole source as two-byte text: write it as an escape (\\u00b5) in the source.',
    );
    process.exit(1);
  }
}
