#!/usr/bin/env node
// Save, load and push of a generated 1 GB image through our code and through the docker CLI, in
// the same run, on the real engine:
//   - save: our saveImages (engine stream → temp file → rename)  vs  `docker save -o`
//   - load: our loadImages (file stream → engine)                 vs  `docker load -i`
//   - push: our pushImage (per-layer progress, X-Registry-Auth)   vs  `docker push`
// Each of ours runs in a process of its own (bench/operationsProbe.ts, bundled here with
// esbuild), so its peak RSS is the operation's. Two times are reported for ours: the operation on
// a connected engine (as the extension runs it: its process, bundle and connection already
// there), which the target is judged on, and the whole process (Node start-up, loading the
// engine bundle and connecting included); the CLI's is its whole process (a Go binary starts in
// milliseconds). Dirty pages are flushed (`sync`) before every timed run, so no run pays for the
// write-back of the previous one's gigabyte.
// Targets: ours ≤ 1.10 × the CLI's time for each operation; ours' peak RSS < 150 MB.
//
//   node bench/operations.mjs [--rounds 2] [--size-mb 1024] [--keep]
//
// Pushes go to a registry this script starts (docker-registry with htpasswd auth on a free
// loopback port, storage in a temporary folder), so nothing accumulates in the engine tier's
// registry; every push gets an image of fresh random bytes so no layer is already there.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, statSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dockerCli = '/usr/bin/docker';
const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const rounds = Number(option('rounds', '2'));
const sizeMb = Number(option('size-mb', '1024'));
const keep = process.argv.includes('--keep');
const host = option('host', process.env.DOCKER_HOST || 'unix:///var/run/docker.sock');
const base = option('base', 'layerwise-test/busybox:latest');
const work = mkdtempSync(join(tmpdir(), 'layerwise-bench-ops-'));
const label = 'layerwise-bench=operations';
const created = new Set();

function docker(args, options = {}) {
  const result = spawnSync(dockerCli, ['-H', host, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0) throw new Error(`docker ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

/** Runs a process to completion; resolves with its wall time (ms) and stdout. */
function timed(command, args, options = {}) {
  spawnSync('sync');
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr.trim()}`));
      else resolvePromise({ ms, stdout });
    });
  });
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function startRegistry() {
  const dir = join(work, 'registry');
  const password = `bench-${Math.random().toString(36).slice(2)}`;
  const htpasswd = spawnSync('htpasswd', ['-Bbn', 'bench', password], { encoding: 'utf8' });
  if (htpasswd.status !== 0) throw new Error('htpasswd (apache2-utils) is needed for the bench registry');
  spawnSync('mkdir', ['-p', join(dir, 'data')]);
  writeFileSync(join(dir, 'htpasswd'), htpasswd.stdout);
  const port = await freePort();
  writeFileSync(
    join(dir, 'config.yml'),
    `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\nhttp:\n  addr: 127.0.0.1:${port}\nauth:\n  htpasswd:\n    realm: bench\n    path: ${join(dir, 'htpasswd')}\n`,
  );
  const child = spawn('docker-registry', ['serve', join(dir, 'config.yml')], { stdio: 'ignore', detached: true });
  const address = `127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const probe = spawnSync('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', `http://${address}/v2/`], { encoding: 'utf8' });
    if (probe.stdout === '401') break;
    if (Date.now() > deadline) throw new Error('the bench registry did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  // The docker CLI reads its login from a config of its own, so the user's is untouched.
  const cliConfig = join(work, 'docker-config');
  spawnSync('mkdir', ['-p', cliConfig]);
  writeFileSync(join(cliConfig, 'config.json'), JSON.stringify({ auths: { [address]: { auth: Buffer.from(`bench:${password}`).toString('base64') } } }));
  return { address, password, cliConfig, stop: () => { try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ } } };
}

async function bundleProbe() {
  const outfile = join(work, 'probe.cjs');
  await esbuild.build({
    entryPoints: [join(root, 'bench/operationsProbe.ts')],
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    outfile,
    external: ['cpu-features', '*.node'],
    logLevel: 'error',
  });
  return outfile;
}

/** A new image of `sizeMb` random bytes in four layers (fresh content: no layer exists anywhere yet). */
function buildRandomImage(tag) {
  const quarter = Math.max(1, Math.round(sizeMb / 4));
  const dockerfile = `FROM ${base}\n${[1, 2, 3, 4].map((part) => `RUN head -c ${quarter * 1048576} /dev/urandom > /part${part}`).join('\n')}\n`;
  docker(['build', '-q', '--label', label, '-t', tag, '-'], { input: dockerfile, env: { ...process.env, DOCKER_BUILDKIT: '0' } });
  created.add(tag);
}

const results = { save: { ours: [], process: [], cli: [], rss: [] }, load: { ours: [], process: [], cli: [], rss: [] }, push: { ours: [], process: [], cli: [], rss: [] } };
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function ours(probe, args, input) {
  const { ms, stdout } = await timed(process.execPath, [probe, ...args], { input });
  const report = JSON.parse(stdout.trim().split('\n').pop());
  return { ms, operationMs: report.ms, rss: report.maxRssMb };
}

async function main() {
  if (!existsSync(dockerCli)) throw new Error(`${dockerCli} is needed (the docker CLI to compare with)`);
  const probe = await bundleProbe();
  const registry = await startRegistry();
  try {
    const image = `layerwise-bench/ops-${sizeMb}mb:1`;
    console.log(`Generating ${image} (${sizeMb} MB of random bytes in 4 layers)…`);
    buildRandomImage(image);
    const imageId = docker(['image', 'inspect', '-f', '{{.Id}}', image]);
    for (let round = 1; round <= rounds; round++) {
      // Alternate who goes first, so neither always enjoys a warmer page cache.
      const order = round % 2 === 1 ? ['ours', 'cli'] : ['cli', 'ours'];
      for (const who of order) {
        const file = join(work, `${who}.tar`);
        if (who === 'ours') {
          const run = await ours(probe, ['save', host, image, file]);
          results.save.ours.push(run.operationMs);
          results.save.process.push(run.ms);
          results.save.rss.push(run.rss);
        } else {
          results.save.cli.push((await timed(dockerCli, ['-H', host, 'save', '-o', file, image])).ms);
        }
      }
      const savedBytes = statSync(join(work, 'ours.tar')).size;
      if (Math.abs(savedBytes - statSync(join(work, 'cli.tar')).size) > 4096) throw new Error('our archive and the CLI archive differ in size');
      for (const who of order) {
        docker(['rmi', image]);
        if (who === 'ours') {
          const run = await ours(probe, ['load', host, join(work, 'ours.tar')]);
          results.load.ours.push(run.operationMs);
          results.load.process.push(run.ms);
          results.load.rss.push(run.rss);
        } else {
          results.load.cli.push((await timed(dockerCli, ['-H', host, 'load', '-q', '-i', join(work, 'cli.tar')])).ms);
        }
        if (docker(['image', 'inspect', '-f', '{{.Id}}', image]) !== imageId) throw new Error('the loaded image has another ID');
      }
      for (const who of order) {
        const source = `layerwise-bench/ops-push-${who}-${round}:1`;
        console.log(`Generating ${source} for the ${who === 'ours' ? 'Layerwise' : 'CLI'} push…`);
        buildRandomImage(source);
        const target = `${registry.address}/bench/${who}-${round}:1`;
        docker(['tag', source, target]);
        created.add(target);
        if (who === 'ours') {
          const run = await ours(probe, ['push', host, target, registry.address, 'bench'], registry.password);
          results.push.ours.push(run.operationMs);
          results.push.process.push(run.ms);
          results.push.rss.push(run.rss);
        } else {
          results.push.cli.push((await timed(dockerCli, ['-H', host, '--config', registry.cliConfig, 'push', '-q', target])).ms);
        }
        docker(['rmi', target, source]);
        created.delete(target);
        created.delete(source);
      }
      rmSync(join(work, 'ours.tar'), { force: true });
      rmSync(join(work, 'cli.tar'), { force: true });
      console.log(`round ${round}/${rounds} done`);
    }
    console.log(`\n${sizeMb} MB image, ${rounds} round(s), medians:`);
    console.log('operation | Layerwise (connected engine) | docker CLI (whole process) | ratio | target ≤ 1.10 | Layerwise whole process | ratio | peak RSS (ours) | target < 150 MB');
    let ok = true;
    for (const [name, figures] of Object.entries(results)) {
      const oursMs = median(figures.ours);
      const cliMs = median(figures.cli);
      const ratio = oursMs / cliMs;
      const rss = Math.max(...figures.rss);
      const pass = ratio <= 1.1 && rss < 150;
      ok &&= pass;
      const processMs = median(figures.process);
      console.log(`${name.padEnd(9)} | ${(oursMs / 1000).toFixed(2)} s | ${(cliMs / 1000).toFixed(2)} s | ${ratio.toFixed(2)} | ${ratio <= 1.1 ? 'met' : 'MISSED'} | ${(processMs / 1000).toFixed(2)} s | ${(processMs / cliMs).toFixed(2)} | ${rss.toFixed(0)} MB | ${rss < 150 ? 'met' : 'MISSED'}`);
    }
    console.log(ok ? '\nAll targets met.' : '\nSome targets were missed.');
  } finally {
    registry.stop();
    if (!keep) for (const tag of created) spawnSync(dockerCli, ['-H', host, 'rmi', '-f', tag]);
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});

