// Which engine Layerwise picks: the resolution order of the issue, on real files in a temp home.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineError, resolveEndpoint, type ResolveOptions } from '../../../client/src/engine';

let home: string;

async function writeContext(name: string, host: string, tlsFiles: string[] = [], skipTlsVerify = false): Promise<void> {
  const id = createHash('sha256').update(name).digest('hex');
  const meta = path.join(home, '.docker', 'contexts', 'meta', id);
  await fs.mkdir(meta, { recursive: true });
  await fs.writeFile(path.join(meta, 'meta.json'), JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: skipTlsVerify } } }));
  const tls = path.join(home, '.docker', 'contexts', 'tls', id, 'docker');
  await fs.mkdir(tls, { recursive: true });
  for (const file of tlsFiles) await fs.writeFile(path.join(tls, file), 'pem');
}

function resolve(options: Partial<ResolveOptions> & { sockets?: string[] } = {}) {
  const sockets = new Set(options.sockets ?? []);
  return resolveEndpoint({ env: {}, homeDir: home, platform: 'linux', uid: 1000, socketExists: async (socket) => sockets.has(socket), ...options });
}

describe('engine endpoint resolution order', () => {
  beforeEach(async () => {
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'layerwise-home-'));
  });
  afterEach(async () => {
    await fs.rm(home, { recursive: true, force: true });
  });

  it('1. the host setting wins over DOCKER_HOST and the context', async () => {
    await writeContext('remote', 'tcp://10.0.0.1:2376', ['ca.pem', 'cert.pem', 'key.pem']);
    await fs.writeFile(path.join(home, '.docker', 'config.json'), JSON.stringify({ currentContext: 'remote' }));
    const { endpoint } = await resolve({ hostSetting: 'unix:///custom.sock', env: { DOCKER_HOST: 'tcp://1.2.3.4:2375' } });
    assert.equal(endpoint.host, 'unix:///custom.sock');
    assert.equal(endpoint.source, 'setting');
  });

  it('1b. the context setting wins over DOCKER_HOST', async () => {
    await writeContext('remote', 'tcp://10.0.0.1:2376', ['ca.pem', 'cert.pem', 'key.pem']);
    const { endpoint } = await resolve({ contextSetting: 'remote', env: { DOCKER_HOST: 'tcp://1.2.3.4:2375' } });
    assert.equal(endpoint.label, 'remote');
    assert.equal(endpoint.host, 'tcp://10.0.0.1:2376');
    assert.ok(endpoint.tls?.verify);
  });

  it('2. DOCKER_HOST with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH', async () => {
    const { endpoint } = await resolve({ env: { DOCKER_HOST: 'tcp://engine.example:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' } });
    assert.equal(endpoint.source, 'env');
    assert.deepEqual(endpoint.tls, { caFile: '/certs/ca.pem', certFile: '/certs/cert.pem', keyFile: '/certs/key.pem', verify: true });
  });

  it('2b. DOCKER_TLS_VERIFY without DOCKER_CERT_PATH uses ~/.docker, as the docker CLI does', async () => {
    const { endpoint } = await resolve({ env: { DOCKER_HOST: 'tcp://engine.example', DOCKER_TLS_VERIFY: '1' } });
    assert.equal(endpoint.tls?.caFile, path.join(home, '.docker', 'ca.pem'));
    assert.equal(endpoint.port, 2376, 'TLS hosts default to port 2376');
  });

  it('2c. DOCKER_HOST wins over the current context', async () => {
    await writeContext('remote', 'tcp://10.0.0.1:2376');
    const { endpoint } = await resolve({ env: { DOCKER_HOST: 'unix:///from-env.sock', DOCKER_CONTEXT: 'remote' } });
    assert.equal(endpoint.host, 'unix:///from-env.sock');
  });

  it('3. the current context from config.json, with its TLS material', async () => {
    await writeContext('remote', 'tcp://10.0.0.1:2376', ['ca.pem', 'cert.pem', 'key.pem']);
    await fs.writeFile(path.join(home, '.docker', 'config.json'), JSON.stringify({ currentContext: 'remote' }));
    const { endpoint } = await resolve({ sockets: ['/var/run/docker.sock'] });
    assert.equal(endpoint.source, 'context');
    assert.equal(endpoint.contextName, 'remote');
    assert.match(endpoint.tls?.caFile ?? '', /contexts\/tls\/[0-9a-f]{64}\/docker\/ca\.pem$/);
  });

  it('3b. DOCKER_CONTEXT wins over config.json; an ssh context gets the default key files', async () => {
    await writeContext('ssh-box', 'ssh://me@box:2222');
    await writeContext('remote', 'tcp://10.0.0.1:2375');
    await fs.writeFile(path.join(home, '.docker', 'config.json'), JSON.stringify({ currentContext: 'remote' }));
    await fs.mkdir(path.join(home, '.ssh'));
    await fs.writeFile(path.join(home, '.ssh', 'id_rsa'), 'key');
    const { endpoint } = await resolve({ env: { DOCKER_CONTEXT: 'ssh-box', SSH_AUTH_SOCK: '/agent.sock' } });
    assert.equal(endpoint.transport, 'ssh');
    assert.equal(endpoint.username, 'me');
    assert.equal(endpoint.port, 2222);
    assert.deepEqual(endpoint.ssh, { identityFiles: [path.join(home, '.ssh', 'id_rsa')], agentSocket: '/agent.sock' });
  });

  it('3c. a context that does not exist is a config error naming it', async () => {
    await assert.rejects(resolve({ env: { DOCKER_CONTEXT: 'gone' } }), (error: unknown) => error instanceof EngineError && error.kind === 'config' && /no docker context named "gone"/.test(error.message));
  });

  it('3d. the "default" context means the default socket', async () => {
    await fs.mkdir(path.join(home, '.docker'), { recursive: true });
    await fs.writeFile(path.join(home, '.docker', 'config.json'), JSON.stringify({ currentContext: 'default' }));
    const { endpoint } = await resolve({ sockets: ['/var/run/docker.sock'] });
    assert.equal(endpoint.host, 'unix:///var/run/docker.sock');
    assert.equal(endpoint.source, 'default');
  });

  it('4. the default socket, then Docker Desktop\'s user socket', async () => {
    const desktop = path.join(home, '.docker', 'run', 'docker.sock');
    assert.equal((await resolve({ sockets: [desktop, '/run/podman/podman.sock'] })).endpoint.host, `unix://${desktop}`);
  });

  it('5. Podman rootful, then rootless under XDG_RUNTIME_DIR', async () => {
    assert.equal((await resolve({ sockets: ['/run/podman/podman.sock', '/run/user/1000/podman/podman.sock'] })).endpoint.source, 'podman-rootful');
    const rootless = await resolve({ env: { XDG_RUNTIME_DIR: '/run/user/1000' }, sockets: ['/run/user/1000/podman/podman.sock'] });
    assert.equal(rootless.endpoint.source, 'podman-rootless');
    assert.equal(rootless.endpoint.host, 'unix:///run/user/1000/podman/podman.sock');
  });

  it('nothing found: the default socket, with everything looked at', async () => {
    const { endpoint, tried } = await resolve();
    assert.equal(endpoint.host, 'unix:///var/run/docker.sock');
    assert.equal(tried.length, 4);
    assert.ok(tried.includes('unix:///run/podman/podman.sock'));
  });

  it('Windows: the named pipe', async () => {
    const { endpoint } = await resolve({ platform: 'win32' });
    assert.equal(endpoint.transport, 'npipe');
    assert.equal(endpoint.socketPath, '\\\\.\\pipe\\docker_engine');
  });
});
