#!/usr/bin/env node
// Layer analysis speed and memory against the cost of merely reading the image stream, in the
// same run, on the real engine:
//   - an image of 20,000 files, and a 1 GB image (four 256 MiB layers, one deleted later);
//   - "save":  `docker save IMAGE > /dev/null` (the engine exporting, nothing analysed);
//   - "ours":  `layerwise layers IMAGE --json --stats > /dev/null`, the CLI as it ships (a
//              production bundle built here): the engine's save stream read straight from the
//              API and analysed. Reported twice: the analysis as the command times it (from the
//              command's start to the result: connect, inspect, stream, analyse) and the whole
//              process (Node start-up and loading the bundle included);
//   - dive, when a `dive` binary is on PATH (it is on neither npm nor Debian 12).
// Targets: the analysis ≤ 1.25 × save; its peak memory (maxRSS) < 200 MB on the 1 GB image.
//
//   node bench/layers.mjs [--rounds 3] [--keep] [--only files|gigabyte]
//
// The images are built with BuildKit (`layerwise-bench/…`, labelled layerwise-bench) and removed
// at the end unless --keep is given (a kept image is reused by the next run).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dockerCli = '/usr/bin/docker';
// The CLI as `npm run package` ships it: minified, one file (the options of esbuild.mjs).
const bundleDir = mkdtempSync(join(tmpdir(), 'layerwise-bench-'));
const cli = join(bundleDir, 'cli.js');
await esbuild.build({
  entryPoints: [join(root, 'server/src/cli/main.ts')],
  outfile: cli,
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: true,
  legalComments: 'none',
  banner: { js: '#!/usr/bin/env node' },
  external: ['cpu-features', '*.node'],
  logLevel: 'warning',
});
const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const rounds = Number(option('rounds', '3'));
const keep = process.argv.includes('--keep');
const only = option('only', undefined);
const base = option('base', 'layerwise-test/busybox:latest');

const images = [
  {
    key: 'files',
    tag: 'layerwise-bench/files20k:1',
    what: 'an image of 20,000 files',
    dockerfile: `FROM ${base}
RUN mkdir /many && cd /many && d=0; while [ $d -lt 200 ]; do mkdir d$d; f=0; while [ $f -lt 100 ]; do echo "file $d/$f" > d$d/f$f; f=$((f+1)); done; d=$((d+1)); done
`,
  },
  {
    key: 'gigabyte',
    tag: 'layerwise-bench/1gb:1',
    what: 'a 1 GB image (4 × 256 MiB layers, one deleted later)',
    dockerfile: `FROM ${base}
RUN dd if=/dev/urandom of=/part1 bs=1048576 count=256
RUN dd if=/dev/urandom of=/part2 bs=1048576 count=256
RUN dd if=/dev/urandom of=/part3 bs=1048576 count=256
RUN dd if=/dev/urandom of=/part4 bs=1048576 count=256
RUN rm /part1
`,
  },
].filter((image) => !only || image.key === only);

function fail(message) {
  console.error(`bench/layers.mjs: ${message}`);
  process.exit(2);
}

if (spawnSync(dockerCli, ['version', '--format', '{{.Server.Version}}'], { encoding: 'utf8' }).status !== 0) {
  fail('no engine answers on the default socket: start one (test/engine/up.sh does).');
}
if (spawnSync(dockerCli, ['image', 'inspect', base], { stdio: 'ignore' }).status !== 0) {
  fail(`the base image ${base} is missing: test/engine/up.sh imports it (or pass --base IMAGE).`);
}

/** Runs a command with stdout to /dev/null; returns wall time and the peak resident memory. */
function measure(command, args, env = {}) {
  return new Promise((resolvePromise, reject) => {
    const devNull = openSync('/dev/null', 'w');
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['ignore', devNull, 'pipe'], env: { ...process.env, ...env } });
    closeSync(devNull);
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let peakKb = 0;
    // VmHWM is the process's own high-water mark, so sampling only has to catch it before exit.
    const sample = () => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (match) peakKb = Math.max(peakKb, Number(match[1]));
      } catch {
        // exited
      }
    };
    const timer = setInterval(sample, 10);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr.trim()}`));
      else {
        // `layerwise layers --stats` times itself and reads its own peak memory.
        const stats = /^stats: (.*)$/m.exec(stderr);
        const own = stats ? JSON.parse(stats[1]) : undefined;
        resolvePromise({ seconds, peakMb: peakKb / 1024, ...(own ? { analysisSeconds: own.elapsedMs / 1000, ownPeakMb: own.peakRssBytes / 1e6 } : {}) });
      }
    });
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function ensureImage(image) {
  if (spawnSync(dockerCli, ['image', 'inspect', image.tag], { stdio: 'ignore' }).status === 0) {
    console.log(`${image.tag}: present, reused`);
    return;
  }
  console.log(`${image.tag}: building ${image.what}…`);
  const started = Date.now();
  const built = spawnSync(dockerCli, ['build', '-q', '--label', 'layerwise-bench=1', '-t', image.tag, '-'], {
    input: image.dockerfile,
    encoding: 'utf8',
    env: { ...process.env, DOCKER_BUILDKIT: '1' },
    maxBuffer: 1 << 24,
  });
  if (built.status !== 0) fail(`building ${image.tag} failed: ${built.stderr}`);
  console.log(`${image.tag}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const dive = spawnSync('dive', ['--version'], { encoding: 'utf8' });
const haveDive = dive.status === 0;

const results = [];
for (const image of images) {
  ensureImage(image);
  const size = Number(spawnSync(dockerCli, ['image', 'inspect', '--format', '{{.Size}}', image.tag], { encoding: 'utf8' }).stdout.trim());
  // One untimed round of each to warm the page cache, then alternate so both see the same machine.
  await measure(dockerCli, ['save', image.tag]);
  await measure(process.execPath, [cli, 'layers', image.tag, '--json', '--stats']);
  const save = [];
  const ours = [];
  const diveRuns = [];
  for (let round = 0; round < rounds; round++) {
    save.push(await measure(dockerCli, ['save', image.tag]));
    ours.push(await measure(process.execPath, [cli, 'layers', image.tag, '--json', '--stats']));
    if (haveDive) diveRuns.push(await measure('dive', [image.tag, '--ci'], { CI: 'true' }).catch((error) => ({ seconds: NaN, peakMb: NaN, error })));
  }
  const row = {
    image: image.tag,
    what: image.what,
    sizeMb: size / 1e6,
    saveSeconds: median(save.map((run) => run.seconds)),
    analysisSeconds: median(ours.map((run) => run.analysisSeconds)),
    processSeconds: median(ours.map((run) => run.seconds)),
    oursPeakMb: Math.max(...ours.map((run) => run.ownPeakMb ?? run.peakMb)),
    diveSeconds: haveDive ? median(diveRuns.map((run) => run.seconds)) : undefined,
    divePeakMb: haveDive ? Math.max(...diveRuns.map((run) => run.peakMb)) : undefined,
  };
  row.ratio = row.analysisSeconds / row.saveSeconds;
  row.processRatio = row.processSeconds / row.saveSeconds;
  results.push(row);
}

console.log('');
console.log(`Layer analysis straight from the engine vs docker save > /dev/null (median of ${rounds} rounds, Node ${process.versions.node})`);
console.log('');
console.log('| image | size | docker save > /dev/null | layerwise analysis | ratio (target ≤ 1.25) | whole `layerwise layers` process | ratio | peak memory (target < 200 MB) | dive |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of results) {
  const diveCell = row.diveSeconds === undefined ? 'not installed' : `${row.diveSeconds.toFixed(2)} s, ${row.divePeakMb.toFixed(0)} MB`;
  console.log(
    `| ${row.what} | ${row.sizeMb.toFixed(0)} MB | ${row.saveSeconds.toFixed(2)} s | ${row.analysisSeconds.toFixed(2)} s | ${row.ratio.toFixed(2)}× | ${row.processSeconds.toFixed(2)} s | ${row.processRatio.toFixed(2)}× | ${row.oursPeakMb.toFixed(0)} MB | ${diveCell} |`,
  );
}
console.log('');
if (!haveDive) {
  console.log('dive: not measured. No `dive` binary is on PATH, and it cannot be installed here: the npm package');
  console.log('named "dive" is an unrelated directory walker and Debian 12 does not package wagoodman/dive.');
}
let failed = false;
for (const row of results) {
  if (row.ratio > 1.25) {
    console.log(`MISSED: ${row.what}: ${row.ratio.toFixed(2)}× the time of docker save (target ≤ 1.25×)`);
    failed = true;
  }
  if (row.image.includes('1gb') && row.oursPeakMb >= 200) {
    console.log(`MISSED: ${row.what}: peak memory ${row.oursPeakMb.toFixed(0)} MB (target < 200 MB)`);
    failed = true;
  }
}
if (!failed) console.log('All targets met.');

rmSync(bundleDir, { recursive: true, force: true });
if (!keep) {
  for (const image of images) spawnSync(dockerCli, ['rmi', image.tag], { stdio: 'ignore' });
  console.log('Benchmark images removed (--keep keeps them for the next run).');
}
process.exit(failed ? 1 : 0);
