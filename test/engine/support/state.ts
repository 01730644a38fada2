// What test/engine/up.sh started, as it described it in $LAYERWISE_TEST_STATE/state.json.
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TestState {
  readonly stateDir: string;
  /** `layerwise-test/busybox:latest`: busybox-static root fs, present on the main and TLS engines. */
  readonly baseImage: string;
  readonly main: { readonly host: string; readonly startedByUs: boolean };
  /** Registry with htpasswd (bcrypt) auth; anonymous requests get 401. */
  readonly registry: { readonly address: string; readonly username: string; readonly password: string };
  /** Registry without auth. */
  readonly openRegistry: { readonly address: string };
  /** A second dockerd with mutual TLS; `unixHost` reaches the same engine without TLS. */
  readonly tls: { readonly host: string; readonly unixHost: string; readonly certPath: string; readonly wrongCaCertPath: string; readonly pidFile: string };
  /** sshd on loopback reaching the main engine through `docker system dial-stdio`. */
  readonly ssh: { readonly host: string; readonly identityFile: string; readonly wrongIdentityFile: string; readonly agentSocket: string };
  readonly podman: { readonly host: string; readonly baseImage: string };
}

export function stateDir(): string {
  return process.env.LAYERWISE_TEST_STATE || path.join(os.homedir(), '.cache', 'layerwise-test');
}

let cached: TestState | undefined;

export function testState(): TestState {
  if (cached) return cached;
  const file = path.join(stateDir(), 'state.json');
  try {
    cached = JSON.parse(readFileSync(file, 'utf8')) as TestState;
  } catch (error) {
    throw new Error(`${file} is missing or unreadable (${(error as Error).message}): run test/engine/up.sh (or npm run test:engine) first.`);
  }
  return cached;
}

/** Path of test/engine/up.sh, for tests that stop an engine and need it back. */
export const upScript = path.join(__dirname, '..', 'up.sh');
