// `layerwise layers FILE.tar` run as the CLI runs it, on archives written to a temporary folder.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { exitCodes, layersCommand } from '../../../server/src/cli/commands/layers';
import { bytes } from './support/analyse';
import { imageArchive, tarOf } from './support/tarWriter';

async function run(args: string[], cwd?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const previous = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = await layersCommand.run(args, { stdout, stderr });
    return { code, stdout: out, stderr: err };
  } finally {
    process.chdir(previous);
  }
}

describe('layers: the CLI command', () => {
  let folder: string;
  let classic: string;
  let clean: string;

  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'layerwise-cli-'));
    classic = join(folder, 'classic.tar');
    writeFileSync(
      classic,
      imageArchive([
        {
          tags: ['lesson:1'],
          layers: [
            tarOf([{ name: 'bin/busybox', data: bytes(1000) }]),
            tarOf([{ name: 'big1', data: bytes(100_000) }]),
            tarOf([{ name: 'big2', data: bytes(200_000) }]),
            tarOf([{ name: '.wh.big1' }]),
            tarOf([{ name: '.wh.big2' }]),
          ],
          history: [
            { createdBy: '/bin/sh -c #(nop) ADD file:abc in / ' },
            { createdBy: 'RUN /bin/sh -c dd of=/big1 # buildkit' },
            { createdBy: 'RUN /bin/sh -c dd of=/big2 # buildkit' },
            { createdBy: 'RUN /bin/sh -c rm -f /big1 # buildkit' },
            { createdBy: 'RUN /bin/sh -c rm -f /big2 # buildkit' },
          ],
        },
      ]),
    );
    clean = join(folder, 'clean.tar');
    writeFileSync(clean, imageArchive([{ layers: [tarOf([{ name: 'a', data: bytes(10) }]), tarOf([{ name: 'b', data: bytes(10) }])] }]));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('prints the per-layer table, the totals and the largest waste', async () => {
    const { code, stdout } = await run([classic]);
    assert.equal(code, exitCodes.ok);
    assert.match(stdout, /^Image lesson:1 {2}sha256:[0-9a-f]{12} {2}\(5 layers, docker-archive\)/);
    assert.match(stdout, /\n1 +100 kB +100 kB +1 +0 +0 +RUN dd of=\/big1\n/);
    assert.match(stdout, /\n3 +0 B +- +0 +0 +1 \(100 kB\) +RUN rm -f \/big1\n/);
    assert.match(stdout, /Wasted bytes +300 kB \(99\.7 % of the image\)/);
    assert.match(stdout, /200 kB {2}\/big2 {2}written by layer 2, deleted by layer 4 \(RUN rm -f \/big2\)/);
  });

  it('prints the JSON shape, with our wasted bytes and dive\'s efficiency', async () => {
    const { code, stdout } = await run([classic, '--json']);
    assert.equal(code, exitCodes.ok);
    const report = JSON.parse(stdout);
    assert.deepEqual(Object.keys(report), ['sizeBytes', 'wastedBytes', 'inefficientBytes', 'efficiency', 'layers', 'wastedPaths']);
    assert.deepEqual(Object.keys(report.layers[0]), ['index', 'digest', 'command', 'sizeBytes', 'wastedBytes', 'added', 'modified', 'deleted']);
    assert.equal(report.wastedBytes, 300_000);
    assert.deepEqual(report.layers.map((layer: { wastedBytes: number }) => layer.wastedBytes), [0, 100_000, 200_000, 0, 0]);
    assert.deepEqual(report.layers[3].deleted, [{ path: '/big1', kind: 'file', sizeBytes: 100_000 }]);
    assert.deepEqual(report.wastedPaths[0], { path: '/big2', sizeBytes: 200_000, writtenBy: 2, removedBy: 4, how: 'deleted' });
  });

  it('fails the CI gate on a wasteful image and passes a clean one', async () => {
    const failing = await run([classic, '--ci']);
    assert.equal(failing.code, exitCodes.ciFailed);
    assert.match(failing.stdout, /FAIL: lowestEfficiency: image efficiency is too low/);
    assert.match(failing.stdout, /Result: FAIL/);
    const passing = await run([clean, '--ci']);
    assert.equal(passing.code, exitCodes.ok, passing.stdout);
    assert.match(passing.stdout, /Result: PASS \[Total:3\] \[Passed:2\] \[Failed:0\] \[Skipped:1\]/);
  });

  it('reads .dive-ci from the working folder, and flags override it', async () => {
    writeFileSync(join(folder, '.dive-ci'), 'rules:\n  lowestEfficiency: 0\n  highestWastedBytes: 1MB\n  highestUserWastedPercent: disabled\n');
    try {
      const fromFile = await run([classic, '--ci'], folder);
      assert.equal(fromFile.code, exitCodes.ok, fromFile.stdout);
      const overridden = await run([classic, '--highest-wasted-bytes', '250kB'], folder);
      assert.equal(overridden.code, exitCodes.ciFailed);
      assert.match(overridden.stdout, /FAIL: highestWastedBytes: too many bytes wasted \(wasted bytes=300 kB > threshold=250 kB\)/);
    } finally {
      rmSync(join(folder, '.dive-ci'));
    }
  });

  it('keeps stdout pure JSON in CI mode', async () => {
    const { code, stdout, stderr } = await run([classic, '--json', '--ci']);
    assert.equal(code, exitCodes.ciFailed);
    assert.doesNotThrow(() => JSON.parse(stdout));
    assert.match(stderr, /Result: FAIL/);
  });

  it('explains bad usage, a missing file and a bad rules file', async () => {
    assert.equal((await run(['--bogus'])).code, exitCodes.usage);
    const missing = await run([join(folder, 'absent.tar')]);
    assert.equal(missing.code, exitCodes.cannotAnalyse);
    assert.match(missing.stderr, /absent\.tar does not exist/);
    const badRules = await run([clean, '--ci-config', join(folder, 'nope.yml')]);
    assert.equal(badRules.code, exitCodes.usage);
    assert.match(badRules.stderr, /cannot read the CI rules file/);
    const misconfigured = await run([clean, '--lowest-efficiency', '2']);
    assert.equal(misconfigured.code, exitCodes.usage);
    assert.match(misconfigured.stdout, /MISCONFIGURED: lowestEfficiency: expected a number from 0 to 1, got "2"/);
  });
});
