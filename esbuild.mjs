// One build script for every bundle: the extension (client), the language server, the CLI
// and the layer-analysis worker, plus the editor-tier test suite.
//
//   node esbuild.mjs               development build (sourcemaps)
//   node esbuild.mjs --watch       rebuild on change
//   node esbuild.mjs --production  minified, no sourcemaps (what the VSIX ships)
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// ssh2 (under dockerode) loads two optional native modules inside try/catch and falls back to
// pure JavaScript when they are missing. A bundle cannot hold .node files, so they stay external:
// on a clean machine the require fails, is caught, and ssh2 uses its JavaScript crypto.
const optionalNative = ['cpu-features', '*.node'];

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
    entryPoints: { extension: 'client/src/extension.ts' },
    outdir: 'dist',
    // The editor provides `vscode`; everything else is bundled.
    external: ['vscode', ...optionalNative],
  },
  {
    ...common,
    entryPoints: { server: 'server/src/main.ts' },
    outdir: 'dist',
    // `vscode` is deliberately NOT external: the server must never import it, and a stray
    // import fails this build instead of failing at run time.
    external: [...optionalNative],
  },
  {
    ...common,
    entryPoints: { cli: 'server/src/cli/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
    external: [...optionalNative],
  },
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
}
