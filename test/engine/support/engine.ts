// Engine connections for tests, built with the product's own engine module.
import { EngineConnection, parseHost, type EngineEndpoint, type SshOptions, type TlsMaterial } from '../../../client/src/engine';
import * as path from 'node:path';
import { testState } from './state';

export type TestEngineName = 'main' | 'tls' | 'tls-unix' | 'ssh' | 'podman';

/** The endpoint of one of the engines up.sh provides. */
export function testEndpoint(name: TestEngineName): EngineEndpoint {
  const state = testState();
  switch (name) {
    case 'main':
      return parseHost(state.main.host, { source: 'setting' });
    case 'tls':
      return parseHost(state.tls.host, { source: 'setting', tls: tlsFromDir(state.tls.certPath) });
    case 'tls-unix':
      return parseHost(state.tls.unixHost, { source: 'setting' });
    case 'ssh':
      return parseHost(state.ssh.host, { source: 'setting', ssh: { identityFiles: [state.ssh.identityFile] } satisfies SshOptions });
    case 'podman':
      return parseHost(state.podman.host, { source: 'setting' });
  }
}

export function tlsFromDir(certPath: string, verify = true): TlsMaterial {
  return { caFile: path.join(certPath, 'ca.pem'), certFile: path.join(certPath, 'cert.pem'), keyFile: path.join(certPath, 'key.pem'), verify };
}

const open = new Map<TestEngineName, Promise<EngineConnection>>();

/**
 * A shared connection to one of the test engines (opened once per test process, closed by
 * `closeTestEngines`, which the root hook in support/hooks.ts calls after the run).
 */
export function testEngine(name: TestEngineName = 'main'): Promise<EngineConnection> {
  let connection = open.get(name);
  if (!connection) {
    connection = EngineConnection.open(testEndpoint(name), { timeoutMs: 30_000 });
    connection.catch(() => open.delete(name));
    open.set(name, connection);
  }
  return connection;
}

export async function closeTestEngines(): Promise<void> {
  const all = [...open.values()];
  open.clear();
  for (const pending of all) (await pending.catch(() => undefined))?.dispose();
}
