#!/usr/bin/env node
// The editor tier: Layerwise inside a real VS Code.
//
// Where VS Code can be downloaded, @vscode/test-electron runs the suite in a desktop VS Code
// (LAYERWISE_EDITOR=electron). Here nothing can be downloaded, so by default the suite runs in
// the VS Code server bundled with code-server 4.139.1 (pinned; installed outside the clone by
// setup.sh), in a headless Chromium driven by playwright-core:
//
//  1. the mocha suite (test/editor/suite, bundled to dist/test/editor/index.js) runs inside the
//     real Node extension host, loaded with the smoke-test driver's URL payload
//     (extensionDevelopmentPath / extensionTestsPath); its result comes back through
//     window.codeAutomationExit;
//  2. one UI test installs the packaged VSIX into a fresh profile, opens a Dockerfile in the
//     workbench, waits for the language server's completion and saves screenshots.
//
// Outside CI a machine that cannot run this prints one `SKIPPED: <reason>` line; with CI=true
// every failure to set up is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import {
  chromiumArgs,
  chromiumPath,
  ensureInstalled,
  freePort,
  freshRun,
  installVsix,
  remoteUri,
  repoRoot,
  startServer,
  workbenchUrl,
} from './codeServer.mjs';
import { runUiSmoke } from './ui/smoke.mjs';

const inCi = process.env.CI === 'true';
const suiteTimeoutMs = 20 * 60_000;
const verbose = process.env.LAYERWISE_EDITOR_VERBOSE === '1';

function skipOrFail(reason) {
  if (inCi) {
    console.error(`FAILED: the editor tier cannot run: ${reason}`);
    process.exit(1);
  }
  console.log(`SKIPPED: editor tier: ${reason}`);
  process.exit(0);
}

async function main() {
  if (process.env.LAYERWISE_EDITOR === 'electron') {
    const { runTests } = await import('@vscode/test-electron');
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, 'dist/test/editor/index.js'),
      launchArgs: [join(repoRoot, 'examples'), '--disable-extensions'],
    });
    return 0;
  }

  const reason = ensureInstalled();
  if (reason) skipOrFail(reason);
  if (!existsSync(chromiumPath)) skipOrFail(`no Chromium at ${chromiumPath} (install Debian's chromium)`);
  build();
  const engine = engineUp();

  const suiteCode = await runSuite(engine);
  const uiCode = await runUi();
  engineDown(engine);
  return suiteCode !== 0 ? suiteCode : uiCode;
}

function build() {
  const result = spawnSync(process.execPath, [join(repoRoot, 'esbuild.mjs')], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`The build failed; fix it before running the editor tier.\n${result.stderr}`);
}

/** The engine tier's services (dockerd, registry, busybox base image) for tests that need them. */
function engineUp() {
  const up = join(repoRoot, 'test/engine/up.sh');
  if (!existsSync(up)) return { available: false, reason: 'test/engine/up.sh is missing' };
  const result = spawnSync('bash', [up], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    const reason = `test/engine/up.sh failed: ${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' | ')}`;
    if (inCi) throw new Error(reason);
    console.log(`NOTE: editor tests that need an engine will say SKIPPED: ${reason}`);
    return { available: false, reason };
  }
  return { available: true };
}

/** Like the engine tier: in CI stop the services (unless .ci/run does it), elsewhere leave them for the next run. */
function engineDown(engine) {
  const down = join(repoRoot, 'test/engine/down.sh');
  if (engine.available && existsSync(down) && inCi && process.env.LAYERWISE_KEEP_SERVICES !== '1') {
    spawnSync('bash', [down], { cwd: repoRoot, stdio: 'inherit' });
  }
}

/**
 * What the offline workbench logs on every run and says nothing about our tests: gallery
 * lookups (no internet), the missing service worker of the bare server, auth providers.
 */
function isWorkbenchNoise(text) {
  return /ENOTFOUND|open-vsx|gallery|Service ?Worker|authentication provider|^\s+at /i.test(text) || /workbench\.js:\d+/.test(text);
}

async function launchBrowser(profileDir) {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    viewport: { width: 1400, height: 900 },
  });
}

async function runSuite(engine) {
  const dirs = freshRun('editor-suite');
  const port = await freePort();
  const serverLog = [];
  const server = await startServer(dirs, { port, mode: 'test', log: (line) => serverLog.push(line) });
  const context = await launchBrowser(join(dirs.root, 'browser'));
  const started = Date.now();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    let resolveExit;
    const exited = new Promise((resolve) => (resolveExit = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // The extension host forwards console calls with their printf-style arguments.
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (verbose || !isWorkbenchNoise(text)) console.log(text);
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
    if (verbose) page.on('console', (message) => console.log(`[browser] ${message.text()}`));
    const payload = [
      ['extensionDevelopmentPath', remoteUri(repoRoot)],
      ['extensionTestsPath', remoteUri(join(repoRoot, 'dist/test/editor/index.js'))],
    ];
    // The suite's environment comes from the server process (the extension host inherits it).
    await page.goto(workbenchUrl(server.base, dirs.workspace, payload));
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), suiteTimeoutMs).unref());
    const code = await Promise.race([exited, timeout, server.exited.then(() => 'server-exited')]);
    if (code === 'timeout' || code === 'server-exited') {
      console.error(`FAILED: the editor suite did not finish (${code}); server log tail:\n${serverLog.join('').split('\n').slice(-40).join('\n')}`);
      return 1;
    }
    console.log(`editor suite finished with exit code ${code} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return code;
  } finally {
    await context.close().catch(() => {});
    server.stop();
    void engine;
  }
}

// What the VSIX may hold: the bundles, grammar, snippets, language configuration, manifest,
// README, CHANGELOG, LICENSE and icons, nothing else, in under 3 MB (the foundation issue).
const VSIX_ALLOWED = [/^package\.json$/, /^README\.md$/, /^CHANGELOG\.md$/, /^LICENSE$/, /^language-configuration\.json$/, /^media\/[\w-]+\.(png|svg)$/, /^dist\/(extension|extensionMain|server|languageServer|cli|commandLine)\.js$/, /^dist\/chunks\/[\w-]+\.js$/, /^syntaxes\/[\w.-]+\.tmLanguage\.json$/, /^snippets\/[\w.-]+\.code-snippets$/];
const VSIX_REQUIRED = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'language-configuration.json', 'media/icon.png', 'dist/extension.js', 'dist/extensionMain.js', 'dist/server.js', 'dist/languageServer.js', 'dist/cli.js', 'dist/commandLine.js', 'syntaxes/dockerfile.tmLanguage.json', 'snippets/dockerfile.code-snippets'];
const VSIX_MAX_BYTES = 3 * 1024 * 1024;

/** Why the packaged VSIX is not what the manifest promises, or undefined when it is. */
function checkVsixContents(vsix) {
  const listed = spawnSync('npx', ['vsce', 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' });
  if (listed.status !== 0) return `vsce ls exited ${listed.status}: ${listed.stderr}`;
  const files = listed.stdout.split('\n').map((line) => line.trim()).filter(Boolean);
  const stray = files.filter((file) => !VSIX_ALLOWED.some((pattern) => pattern.test(file)));
  if (stray.length > 0) return `the VSIX would ship files it does not need (fix .vscodeignore): ${stray.join(', ')}`;
  const missing = VSIX_REQUIRED.filter((file) => !files.includes(file));
  if (missing.length > 0) return `the VSIX lacks ${missing.join(', ')}`;
  const size = statSync(vsix).size;
  if (size > VSIX_MAX_BYTES) return `the VSIX is ${(size / 1048576).toFixed(2)} MB, over 3 MB`;
  console.log(`VSIX: ${files.length} files, ${(size / 1048576).toFixed(2)} MB`);
  return undefined;
}

async function runUi() {
  const version = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version;
  const vsix = join(repoRoot, `layerwise-${version}.vsix`);
  const packaged = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, encoding: 'utf8' });
  if (packaged.status !== 0) {
    console.error(`FAILED: npm run package:\n${packaged.stdout}\n${packaged.stderr}`);
    return 1;
  }
  const contentProblem = checkVsixContents(vsix);
  if (contentProblem) {
    console.error(`FAILED: ${contentProblem}`);
    return 1;
  }
  // `npm run package` produced a production build; the suite's development build comes back
  // for whoever runs next.
  build();
  const dirs = freshRun('editor-ui');
  installVsix(dirs, vsix);
  const port = await freePort();
  const server = await startServer(dirs, { port, mode: 'ui' });
  const context = await launchBrowser(join(dirs.root, 'browser'));
  const screenshots = process.env.LAYERWISE_SCREENSHOTS_DIR ?? join(repoRoot, '.test-output/screenshots');
  mkdirSync(screenshots, { recursive: true });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const result = await runUiSmoke(page, { url: workbenchUrl(server.base, dirs.workspace), screenshots });
    console.log(`UI smoke: ${result.summary}`);
    return 0;
  } catch (error) {
    console.error(`FAILED: UI smoke test: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await context.close().catch(() => {});
    server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
