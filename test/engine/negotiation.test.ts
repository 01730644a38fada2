// API version negotiation. The real engines here all speak 1.41, so an engine that is too old or
// newer than we know is reproduced by a stand-in: a tiny HTTP server on a unix socket that
// answers /version like such an engine would and records the paths it is asked for. (A mock,
// and only for what no real part here can produce on demand.)
import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineConnection, EngineError, MAX_API_VERSION, parseHost } from '../../client/src/engine';

async function standInEngine(apiVersion: string): Promise<{ host: string; paths: string[]; close(): Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'layerwise-standin-'));
  const socket = path.join(dir, 'engine.sock');
  const paths: string[] = [];
  const server = http.createServer((request, response) => {
    paths.push(request.url ?? '');
    response.setHeader('Content-Type', 'application/json');
    if (request.url?.endsWith('/version')) response.end(JSON.stringify({ Version: '99.0.0', ApiVersion: apiVersion, MinAPIVersion: '1.12', Os: 'linux', Arch: 'amd64', Components: [{ Name: 'Engine' }] }));
    else if (request.url?.includes('/images/json')) response.end('[]');
    else response.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return {
    host: `unix://${socket}`,
    paths,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

describe('API version negotiation', () => {
  it('an engine older than API 1.25 is refused with api-too-old and a fix', async () => {
    const engine = await standInEngine('1.12');
    try {
      await assert.rejects(EngineConnection.open(parseHost(engine.host, { source: 'setting' })), (error: unknown) => {
        assert.ok(error instanceof EngineError);
        assert.equal(error.kind, 'api-too-old');
        assert.match(error.message, /speaks API 1\.12, older than 1\.25/);
        assert.match(error.message, /Upgrade the engine/);
        return true;
      });
    } finally {
      await engine.close();
    }
  });

  it('an engine newer than we know is spoken to in our newest version, on every path', async () => {
    const engine = await standInEngine('1.99');
    try {
      const connection = await EngineConnection.open(parseHost(engine.host, { source: 'setting' }));
      assert.equal(connection.info.apiVersion, MAX_API_VERSION);
      assert.equal(connection.info.serverApiVersion, '1.99');
      await connection.listImages();
      connection.dispose();
      assert.equal(engine.paths[0], '/version', 'the first request is unversioned');
      assert.ok(engine.paths[1]?.startsWith(`/v${MAX_API_VERSION}/images/json`), `then versioned: ${engine.paths[1]}`);
    } finally {
      await engine.close();
    }
  });
});
