import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EngineConnection } from '../../../client/src/engine/connection';
import { buildImage } from '../../../client/src/engine/operations/build';
import { findCredentials, registryOfReference } from '../../../client/src/engine/operations/credentials';
import { PushProgress, RegistryAuthError, pushImage, tagImage, verifyLogin } from '../../../client/src/engine/operations/registry';
import { searchDockerHub, searchRegistry } from '../../../client/src/engine/operations/search';
import { cleanup, mainEngine, registryCredentials, tempDir, testLabels, testState, uniqueName, writeTree } from './support';

describe('registry: tag, login, push, search', function () {
  this.timeout(180_000);
  let engine: EngineConnection;
  let image: string;
  const creds = registryCredentials();
  const registry = creds.serveraddress;
  const login = { serveraddress: registry, username: creds.username, password: creds.password, source: 'layerwise-login' as const };

  before(async () => {
    engine = await mainEngine();
    image = `${uniqueName('push-src')}:1`;
    const base = testState().baseImage;
    await buildImage(engine, {
      contextDir: writeTree({ Dockerfile: `FROM ${base}\nRUN head -c 3000000 /dev/urandom > /a\nRUN head -c 2000000 /dev/urandom > /b\n` }),
      dockerfile: 'Dockerfile',
      tags: [image],
      labels: testLabels(),
    });
  });
  after(() => cleanup(engine));

  function repoName(what: string): string {
    return `${registry}/team/${uniqueName(what)}`;
  }

  it('tags an image for the registry and rejects invalid names with a reason', async () => {
    const target = `${repoName('tag')}:1.0`;
    await tagImage(engine, image, target);
    assert.equal((await engine.docker.getImage(target).inspect()).Id, (await engine.docker.getImage(image).inspect()).Id);
    await assert.rejects(tagImage(engine, image, 'Bad Name:1'), /not a valid image name/);
  });

  it('push without credentials is refused as unauthorized (the caller can then log in)', async () => {
    const target = `${repoName('anon')}:1.0`;
    await tagImage(engine, image, target);
    await assert.rejects(pushImage(engine, { reference: target }), (error: unknown) => {
      assert.ok(error instanceof RegistryAuthError, String(error));
      assert.equal(error.hadCredentials, false);
      assert.equal(error.registry, registry);
      return true;
    });
  });

  it('login is verified by the engine: a wrong password is refused, the right one accepted; no secret in the message', async () => {
    await assert.rejects(verifyLogin(engine, registry, creds.username, 'wrong-password-123'), (error: unknown) => {
      assert.ok(error instanceof RegistryAuthError, String(error));
      assert.ok(!error.message.includes('wrong-password-123'));
      return true;
    });
    const result = await verifyLogin(engine, registry, creds.username, creds.password);
    assert.match(result.status, /Login Succeeded/i);
  });

  it('push with credentials: per-layer progress aggregated, then the registry lists the tag', async () => {
    const repository = repoName('push');
    const target = `${repository}:1.0`;
    await tagImage(engine, image, target);
    const progress: PushProgress[] = [];
    const result = await pushImage(engine, { reference: target, credentials: login, onProgress: (update) => progress.push(update) });
    assert.match(result.digest ?? '', /^sha256:[0-9a-f]{64}$/);
    const last = progress[progress.length - 1]!;
    assert.ok(last.layers >= 3, `layers reported: ${last.layers}`);
    assert.equal(last.layersDone, last.layers);
    assert.equal(last.fraction, 1);
    assert.ok(progress.some((update) => update.fraction > 0 && update.fraction < 1), 'intermediate progress was reported');
    const found = await searchRegistry({ registry, term: repository.slice(registry.length + 1), credentials: login });
    assert.deepEqual(found, [{ name: repository.slice(registry.length + 1), tags: ['1.0'] }]);
    for (const update of progress) assert.ok(!JSON.stringify(update).includes(creds.password));
  });

  it('private registry search without credentials asks to log in', async () => {
    await assert.rejects(searchRegistry({ registry, term: 'team' }), (error: unknown) => error instanceof RegistryAuthError && !error.hadCredentials);
  });

  it('cancelling a push leaves no tag in the registry', async () => {
    const base = testState().baseImage;
    const bigImage = `${uniqueName('push-big')}:1`;
    await buildImage(engine, { contextDir: writeTree({ Dockerfile: `FROM ${base}\nRUN head -c 200000000 /dev/urandom > /big\n` }), dockerfile: 'Dockerfile', tags: [bigImage], labels: testLabels() });
    const repository = repoName('cancel');
    const target = `${repository}:1.0`;
    await tagImage(engine, bigImage, target);
    const controller = new AbortController();
    await assert.rejects(
      pushImage(engine, {
        reference: target,
        credentials: login,
        signal: controller.signal,
        onProgress: (update) => {
          if (update.bytesPushed > 10_000_000) controller.abort();
        },
      }),
      (error: unknown) => (error as { kind?: string }).kind === 'cancelled',
    );
    const listed = await searchRegistry({ registry, term: repository.slice(registry.length + 1), credentials: login });
    assert.ok(listed.every((entry) => entry.tags.length === 0), JSON.stringify(listed));
  });

  describe('credentials as the docker CLI stores them', () => {
    let configDir: string;
    beforeEach(() => {
      configDir = tempDir('docker-config');
    });

    it('reads config.json auths and pushes with them', async () => {
      fs.writeFileSync(path.join(configDir, 'config.json'), JSON.stringify({ auths: { [`http://${registry}`]: { auth: Buffer.from(`${creds.username}:${creds.password}`).toString('base64') } } }));
      const target = `${repoName('auths')}:2`;
      await tagImage(engine, image, target);
      const found = await findCredentials(registryOfReference(target), { env: { DOCKER_CONFIG: configDir } });
      assert.equal(found?.source, 'config-auths');
      await pushImage(engine, { reference: target, credentials: found });
    });

    it('runs the configured credential helper (docker-credential-<name> get) and pushes with its answer', async () => {
      const bin = tempDir('helper-bin');
      const helper = path.join(bin, 'docker-credential-layerwise-test');
      const secrets = path.join(bin, 'secret.json');
      fs.writeFileSync(secrets, JSON.stringify({ ServerURL: registry, Username: creds.username, Secret: creds.password }));
      // A real helper program speaking the protocol: server URL on stdin, JSON on stdout.
      fs.writeFileSync(helper, `#!/bin/sh\n[ "$1" = get ] || exit 1\nread server\ncase "$server" in\n  ${registry}|http://${registry}|https://${registry}) cat '${secrets}' ;;\n  *) echo "credentials not found in native keychain"; exit 1 ;;\nesac\n`, { mode: 0o755 });
      fs.writeFileSync(path.join(configDir, 'config.json'), JSON.stringify({ credHelpers: { [registry]: 'layerwise-test' } }));
      const env = { DOCKER_CONFIG: configDir, PATH: `${bin}:${process.env.PATH}` };
      const found = await findCredentials(registry, { env });
      assert.equal(found?.source, 'credential-helper');
      assert.equal(found?.username, creds.username);
      assert.equal(await findCredentials('other.example:5000', { env: { ...env } }).then((value) => value?.source), undefined);
      const target = `${repoName('helper')}:3`;
      await tagImage(engine, image, target);
      await pushImage(engine, { reference: target, credentials: found });
    });

    it('a stored Layerwise login wins over config.json', async () => {
      fs.writeFileSync(path.join(configDir, 'config.json'), JSON.stringify({ auths: { [registry]: { auth: Buffer.from('someone:else').toString('base64') } } }));
      const found = await findCredentials(registry, { env: { DOCKER_CONFIG: configDir }, storedLogin: async (host) => (host === registry ? { username: creds.username, password: creds.password } : undefined) });
      assert.equal(found?.source, 'layerwise-login');
      assert.equal(found?.username, creds.username);
    });
  });

  it('Docker Hub search through the engine fails with a message about reaching Docker Hub when offline', async () => {
    await assert.rejects(searchDockerHub(engine, 'busybox', { officialOnly: true, limit: 5 }), (error: unknown) => {
      // These machines have no internet; with it, the same call returns results.
      assert.match((error as Error).message, /Docker Hub|index\.docker\.io/);
      return true;
    });
  });
});
