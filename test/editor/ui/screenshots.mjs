#!/usr/bin/env node
// `npm run screenshots`: the README's pictures, taken from the real editor. The packaged VSIX is
// installed into a fresh code-server profile on a fresh copy of examples/, pointed at the engine
// tier's second dockerd (its own image store, so nothing other tests leave on the main engine
// shows up), and a headless Chromium walks the features:
//
//   layers-lesson.png     the layers lesson with each layer's size next to its RUN and the waste
//                         diagnostic on a removing RUN
//   images-view.png       the Images view: image → layers → the files one layer added
//   containers-health.png the Containers view with a healthy and an unhealthy container
//   from-hover.png        the FROM hover with the image config the stage will get
//   build-failure.png     a failed build: the diagnostic on the failing RUN, the step log and the
//                         notification
//   completion-mount.png  completion after RUN --mount=type=
//   pull-action.png       the light bulb on a FROM whose base image the engine does not have
//
// Saved into docs/images/ (LAYERWISE_SCREENSHOTS_DIR to write elsewhere), 1400×900;
// LAYERWISE_SCREENSHOTS_ONLY=a,b saves only those (every step still runs: later ones need earlier). Everything it
// creates on the engine carries the label layerwise-test=screenshots and is removed at the end.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { quickOpen, runCommand as runPaletteCommand, stepTimeoutMs } from './workbench.mjs';
import { chromiumArgs, chromiumPath, ensureInstalled, freePort, freshRun, installVsix, repoRoot, startServer, workbenchUrl } from '../codeServer.mjs';

const healthTimeoutMs = 90_000;
const label = 'layerwise-test=screenshots';
const outDir = process.env.LAYERWISE_SCREENSHOTS_DIR ?? join(repoRoot, 'docs/images');
const failingDockerfile = [
  '# A build that fails on purpose: the RUN checks for a file the context does not have.',
  'FROM busybox:1.36',
  'WORKDIR /app',
  'RUN test -f /app/config.yaml || (echo "config.yaml is missing: run make config first" >&2; exit 2)',
  'CMD ["sh"]',
  '',
].join('\n');

function fail(message) {
  console.error(`FAILED: screenshots: ${message}`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout ?? ''}\n${result.stderr ?? ''}`);
  return (result.stdout ?? '').trim();
}

/** The engine tier's services; the screenshots use its second dockerd through its unix socket. */
function engineUp() {
  run('bash', [join(repoRoot, 'test/engine/up.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
  const stateDir = process.env.LAYERWISE_TEST_STATE ?? join(process.env.HOME ?? '', '.cache/layerwise-test');
  const state = JSON.parse(readFileSync(join(stateDir, 'state.json'), 'utf8'));
  return state.tls.unixHost;
}

function dockerOn(host) {
  return (...args) => run('/usr/bin/docker', args, { env: { ...process.env, DOCKER_HOST: host, DOCKER_BUILDKIT: '1' } });
}

/** Images and containers the pictures show, on the screenshot engine. */
function prepareEngine(docker, workspace) {
  removeOurs(docker);
  const layers = join(workspace, 'layers/Dockerfile');
  // The label ties the image to the workspace copy of the Dockerfile (the editor finds it by it).
  docker('build', '-q', '-t', 'layers-lesson:latest', '--label', label, '--label', `io.layerwise.dockerfile=${pathToFileURL(layers).href}`, '-f', layers, join(workspace, 'layers'));
  docker('build', '-q', '-t', 'web:latest', '--label', label, join(workspace, 'healthcheck'));
  docker('run', '-d', '--name', 'web', '--label', label, 'web:latest');
  // The same image without its web server: the probe fails until the container is unhealthy.
  docker('run', '-d', '--name', 'web-without-server', '--label', label, 'web:latest', 'sleep', '3600');
}

function removeOurs(docker) {
  const containers = docker('ps', '-aq', '--filter', `label=${label}`).split('\n').filter(Boolean);
  if (containers.length > 0) docker('rm', '-f', ...containers);
  const images = docker('images', '-q', '--filter', `label=${label}`).split('\n').filter(Boolean);
  if (images.length > 0) docker('rmi', '-f', ...new Set(images));
}

async function waitForHealth(docker, name, status) {
  const deadline = Date.now() + healthTimeoutMs;
  while (docker('inspect', '--format', '{{.State.Health.Status}}', name) !== status) {
    if (Date.now() > deadline) throw new Error(`${name} did not become ${status} within ${healthTimeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

// --- the workbench, driven like a user -----------------------------------------------------------

/** A palette command whose quick input closes once it runs. */
async function runCommand(page, title) {
  await runPaletteCommand(page, title);
  await page.waitForSelector('.quick-input-widget', { state: 'hidden', timeout: stepTimeoutMs }).catch(() => undefined);
}

async function goToLine(page, lineColumn) {
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { timeout: stepTimeoutMs });
  await page.keyboard.type(lineColumn);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.quick-input-widget', { state: 'hidden', timeout: stepTimeoutMs });
}

/** A tidy frame: no notifications, no hover, no secondary side bar. */
async function tidy(page) {
  await page.keyboard.press('Escape');
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.waitForSelector('.notification-toast', { state: 'detached', timeout: stepTimeoutMs }).catch(() => undefined);
}

/** Moves the mouse over the character `offsetChars` into the first editor line text `text`. */
async function hoverEditorText(page, text, offsetChars = 1) {
  await page.locator('.monaco-editor .view-line', { hasText: text }).first().waitFor({ timeout: stepTimeoutMs });
  // Monaco renders spaces as no-break spaces, one span per token: find the character's box.
  const point = await page.evaluate(
    ({ text, offsetChars }) => {
      for (const line of document.querySelectorAll('.monaco-editor .view-line')) {
        const content = line.textContent.replace(/\u00a0/g, ' ');
        const start = content.indexOf(text);
        if (start < 0) continue;
        let remaining = start + offsetChars;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (remaining < node.length) {
            const range = document.createRange();
            range.setStart(node, remaining);
            range.setEnd(node, remaining + 1);
            const box = range.getBoundingClientRect();
            return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
          }
          remaining -= node.length;
        }
      }
      return undefined;
    },
    { text, offsetChars },
  );
  if (!point) throw new Error(`no editor line shows "${text}"`);
  await page.mouse.move(point.x + 150, point.y - 60);
  await page.mouse.move(point.x, point.y, { steps: 4 });
}

/** Drags the side bar's edge so tree labels and descriptions fit. */
async function setSideBarWidth(page, widthPx) {
  const box = await page.locator('.part.sidebar').boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + widthPx, y, { steps: 8 });
  await page.mouse.up();
  // Off the edge, or it stays highlighted.
  await page.mouse.move(box.x + widthPx + 300, y + 300);
}

const only = process.env.LAYERWISE_SCREENSHOTS_ONLY?.split(',').map((name) => name.trim()).filter(Boolean);

async function shoot(page, name) {
  if (only && !only.includes(name)) return;
  const path = join(outDir, `${name}.png`);
  await page.screenshot({ path });
  console.log(`saved ${path}`);
}

async function treeRow(page, text) {
  const row = page.locator('.pane-body .monaco-list-row', { hasText: text }).first();
  await row.waitFor({ timeout: stepTimeoutMs });
  return row;
}

async function expand(page, text) {
  const row = await treeRow(page, text);
  // The twistie: a click on a layer's label opens the Dockerfile line that made it instead.
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
  await page.waitForFunction((label) => [...document.querySelectorAll('.pane-body .monaco-list-row')].some((row) => row.textContent.includes(label) && row.getAttribute('aria-expanded') === 'true'), text, { timeout: stepTimeoutMs });
}

// --- the pictures ------------------------------------------------------------------------------

async function layersLesson(page) {
  await quickOpen(page, 'layers/Dockerfile', 'The layers lesson');
  // The server finds the image by its label, analyses it, and shows each layer's size.
  await page.waitForSelector('.monaco-editor .view-lines:has-text("105 MB removed later")', { timeout: stepTimeoutMs });
  await tidy(page);
  // The measured finding sits on the keyword of the last removing RUN; its hover opens below.
  await hoverEditorText(page, 'RUN rm -f /big-2', 1);
  await page.waitForSelector('.monaco-hover:has-text("the image still carries them")', { timeout: stepTimeoutMs });
  await shoot(page, 'layers-lesson');
  await page.mouse.move(5, 450);
}

async function imagesView(page) {
  await page.click('.activitybar .action-item a[aria-label^="Layerwise"]');
  await setSideBarWidth(page, 560);
  await treeRow(page, 'layers-lesson');
  await expand(page, 'layers-lesson');
  await expand(page, 'latest');
  await expand(page, 'RUN dd if=/dev/zero of=/big-1');
  await treeRow(page, 'big-1');
  await page.waitForSelector('.pane-body .monaco-list-row:has-text("210 MB wasted")', { timeout: stepTimeoutMs });
  await tidy(page);
  await (await treeRow(page, 'big-1')).click();
  await shoot(page, 'images-view');
}

async function containersView(page) {
  // Fold the Images view so the Containers view has the room.
  await page.click('.pane-header:has-text("Images")');
  await treeRow(page, 'web-without-server');
  await page.waitForSelector('.pane-body .monaco-list-row:has-text("unhealthy")', { timeout: stepTimeoutMs });
  await page.waitForSelector('.pane-body .monaco-list-row:has-text("healthy")', { timeout: stepTimeoutMs });
  await tidy(page);
  const row = await treeRow(page, 'web-without-server');
  await row.hover();
  await page.waitForSelector('.workbench-hover:has-text("Last probe")', { timeout: stepTimeoutMs });
  await shoot(page, 'containers-health');
  await page.mouse.move(700, 880);
  await page.click('.pane-header:has-text("Images")');
  await page.click('.activitybar .action-item a[aria-label^="Explorer"]');
  await setSideBarWidth(page, 300);
}

async function completionOfMountTypes(page) {
  await runCommand(page, 'View: Hide Panel');
  await quickOpen(page, 'multi-stage/Dockerfile', 'multi-stage build');
  await runCommand(page, 'View: Close Other Editors in Group');
  await tidy(page);
  await goToLine(page, '10');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('RUN --mount=type=');
  await page.waitForFunction(() => [...document.querySelectorAll('.monaco-editor .view-line')].some((line) => line.textContent.replace(/\u00a0/g, ' ') === 'RUN --mount=type='), undefined, { timeout: stepTimeoutMs });
  await page.keyboard.press('Control+Space');
  await page.waitForSelector('.suggest-widget .monaco-list-row:has-text("cache")', { timeout: stepTimeoutMs });
  await shoot(page, 'completion-mount');
}

async function fromHover(page) {
  await quickOpen(page, 'healthcheck/Dockerfile', 'The engine runs the probe');
  await tidy(page);
  await hoverEditorText(page, 'FROM busybox', 1);
  await page.waitForSelector('.monaco-hover:has-text("Image config of stage")', { timeout: stepTimeoutMs });
  await shoot(page, 'from-hover');
  await page.mouse.move(5, 450);
}

async function pullAction(page) {
  await quickOpen(page, 'entrypoint-cmd/Dockerfile', 'ENTRYPOINT fixes the program');
  await tidy(page);
  await goToLine(page, '3:8');
  // The engine's image list reaches the language server in the background: ask until it has.
  const offered = '.action-widget:has-text("Pull ubuntu:24.04")';
  for (let tries = 0; tries < 20 && !(await page.locator(offered).count()); tries++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+.');
    await page.waitForSelector(offered, { timeout: 3_000 }).catch(() => undefined);
  }
  await page.waitForSelector(offered, { timeout: stepTimeoutMs });
  await shoot(page, 'pull-action');
  await page.keyboard.press('Escape');
}

async function buildFailure(page) {
  await quickOpen(page, 'build-failure/Dockerfile', 'A build that fails on purpose');
  await tidy(page);
  await runCommand(page, 'Layerwise: Build Image');
  // The build asks for its options; the suggested ones are fine.
  for (const title of ['Build: image name', 'Build: build arguments', 'Build: context', 'Build: options']) {
    await page.waitForSelector(`.quick-input-widget .quick-input-title:has-text("${title}")`, { timeout: stepTimeoutMs });
    await page.keyboard.press('Enter');
  }
  await page.waitForSelector('.notification-toast:has-text("config.yaml is missing"), .notification-toast:has-text("failed")', { timeout: stepTimeoutMs });
  await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: stepTimeoutMs });
  await hoverEditorText(page, 'config.yaml ||', 3);
  await page.waitForSelector('.monaco-hover:has-text("Build failed")', { timeout: stepTimeoutMs });
  await shoot(page, 'build-failure');
}

async function main() {
  const reason = ensureInstalled();
  if (reason) fail(reason);
  if (!existsSync(chromiumPath)) fail(`no Chromium at ${chromiumPath} (install Debian's chromium)`);
  mkdirSync(outDir, { recursive: true });
  const engineHost = engineUp();
  const docker = dockerOn(engineHost);

  const version = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version;
  run('npm', ['run', '--silent', 'package']);
  // `npm run package` left production bundles; the development build comes back for whoever runs next.
  run(process.execPath, [join(repoRoot, 'esbuild.mjs')]);
  const dirs = freshRun('screenshots');
  const settingsFile = join(dirs.data, 'User/settings.json');
  writeFileSync(
    settingsFile,
    JSON.stringify(
      {
        ...JSON.parse(readFileSync(settingsFile, 'utf8')),
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'editor.minimap.enabled': false,
        'editor.hover.delay': 200,
        'editor.hover.above': false,
        'editor.parameterHints.enabled': false,
        'workbench.hover.delay': 200,
        'workbench.tree.indent': 12,
        // web above web-without-server, so the latter's tooltip covers nothing.
        'layerwise.explorer.containers.sortBy': 'name',
      },
      null,
      2,
    ),
  );
  // Engine settings are machine-overridable: a remote window (code-server's) reads them from the
  // machine's settings, not the user's.
  mkdirSync(join(dirs.data, 'Machine'), { recursive: true });
  writeFileSync(join(dirs.data, 'Machine/settings.json'), JSON.stringify({ 'layerwise.engine.host': engineHost }, null, 2));
  mkdirSync(join(dirs.workspace, 'build-failure'), { recursive: true });
  writeFileSync(join(dirs.workspace, 'build-failure/Dockerfile'), failingDockerfile);
  installVsix(dirs, join(repoRoot, `layerwise-${version}.vsix`));
  prepareEngine(docker, dirs.workspace);

  const port = await freePort();
  const server = await startServer(dirs, { port, mode: 'ui' });
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(join(dirs.root, 'browser'), { executablePath: chromiumPath, args: chromiumArgs, viewport: { width: 1400, height: 900 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(workbenchUrl(server.base, dirs.workspace));
    await page.waitForSelector('.monaco-workbench', { timeout: stepTimeoutMs });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: stepTimeoutMs });
    await runCommand(page, 'View: Close Secondary Side Bar').catch(() => undefined);
    await layersLesson(page);
    await imagesView(page);
    await waitForHealth(docker, 'web', 'healthy');
    await waitForHealth(docker, 'web-without-server', 'unhealthy');
    await containersView(page);
    await fromHover(page);
    await pullAction(page);
    await buildFailure(page);
    // Last: it leaves the multi-stage example edited (never saved).
    await completionOfMountTypes(page);
  } catch (error) {
    const page = context.pages()[0];
    if (page) await page.screenshot({ path: join(dirs.root, 'failed.png') }).catch(() => undefined);
    throw new Error(`${error instanceof Error ? error.message : String(error)} (the screen at that moment: ${join(dirs.root, 'failed.png')})`);
  } finally {
    await context.close().catch(() => undefined);
    server.stop();
    removeOurs(docker);
  }
}

main().then(
  () => process.exit(0),
  (error) => fail(error instanceof Error ? error.message : String(error)),
);
