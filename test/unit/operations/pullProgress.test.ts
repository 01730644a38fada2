// What a pull fetches for each way of naming an image, and how the per-layer stream of a pull or a
// push becomes one figure. The streams here are the message sequences dockerd 20.10 sends (seen on
// the engine tier's registry); the engine tier pulls and pushes for real.
import { strict as assert } from 'node:assert';
import { LayerTally, PULL_PHASES, PUSH_PHASES } from '../../../client/src/engine/operations/layerProgress';
import { describePullFailure, pullTarget } from '../../../client/src/engine/operations/pull';
import { RegistryAuthError } from '../../../client/src/engine/operations/registry';

describe('pull: what a name fetches', () => {
  const cases: Array<[string, string, string, string]> = [
    // written, reference pulled, fromImage, tag
    ['alpine', 'alpine:latest', 'alpine', 'latest'],
    ['alpine:3.20', 'alpine:3.20', 'alpine', '3.20'],
    ['127.0.0.1:5000/team/app', '127.0.0.1:5000/team/app:latest', '127.0.0.1:5000/team/app', 'latest'],
    ['127.0.0.1:5000/team/app:1.0', '127.0.0.1:5000/team/app:1.0', '127.0.0.1:5000/team/app', '1.0'],
    [`app@sha256:${'a'.repeat(64)}`, `app@sha256:${'a'.repeat(64)}`, 'app', `sha256:${'a'.repeat(64)}`],
    [`app:1@sha256:${'b'.repeat(64)}`, `app:1@sha256:${'b'.repeat(64)}`, 'app', `sha256:${'b'.repeat(64)}`],
    ['  ghcr.io/org/tool:2  ', 'ghcr.io/org/tool:2', 'ghcr.io/org/tool', '2'],
  ];
  for (const [written, reference, fromImage, tag] of cases) {
    it(`${JSON.stringify(written)} → ${reference}`, () => {
      assert.deepEqual(pullTarget(written), { reference, fromImage, tag });
    });
  }

  for (const bad of ['', '   ', 'Bad Name', 'app:', 'team/App:1']) {
    it(`${JSON.stringify(bad)} is refused with the forms to use`, () => {
      assert.throws(() => pullTarget(bad), /is not an image name.*name\[:tag\], registry\/name\[:tag\] or name@sha256:<digest>/);
    });
  }
});

describe('layer progress: one figure for a stream of layers', () => {
  const a = 'a'.repeat(12);
  const b = 'b'.repeat(12);

  it('a pull counts download and extraction, each half of a layer', () => {
    const tally = new LayerTally(PULL_PHASES);
    assert.equal(tally.record(undefined, 'Pulling from team/app', undefined), false);
    assert.equal(tally.record('1.0', 'Pulling from team/app', undefined), false, 'a tag is not a layer');
    tally.record(a, 'Pulling fs layer', {});
    tally.record(b, 'Already exists', {});
    assert.deepEqual(tally.totals(), { layers: 2, layersDone: 1, bytes: 0, bytesTotal: 0, fraction: 0.5 });
    tally.record(a, 'Downloading', { current: 250, total: 1000 });
    assert.equal(tally.totals().bytes, 250);
    assert.equal(tally.totals().fraction, 0.125);
    tally.record(a, 'Verifying Checksum', {});
    tally.record(a, 'Download complete', {});
    assert.equal(tally.totals().bytes, 1000);
    assert.equal(tally.totals().fraction, 0.5);
    tally.record(a, 'Extracting', { current: 500, total: 1000 });
    assert.equal(tally.totals().fraction, 0.75);
    tally.record(a, 'Pull complete', {});
    assert.deepEqual(tally.totals(), { layers: 2, layersDone: 2, bytes: 1000, bytesTotal: 1000, fraction: 1 });
  });

  it('a push counts bytes pushed; layers the registry has are done at once', () => {
    const tally = new LayerTally(PUSH_PHASES);
    tally.record(a, 'Preparing', undefined);
    tally.record(b, 'Preparing', undefined);
    tally.record(b, 'Layer already exists', undefined);
    tally.record(a, 'Pushing', { current: 300, total: 1200 });
    assert.deepEqual(tally.totals(), { layers: 2, layersDone: 1, bytes: 300, bytesTotal: 1200, fraction: 0.25 });
    tally.record(a, 'Pushed', undefined);
    assert.deepEqual(tally.totals(), { layers: 2, layersDone: 2, bytes: 1200, bytesTotal: 1200, fraction: 1 });
  });

  it('without sizes the figure is the share of finished layers; finish() completes it', () => {
    const tally = new LayerTally(PUSH_PHASES);
    tally.record(a, 'Preparing', undefined);
    tally.record(b, 'Mounted from team/base', undefined);
    assert.equal(tally.totals().fraction, 0.5);
    tally.finish();
    assert.deepEqual(tally.totals(), { layers: 2, layersDone: 2, bytes: 0, bytesTotal: 0, fraction: 1 });
  });
});

describe('pull: what each failure tells the user', () => {
  // The reasons as engines word them. The engine tier produces every one of these on its
  // dockerd 20.10, Podman and registry except the two platform refusals: dockerd 20.10 pulls a
  // single-platform image whatever platform is asked for, so those two are newer dockerd's words.
  const reference = '127.0.0.1:5000/team/app:1';
  const registry = '127.0.0.1:5000';
  const login = { serveraddress: registry, username: 'u', password: 's3cret-pw', source: 'layerwise-login' as const };
  const cases: Array<[string, string, RegExp]> = [
    ['refused', 'Head "http://127.0.0.1:5000/v2/team/app/manifests/1": no basic auth credentials', /^The registry 127\.0\.0\.1:5000 refused the credentials \(.+\)\. Log in again/],
    ['missing tag', 'manifest for 127.0.0.1:5000/team/app:1 not found: manifest unknown: manifest unknown', /^127\.0\.0\.1:5000 has no image 127\.0\.0\.1:5000\/team\/app:1 \(.+\)\. Check the repository name and the tag/],
    ['nothing listens', 'Get "http://127.0.0.1:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused', /^Cannot reach the registry 127\.0\.0\.1:5000 to pull/],
    ['plain HTTP', 'pinging container registry 127.0.0.1:5000: Get "https://127.0.0.1:5000/v2/": http: server gave HTTP response to HTTPS client', /answers in plain HTTP, and the engine expects HTTPS/],
    ['single-platform image, other platform', 'image with reference 127.0.0.1:5000/team/app:1 was found but does not match the specified platform: wanted linux/arm64, actual: linux/amd64', /^127\.0\.0\.1:5000 has 127\.0\.0\.1:5000\/team\/app:1, but not for linux\/arm64 \(.+\)\. Check the platform FROM asks for/],
    ['manifest list without the platform', 'no matching manifest for linux/arm64 in the manifest list entries', /but not for linux\/arm64/],
    ['anything else', 'write /var/lib/docker/tmp/x: no space left on device', /^Pulling 127\.0\.0\.1:5000\/team\/app:1 failed: write .*no space left on device \(••••\)$/],
  ];
  for (const [name, reason, expected] of cases) {
    it(name, () => {
      const error = describePullFailure(reference, registry, `${reason} (s3cret-pw)`, { credentials: login, platform: 'linux/arm64' });
      assert.match(error.message, expected);
      assert.ok(!error.message.includes('s3cret-pw'), 'the password is removed');
      assert.equal(error instanceof RegistryAuthError, name === 'refused');
    });
  }
});
