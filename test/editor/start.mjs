#!/usr/bin/env node
// `npm start`: launch Layerwise (already built by the npm script) on the examples/ folder.
// With a desktop VS Code on PATH (`code`), it opens an Extension Development Host. Otherwise it
// serves the pinned code-server on http://127.0.0.1:8080 (installing it on first use) with the
// extension linked from this clone, and prints the URL. Ctrl+C stops it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureInstalled, repoRoot, startServer, vscodeDir, workbenchUrl } from './codeServer.mjs';

const examples = join(repoRoot, 'examples');
const port = Number(process.env.LAYERWISE_PORT ?? 8080);

function hasDesktopCode() {
  return spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function main() {
  if (hasDesktopCode() && process.env.LAYERWISE_START !== 'code-server') {
    console.log('Opening VS Code with Layerwise under development on examples/ …');
    spawn('code', [`--extensionDevelopmentPath=${repoRoot}`, examples], { stdio: 'inherit', detached: true }).unref();
    return;
  }
  const reason = ensureInstalled();
  if (reason) throw new Error(`Cannot start code-server: ${reason}`);

  // A persistent profile for `npm start`, so settings survive between sessions; the extension
  // is a link to this clone, so a rebuild plus a window reload picks up changes.
  const root = join(vscodeDir, 'start');
  const dirs = { root, data: join(root, 'data'), extensions: join(root, 'extensions') };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  const link = join(dirs.extensions, 'layerwise.layerwise-dev');
  if (existsSync(link) || isLink(link)) rmSync(link, { force: true, recursive: false });
  symlinkSync(repoRoot, link, 'dir');
  // VS Code only loads extension folders listed in extensions.json once it has scanned them;
  // removing the cache makes it rescan and find the link.
  rmSync(join(dirs.extensions, 'extensions.json'), { force: true });
  const settingsFile = join(dirs.data, 'User/settings.json');
  if (!existsSync(settingsFile)) {
    mkdirSync(join(dirs.data, 'User'), { recursive: true });
    writeFileSync(settingsFile, JSON.stringify({ 'telemetry.telemetryLevel': 'off', 'workbench.startupEditor': 'none' }, null, 2));
  }

  const server = await startServer(dirs, { port, mode: 'ui', isolate: false, log: (text) => process.stdout.write(text) });
  const url = workbenchUrl(server.base, examples);
  console.log(`\nLayerwise is running in code-server: ${url}\nPress Ctrl+C to stop.\n`);
  const stop = () => {
    server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await server.exited;
}

function isLink(path) {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
