import { strict as assert } from 'node:assert';
import { InvalidChangeError, validateChange } from '../../../client/src/engine/operations/commit';
import { normalizeRegistry, redactSecrets, registryAuthHeader, registryOfReference, serverAddressFor } from '../../../client/src/engine/operations/credentials';
import { configChanges } from '../../../client/src/engine/operations/flatten';
import { formatBytes } from '../../../client/src/explorer/shape/format';
import { jsonMessages } from '../../../client/src/engine/operations/jsonMessages';
import { splitReference } from '../../../client/src/engine/operations/registry';
import { Readable } from 'node:stream';

describe('registry names', () => {
  const references: Array<[string, string]> = [
    ['busybox', 'docker.io'],
    ['library/busybox:1.36', 'docker.io'],
    ['127.0.0.1:5000/team/app:1.0', '127.0.0.1:5000'],
    ['localhost/app', 'localhost'],
    ['ghcr.io/org/app@sha256:abc', 'ghcr.io'],
    ['index.docker.io/library/x', 'docker.io'],
  ];
  for (const [reference, registry] of references) it(`${reference} → ${registry}`, () => assert.equal(registryOfReference(reference), registry));

  it('normalises config.json keys and gives the engine its server address', () => {
    assert.equal(normalizeRegistry('https://index.docker.io/v1/'), 'docker.io');
    assert.equal(normalizeRegistry('http://127.0.0.1:5000'), '127.0.0.1:5000');
    assert.equal(serverAddressFor('docker.io'), 'https://index.docker.io/v1/');
    assert.equal(serverAddressFor('registry.example.com'), 'registry.example.com');
  });

  it('splits references into repository and tag', () => {
    assert.deepEqual(splitReference('127.0.0.1:5000/team/app'), { repository: '127.0.0.1:5000/team/app', tag: 'latest' });
    assert.deepEqual(splitReference('app:1.0'), { repository: 'app', tag: '1.0' });
    assert.deepEqual(splitReference('app@sha256:abc'), { repository: 'app', tag: 'sha256:abc' });
  });

  it('keeps secrets out of text and sends identity tokens instead of passwords when present', () => {
    const credentials = { serveraddress: 'r', username: 'u', password: 's3cr3t', source: 'layerwise-login' as const };
    assert.equal(redactSecrets('denied for s3cr3t', credentials), 'denied for ••••');
    assert.deepEqual(registryAuthHeader({ serveraddress: 'r', identitytoken: 't', source: 'config-auths' }), { identitytoken: 't', serveraddress: 'r' });
    assert.deepEqual(registryAuthHeader(undefined), {});
  });
});

describe('commit changes (checked by the Dockerfile core)', () => {
  for (const change of ['CMD ["app", "--serve"]', 'ENV A=1 B="two words"', 'EXPOSE 8080/tcp 53/udp', 'WORKDIR /srv', 'LABEL a=b', 'USER nobody', 'VOLUME ["/data"]', 'ONBUILD RUN make', 'ENTRYPOINT ["/bin/sh", "-c"]']) {
    it(`accepts ${change}`, () => assert.equal(validateChange(`  ${change} `), change));
  }
  for (const [change, reason] of [['COPY . /', /cannot be applied/], ['CMDD x', /not a Dockerfile instruction/], ['EXPOSE eighty', /not a port/], ['ONBUILD', /ONBUILD needs/], ['', /empty/], ['CMD a\nRUN b', /one line/]] as const) {
    it(`refuses ${JSON.stringify(change)}`, () => assert.throws(() => validateChange(change), (error: unknown) => error instanceof InvalidChangeError && reason.test(error.message)));
  }
});

describe('flatten config changes', () => {
  it('turns an image config into import changes that keep values verbatim', () => {
    const changes = configChanges({
      Env: ['PATH=/usr/bin:/bin', 'GREETING=say "hi" $HOME \\o/'],
      Entrypoint: ['/bin/sh', '-c'],
      Cmd: ['echo hi'],
      ExposedPorts: { '80/tcp': {} },
      Labels: { 'org.example': 'a b' },
      OnBuild: ['RUN make'],
      User: 'nobody',
      Volumes: { '/data': {} },
      WorkingDir: '/srv',
    });
    assert.deepEqual(changes, [
      'ENV PATH="/usr/bin:/bin"',
      'ENV GREETING="say \\"hi\\" \\$HOME \\\\o/"',
      'ENTRYPOINT ["/bin/sh","-c"]',
      'CMD ["echo hi"]',
      'EXPOSE 80/tcp',
      'LABEL "org.example"="a b"',
      'ONBUILD RUN make',
      'USER nobody',
      'VOLUME ["/data"]',
      'WORKDIR /srv',
    ]);
    for (const change of changes) validateChange(change);
  });
});

describe('engine JSON message streams', () => {
  it('reads messages split across chunks and several objects on one line', async () => {
    const chunks = ['{"status":"a"}\r\n{"str', 'eam":"b\\n"}\n{"id":"x"}{"id":"y"}\n', 'not json\n'];
    const messages = [];
    for await (const message of jsonMessages(Readable.from(chunks.map((chunk) => Buffer.from(chunk))))) messages.push(message);
    assert.deepEqual(messages, [{ status: 'a' }, { stream: 'b\n' }, { id: 'x' }, { id: 'y' }, { stream: 'not json\n' }]);
  });

  it('formats sizes as docker does', () => {
    assert.equal(formatBytes(999), '999 B');
    assert.equal(formatBytes(1_500_000), '1.5 MB');
    assert.equal(formatBytes(2_340_000_000), '2.34 GB');
  });
});
