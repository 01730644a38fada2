// Connecting to real engines over every transport, and what the user reads when it fails.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineConnection, EngineError, parseHost, resolveEndpoint, type EngineEndpoint } from '../../client/src/engine';
import { probeTlsRejection } from '../../client/src/engine/tlsDiagnosis';
import { docker, testEndpoint, testState, tlsFromDir } from './support';

async function connectAndList(endpoint: EngineEndpoint) {
  const engine = await EngineConnection.open(endpoint, { timeoutMs: 30_000 });
  try {
    const images = await engine.listImages();
    return { info: engine.info, tags: images.flatMap((image) => image.repoTags) };
  } finally {
    engine.dispose();
  }
}

async function expectEngineError(work: () => Promise<unknown>, kind: EngineError['kind'], ...mentions: RegExp[]): Promise<EngineError> {
  try {
    await work();
  } catch (error) {
    assert.ok(error instanceof EngineError, `expected an EngineError, got ${String(error)}`);
    assert.equal(error.kind, kind, `kind of: ${error.message}`);
    for (const mention of mentions) assert.match(error.message, mention);
    return error;
  }
  assert.fail(`expected a ${kind} error`);
}

/** Runs `work` with HOME pointing at a fresh folder whose ~/.ssh holds `files`; HOME comes back after. */
async function withSshHome(files: Record<string, string>, work: () => Promise<void>): Promise<void> {
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'layerwise-sshhome-'));
  const savedHome = process.env.HOME;
  try {
    await fs.mkdir(path.join(home, '.ssh'));
    for (const [name, content] of Object.entries(files)) await fs.writeFile(path.join(home, '.ssh', name), content);
    process.env.HOME = home;
    await work();
  } finally {
    process.env.HOME = savedHome;
    await fs.rm(home, { recursive: true, force: true });
  }
}

describe('engine connection', () => {
  it('lists the images of the local dockerd over its unix socket and negotiates the API version', async () => {
    const { info, tags } = await connectAndList(testEndpoint('main'));
    assert.equal(info.product, 'docker');
    assert.match(info.apiVersion, /^1\.\d+$/);
    assert.equal(info.apiVersion, info.serverApiVersion, 'an engine older than our newest API is spoken to in its own version');
    assert.ok(tags.includes(testState().baseImage), `the base image is listed: ${tags.join(', ')}`);
  });

  it('reaches a dockerd over tcp with mutual TLS from DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH', async () => {
    const state = testState();
    const { endpoint } = await resolveEndpoint({ env: { DOCKER_HOST: state.tls.host, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: state.tls.certPath }, homeDir: os.tmpdir() });
    assert.equal(endpoint.source, 'env');
    assert.ok(endpoint.tls?.verify);
    const { info, tags } = await connectAndList(endpoint);
    assert.equal(info.product, 'docker');
    assert.ok(tags.includes(state.baseImage));
  });

  it('reaches the TLS engine through a docker context created by the docker CLI', async () => {
    const state = testState();
    const configDir = await fs.mkdtemp(path.join(os.tmpdir(), 'layerwise-context-'));
    try {
      const env = { DOCKER_CONFIG: configDir };
      const cert = state.tls.certPath;
      await docker(['context', 'create', 'remote-tls', '--description', 'TLS test engine', '--docker', `host=${state.tls.host},ca=${cert}/ca.pem,cert=${cert}/cert.pem,key=${cert}/key.pem`], { env });
      await docker(['context', 'use', 'remote-tls'], { env });
      const { endpoint } = await resolveEndpoint({ env, homeDir: os.tmpdir() });
      assert.equal(endpoint.source, 'context');
      assert.equal(endpoint.label, 'remote-tls');
      assert.equal(endpoint.host, state.tls.host);
      const { tags } = await connectAndList(endpoint);
      assert.ok(tags.includes(state.baseImage));
    } finally {
      await fs.rm(configDir, { recursive: true, force: true });
    }
  });

  it('reaches the engine over ssh:// with a key file', async () => {
    const { info, tags } = await connectAndList(testEndpoint('ssh'));
    assert.equal(info.product, 'docker');
    assert.ok(tags.includes(testState().baseImage));
  });

  it('reaches the engine over ssh:// with the key held by ssh-agent only', async () => {
    const state = testState();
    const endpoint = parseHost(state.ssh.host, { source: 'env', ssh: { identityFiles: [], agentSocket: state.ssh.agentSocket } });
    const { tags } = await connectAndList(endpoint);
    assert.ok(tags.includes(state.baseImage));
  });

  it('reaches the engine over ssh://alias resolved through ~/.ssh/config (HostName, Port, User, IdentityFile)', async () => {
    const state = testState();
    const target = new URL(state.ssh.host);
    await withSshHome({ config: `Host layerwise-engine\n  HostName ${target.hostname}\n  Port ${target.port}\n  User ${target.username}\n  IdentityFile ${state.ssh.identityFile}\n` }, async () => {
      const { tags } = await connectAndList(parseHost('ssh://layerwise-engine', { source: 'setting', ssh: { identityFiles: [] } }));
      assert.ok(tags.includes(state.baseImage));
    });
  });

  it('lists images through Podman\'s Docker-compatible API', async () => {
    const { info, tags } = await connectAndList(testEndpoint('podman'));
    assert.equal(info.product, 'podman');
    assert.ok(tags.includes(testState().podman.baseImage), `podman lists ${tags.join(', ')}`);
  });
});

describe('engine connection failures, worded for the user', () => {
  it('socket missing: not-found, naming the socket and how to start the engine', async () => {
    const endpoint = parseHost('unix:///tmp/layerwise-no-such-engine.sock', { source: 'setting' });
    const error = await expectEngineError(() => EngineConnection.open(endpoint), 'not-found', /layerwise-no-such-engine\.sock/, /does not exist/, /[Ss]tart the engine/);
    assert.ok(error.isConnectionFailure);
  });

  it('wrong CA: tls, saying the engine certificate is not signed by the configured CA', async () => {
    const state = testState();
    const endpoint = parseHost(state.tls.host, { source: 'env', tls: tlsFromDir(state.tls.wrongCaCertPath) });
    await expectEngineError(() => EngineConnection.open(endpoint), 'tls', /tcp:\/\/127\.0\.0\.1:2376/, /not signed by the configured CA/, /ca\.pem/);
  });

  it('no client certificate: tls, saying the engine rejected the client', async () => {
    const state = testState();
    const endpoint = parseHost(state.tls.host, { source: 'env', tls: { caFile: path.join(state.tls.certPath, 'ca.pem'), verify: true } });
    await expectEngineError(() => EngineConnection.open(endpoint), 'tls', /rejected the client certificate|TLS/);
  });

  it('a client certificate the engine does not trust: tls, the engine rejected it — every time, not "the connection dropped"', async function () {
    this.timeout(60_000);
    const state = testState();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'layerwise-untrusted-client-'));
    try {
      await fs.copyFile(path.join(state.tls.certPath, 'ca.pem'), path.join(dir, 'ca.pem'));
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=layerwise-untrusted-client', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
      const endpoint = parseHost(state.tls.host, { source: 'env', tls: tlsFromDir(dir) });
      // With TLS 1.3 the engine's alert races a reset of the connection (seen under load in CI,
      // not reproducible on demand here): repeat, and check the probe that settles the race.
      for (let attempt = 0; attempt < 8; attempt++) {
        await expectEngineError(() => EngineConnection.open(endpoint), 'tls', /tcp:\/\/127\.0\.0\.1:2376/, /the engine rejected the client certificate/, /cert\.pem\/key\.pem signed by the CA/);
      }
      const [ca, cert, key] = await Promise.all(['ca.pem', 'cert.pem', 'key.pem'].map((file) => fs.readFile(path.join(dir, file))));
      const rejection = await probeTlsRejection({ hostname: '127.0.0.1', port: 2376, ca, cert, key, verify: true });
      assert.ok(rejection, 'a bare handshake with the untrusted certificate gets the engine\'s alert');
      assert.match(rejection.message, /alert/i);
      const [goodCert, goodKey] = await Promise.all(['cert.pem', 'key.pem'].map((file) => fs.readFile(path.join(state.tls.certPath, file))));
      assert.equal(await probeTlsRejection({ hostname: '127.0.0.1', port: 2376, ca, cert: goodCert, key: goodKey, verify: true }, 1_000), undefined, 'the trusted certificate keeps the session');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('plain HTTP to the TLS port: tls-required, naming DOCKER_TLS_VERIFY', async () => {
    const endpoint = parseHost(testState().tls.host, { source: 'env' });
    await expectEngineError(() => EngineConnection.open(endpoint), 'tls-required', /expects TLS/, /DOCKER_TLS_VERIFY/);
  });

  it('wrong SSH key: ssh-auth, saying which keys to use', async () => {
    const state = testState();
    const endpoint = parseHost(state.ssh.host, { source: 'setting', ssh: { identityFiles: [state.ssh.wrongIdentityFile] } });
    await expectEngineError(() => EngineConnection.open(endpoint), 'ssh-auth', /ssh:\/\//, /refused every key/, /ssh-add|sshIdentityFile/);
  });

  it('a changed SSH host key (known_hosts lists another key): refused, naming known_hosts', async () => {
    const state = testState();
    const target = new URL(state.ssh.host);
    // Another ed25519 key recorded for this host: what a man-in-the-middle (or a reinstall) looks like.
    const otherKey = (await fs.readFile(`${state.ssh.wrongIdentityFile}.pub`, 'utf8')).split(' ').slice(0, 2).join(' ');
    await withSshHome({ known_hosts: `[${target.hostname}]:${target.port} ${otherKey}\n` }, async () => {
      const endpoint = parseHost(state.ssh.host, { source: 'setting', ssh: { identityFiles: [state.ssh.identityFile] } });
      await expectEngineError(() => EngineConnection.open(endpoint), 'ssh', /does not match ~\/\.ssh\/known_hosts/, /known_hosts/);
    });
  });

  it('missing TLS files: config, naming every missing file in a fixed order', async () => {
    const endpoint = parseHost(testState().tls.host, { source: 'env', tls: tlsFromDir('/nonexistent/certs') });
    // The three files are read at once: the message must not depend on which read fails first.
    for (let attempt = 0; attempt < 5; attempt++) {
      await expectEngineError(
        () => EngineConnection.open(endpoint),
        'config',
        /the CA certificate \/nonexistent\/certs\/ca\.pem does not exist, the client certificate \/nonexistent\/certs\/cert\.pem does not exist and the client key \/nonexistent\/certs\/key\.pem does not exist/,
      );
    }
    // Only the key missing: only the key is named.
    const partial = await fs.mkdtemp(path.join(os.tmpdir(), 'layerwise-certs-'));
    try {
      for (const name of ['ca.pem', 'cert.pem']) await fs.copyFile(path.join(testState().tls.certPath, name), path.join(partial, name));
      const error = await expectEngineError(() => EngineConnection.open(parseHost(testState().tls.host, { source: 'env', tls: tlsFromDir(partial) })), 'config', /the client key \S+key\.pem does not exist/);
      assert.doesNotMatch(error.message, /CA certificate|client certificate/);
    } finally {
      await fs.rm(partial, { recursive: true, force: true });
    }
  });

  it('cancellation: an aborted call fails as cancelled, at once', async () => {
    const controller = new AbortController();
    controller.abort();
    await expectEngineError(() => EngineConnection.open(testEndpoint('main'), { signal: controller.signal }), 'cancelled');
  });
});
