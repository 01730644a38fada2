#!/usr/bin/env node
// Explorer at scale, on the real engine, against the docker CLI in the same run:
//   2,000 images (tags of five tiny imported images) and 2,000 created-not-started containers;
//   "ours":  list through the engine module + shape the first level of each view, in the
//            extension-host code path (bundled like dist/extension.js), warm, median of rounds;
//   "cli":   `docker image ls` and `docker ps -a` (what Container Tools runs per refresh),
//            process start included, median of rounds.
// Targets: ours < 300 ms per view; memory that part adds to its process < 100 MB.
//
//   node bench/explorer.mjs [--images 2000] [--containers 2000] [--rounds 5] [--host unix:///var/run/docker.sock] [--keep]
//
// Everything it creates is labelled layerwise-bench.explorer and named layerwise-bench-explorer-…; it is removed at
// the end (and leftovers of an interrupted run at the start) unless --keep is given.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const imageCount = Number(option('images', '2000'));
const containerCount = Number(option('containers', '2000'));
const rounds = Number(option('rounds', '5'));
const host = option('host', 'unix:///var/run/docker.sock');
const keep = process.argv.includes('--keep');
const dockerCli = '/usr/bin/docker';
// Not plain 'layerwise-bench': bench/layers.mjs keeps its images under that label between runs.
const LABEL = 'layerwise-bench.explorer';
const BASES = 5;
const PARALLEL = 8;

function docker(args, input) {
  const result = spawnSync(dockerCli, ['-H', host, ...args], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`docker ${args.join(' ')}: ${result.stderr.trim()}`);
  return result.stdout.trim();
}

/** Engine API over the socket with curl-free Node http (the bench must not depend on our code to set up). */
async function api(method, path, body) {
  const { request } = await import('node:http');
  const socketPath = host.replace(/^unix:\/\//, '');
  return new Promise((resolvePromise, reject) => {
    const req = request({ socketPath, path: `/v1.41${path}`, method, headers: body ? { 'Content-Type': 'application/json' } : {} }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => (res.statusCode >= 400 ? reject(new Error(`${method} ${path}: ${res.statusCode} ${text.trim()}`)) : resolvePromise(text)));
    });
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

async function inParallel(count, work) {
  let next = 0;
  await Promise.all(Array.from({ length: PARALLEL }, async () => {
    while (next < count) await work(next++);
  }));
}

function cleanUp() {
  const containers = docker(['ps', '-aq', '--filter', `label=${LABEL}`]).split('\n').filter(Boolean);
  for (let i = 0; i < containers.length; i += 200) docker(['rm', '-f', ...containers.slice(i, i + 200)]);
  const images = [...new Set(docker(['images', '-q', '--filter', `label=${LABEL}`]).split('\n').filter(Boolean))];
  if (images.length > 0) docker(['rmi', '-f', ...images]);
  return { containers: containers.length, images: images.length };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

function timeCli(args) {
  const times = [];
  for (let round = 0; round < rounds + 1; round++) {
    const started = performance.now();
    docker(args);
    if (round > 0) times.push(performance.now() - started);
  }
  return median(times);
}

async function main() {
  const leftovers = cleanUp();
  if (leftovers.containers + leftovers.images > 0) console.log(`removed leftovers of an earlier run: ${leftovers.containers} containers, ${leftovers.images} images`);
  const work = mkdtempSync(join(tmpdir(), 'layerwise-bench-'));
  const before = { images: docker(['images', '-q']).split('\n').filter(Boolean).length, containers: docker(['ps', '-aq']).split('\n').filter(Boolean).length };
  try {
    console.log(`creating ${BASES} tiny images, ${imageCount} tags and ${containerCount} created containers on ${host}…`);
    const setupStarted = performance.now();
    const bases = [];
    for (let i = 0; i < BASES; i++) {
      const dir = join(work, `base${i}`);
      mkdirSync(dir);
      writeFileSync(join(dir, 'marker'), `layerwise bench base ${i}\n`);
      const tar = spawnSync('tar', ['-C', dir, '-c', '.'], { maxBuffer: 1 << 20 }).stdout;
      const name = `layerwise-bench-explorer-base${i}:latest`;
      docker(['import', '--change', `LABEL ${LABEL}=1`, '-', name], tar);
      bases.push(name);
    }
    await inParallel(imageCount - BASES, (n) => api('POST', `/images/${bases[n % BASES]}/tag?repo=layerwise-bench-explorer-repo${n % 97}&tag=t${n}`));
    const containerImage = option('base', 'layerwise-test/busybox:latest');
    await inParallel(containerCount, (n) => api('POST', `/containers/create?name=layerwise-bench-explorer-c${n}`, { Image: containerImage, Cmd: ['true'], Labels: { [LABEL]: '1' } }));
    console.log(`setup took ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);

    // The probe, bundled the way esbuild.mjs bundles the extension.
    const probe = join(work, 'probe.cjs');
    await esbuild.build({ entryPoints: [join(root, 'bench', 'explorerProbe.ts')], bundle: true, platform: 'node', target: 'node18', format: 'cjs', outfile: probe, external: ['vscode', 'cpu-features', '*.node'], logLevel: 'silent' });
    const run = spawnSync(process.execPath, ['--expose-gc', probe, host, String(rounds)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`probe failed: ${run.stderr}`);
    const ours = JSON.parse(run.stdout);
    const cliImages = timeCli(['image', 'ls']);
    const cliContainers = timeCli(['ps', '-a']);
    const oursImages = median(ours.timings.images);
    const oursContainers = median(ours.timings.containers);

    console.log('');
    console.log(`engine: ${docker(['version', '--format', '{{.Server.Version}} (API {{.Server.APIVersion}})'])}; ${ours.counts.images} images (${before.images} before), ${ours.counts.containers} containers (${before.containers} before); median of ${rounds} warm rounds`);
    console.log('| view | ours: list + shape first level | docker CLI | ratio | target |');
    console.log('| --- | ---: | ---: | ---: | --- |');
    console.log(`| Images (${ours.counts.imageNodes} top-level nodes) | ${oursImages.toFixed(0)} ms | ${cliImages.toFixed(0)} ms (\`docker image ls\`) | ${(cliImages / oursImages).toFixed(1)}× faster | < 300 ms: ${oursImages < 300 ? 'met' : 'MISSED'} |`);
    console.log(`| Containers (${ours.counts.containerNodes} top-level nodes) | ${oursContainers.toFixed(0)} ms | ${cliContainers.toFixed(0)} ms (\`docker ps -a\`) | ${(cliContainers / oursContainers).toFixed(1)}× faster | < 300 ms: ${oursContainers < 300 ? 'met' : 'MISSED'} |`);
    const { memory } = ours;
    console.log('');
    // What the extension adds to the extension host: the probe process's peak RSS above a bare
    // Node process (the host itself weighs hundreds of MB of VS Code before any extension).
    const addedPeak = memory.peakRss - memory.baselineRss;
    console.log(`memory of the extension-host part: +${mb(addedPeak)} peak RSS over bare Node (${mb(memory.baselineRss)} → ${mb(memory.peakRss)}, ${rounds + 1} refreshes of both views); heap kept after GC +${mb(memory.heapUsed - memory.baselineHeapUsed)} (engine module, model, 2,000 + 2,000 rows) — target < 100 MB: ${addedPeak < 100e6 ? 'met' : 'MISSED'}`);
    if (oursImages >= 300 || oursContainers >= 300 || addedPeak >= 100e6) process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (!keep) {
      const removed = cleanUp();
      console.log(`cleaned up: ${removed.containers} containers, ${removed.images} images`);
    }
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
