// Host strings, list payloads and known_hosts: the parsing the engine module does on its own.
import { strict as assert } from 'node:assert';
import { createHmac } from 'node:crypto';
import { EngineError, healthFromStatus, parseHost, toContainerSummary, toImageSummary } from '../../../client/src/engine';
import { parseKnownHosts } from '../../../client/src/engine/sshBridge';

describe('parseHost', () => {
  const cases: Array<[string, Partial<ReturnType<typeof parseHost>>]> = [
    ['unix:///var/run/docker.sock', { transport: 'unix', socketPath: '/var/run/docker.sock' }],
    ['unix://', { transport: 'unix', socketPath: '/var/run/docker.sock' }],
    ['tcp://10.0.0.5', { transport: 'tcp', hostname: '10.0.0.5', port: 2375, host: 'tcp://10.0.0.5:2375' }],
    ['10.0.0.5:1234', { transport: 'tcp', hostname: '10.0.0.5', port: 1234 }],
    ['tcp://[::1]:2376', { transport: 'tcp', hostname: '::1', port: 2376 }],
    ['ssh://me@box', { transport: 'ssh', hostname: 'box', port: 22, username: 'me', host: 'ssh://me@box' }],
    ['ssh://box:2222', { transport: 'ssh', hostname: 'box', port: 2222, username: undefined }],
    ['npipe:////./pipe/docker_engine', { transport: 'npipe', socketPath: '\\\\.\\pipe\\docker_engine' }],
  ];
  for (const [host, expected] of cases) {
    it(host, () => {
      const endpoint = parseHost(host, { source: 'setting' });
      for (const [key, value] of Object.entries(expected)) assert.deepEqual((endpoint as any)[key], value, key);
    });
  }

  const bad: Array<[string, RegExp]> = [
    ['', /empty/],
    ['fd://', /socket-activation/],
    ['unix://relative.sock', /absolute/],
    ['ftp://x', /ftp:\/\/ is not supported/],
    ['ssh://me:secret@box', /passwords/],
  ];
  for (const [host, reason] of bad) {
    it(`rejects ${JSON.stringify(host)} with a config error`, () => {
      assert.throws(() => parseHost(host, { source: 'setting' }), (error: unknown) => error instanceof EngineError && error.kind === 'config' && reason.test(error.message));
    });
  }
});

describe('list payloads', () => {
  it('health comes from the status text, as docker ps shows it', () => {
    assert.equal(healthFromStatus('Up 3 minutes (healthy)'), 'healthy');
    assert.equal(healthFromStatus('Up 3 minutes (unhealthy)'), 'unhealthy');
    assert.equal(healthFromStatus('Up 2 seconds (health: starting)'), 'starting');
    assert.equal(healthFromStatus('Exited (0) 5 minutes ago'), 'none');
  });

  it('a container row: name, exit code, compose labels, published ports', () => {
    const container = toContainerSummary({
      Id: 'abc',
      Names: ['/web-1'],
      State: 'exited',
      Status: 'Exited (137) 2 hours ago',
      Labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web' },
      Ports: [{ PrivatePort: 80, PublicPort: 8080, IP: '0.0.0.0', Type: 'tcp' }, { PrivatePort: 443, Type: 'tcp' }],
    });
    assert.equal(container.name, 'web-1');
    assert.equal(container.exitCode, 137);
    assert.equal(container.composeProject, 'shop');
    assert.equal(container.composeService, 'web');
    assert.deepEqual(container.ports[1], { privatePort: 443, publicPort: undefined, ip: undefined, type: 'tcp' });
  });

  it('an image row: Docker\'s <none>:<none> placeholder means dangling', () => {
    const image = toImageSummary({ Id: 'sha256:1', RepoTags: ['<none>:<none>'], RepoDigests: ['<none>@<none>'], Size: 5 });
    assert.deepEqual(image.repoTags, []);
    assert.ok(image.dangling);
    assert.ok(!toImageSummary({ Id: 'sha256:2', RepoTags: ['a:1'] }).dangling);
  });
});

describe('known_hosts', () => {
  it('finds plain and hashed entries, with [host]:port for other ports', () => {
    const salt = Buffer.from('0123456789abcdef0123');
    const hash = createHmac('sha1', salt).update('[box]:2222').digest('base64');
    const text = [`box ssh-ed25519 ${Buffer.from('plain').toString('base64')}`, `|1|${salt.toString('base64')}|${hash} ssh-ed25519 ${Buffer.from('hashed').toString('base64')}`, '# comment'].join('\n');
    assert.deepEqual(parseKnownHosts(text, 'box').map(String), ['plain']);
    assert.deepEqual(parseKnownHosts(text, '[box]:2222').map(String), ['hashed']);
    assert.deepEqual(parseKnownHosts(text, 'other'), []);
  });
});
