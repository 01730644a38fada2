// Registry credentials, found the way the docker CLI finds them, plus our own logins:
//   1. a login made in Layerwise (kept by the editor in SecretStorage; passed in as a lookup),
//   2. `credHelpers[<registry>]` of ~/.docker/config.json, run as `docker-credential-<name> get`,
//   3. `credsStore` (the same, for every registry),
//   4. `auths[<registry>].auth` / `identitytoken` in config.json.
// Secrets never go into a message: errors name the registry and the helper, not the values.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dockerConfigDir } from '../contexts';

/** The key Docker uses for Docker Hub in config.json and for the engine's auth. */
export const dockerHubServer = 'https://index.docker.io/v1/';

export interface RegistryCredentials {
  /** The registry as the engine expects it in `serveraddress` (host[:port], or Docker Hub's URL). */
  readonly serveraddress: string;
  readonly username?: string;
  readonly password?: string;
  /** An OAuth refresh token from a previous login (Docker Hub, some registries). */
  readonly identitytoken?: string;
  /** Where the credentials came from, for messages ("from ~/.docker/config.json"). */
  readonly source: 'layerwise-login' | 'config-auths' | 'credential-helper';
  readonly helper?: string;
}

export interface CredentialLookupOptions {
  /** Logins stored by the editor (SecretStorage), by registry host. */
  readonly storedLogin?: (registry: string) => Promise<{ username: string; password: string } | undefined>;
  readonly env?: NodeJS.ProcessEnv;
  readonly homeDir?: string;
  /** Deadline for a credential helper to answer. */
  readonly helperTimeoutMs?: number;
}

/** The registry host of an image reference (`docker.io` for Docker Hub references). */
export function registryOfReference(reference: string): string {
  const slash = reference.indexOf('/');
  if (slash < 0) return 'docker.io';
  const first = reference.slice(0, slash);
  if (first.includes('.') || first.includes(':') || first === 'localhost') return first === 'index.docker.io' || first === 'registry-1.docker.io' ? 'docker.io' : first;
  return 'docker.io';
}

/** `https://host:port/v1/` → `host:port`; Docker Hub spellings → `docker.io`. */
export function normalizeRegistry(server: string): string {
  let host = server.trim().replace(/^[a-z]+:\/\//i, '');
  host = host.replace(/\/.*$/, '');
  if (host === 'index.docker.io' || host === 'registry-1.docker.io' || host === 'docker.io' || host === '') return 'docker.io';
  return host;
}

/** What the engine expects as `serveraddress` for a registry. */
export function serverAddressFor(registry: string): string {
  return normalizeRegistry(registry) === 'docker.io' ? dockerHubServer : normalizeRegistry(registry);
}

interface DockerConfigFile {
  auths?: Record<string, { auth?: string; identitytoken?: string; username?: string; password?: string }>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
}

async function readDockerConfig(env: NodeJS.ProcessEnv, homeDir: string): Promise<{ file: string; config: DockerConfigFile } | undefined> {
  const file = path.join(dockerConfigDir(env, homeDir), 'config.json');
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return { file, config: JSON.parse(text) as DockerConfigFile };
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}); fix or remove it to use registry credentials.`);
  }
}

export class CredentialHelperError extends Error {
  constructor(
    readonly helper: string,
    readonly registry: string,
    reason: string,
  ) {
    super(`The credential helper docker-credential-${helper} could not give credentials for ${registry}: ${reason}`);
    this.name = 'CredentialHelperError';
  }
}

/** Runs `docker-credential-<helper> get` with the server on stdin; undefined when it has none. */
export function runCredentialHelper(helper: string, server: string, timeoutMs = 10_000, env: NodeJS.ProcessEnv = process.env): Promise<{ username: string; secret: string } | undefined> {
  if (!/^[A-Za-z0-9_.-]+$/.test(helper)) return Promise.reject(new CredentialHelperError(helper, server, 'the helper name is not valid'));
  return new Promise((resolve, reject) => {
    const child = spawn(`docker-credential-${helper}`, ['get'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new CredentialHelperError(helper, server, `no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new CredentialHelperError(helper, server, error.code === 'ENOENT' ? `docker-credential-${helper} is not on the PATH; install it or remove it from ~/.docker/config.json` : error.message));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const out = Buffer.concat(stdout).toString('utf8').trim();
      if (code !== 0) {
        // Helpers answer "credentials not found in native keychain" on stdout or stderr.
        const said = (out || Buffer.concat(stderr).toString('utf8')).trim();
        if (/not found/i.test(said)) resolve(undefined);
        else reject(new CredentialHelperError(helper, server, `it exited with ${code}${said ? ` (${said.slice(0, 200)})` : ''}`));
        return;
      }
      try {
        const parsed = JSON.parse(out) as { Username?: string; Secret?: string };
        if (!parsed.Secret) resolve(undefined);
        else resolve({ username: parsed.Username ?? '', secret: parsed.Secret });
      } catch {
        reject(new CredentialHelperError(helper, server, 'its answer is not the expected JSON'));
      }
    });
    child.stdin.end(server);
  });
}

/** Finds credentials for a registry (host[:port] or `docker.io`); undefined when there are none. */
export async function findCredentials(registry: string, options: CredentialLookupOptions = {}): Promise<RegistryCredentials | undefined> {
  const host = normalizeRegistry(registry);
  const serveraddress = serverAddressFor(host);
  const stored = await options.storedLogin?.(host);
  if (stored) return { serveraddress, username: stored.username, password: stored.password, source: 'layerwise-login' };

  const env = options.env ?? process.env;
  const loaded = await readDockerConfig(env, options.homeDir ?? os.homedir());
  if (!loaded) return undefined;
  const { config } = loaded;
  const helper = Object.entries(config.credHelpers ?? {}).find(([key]) => normalizeRegistry(key) === host)?.[1] ?? config.credsStore;
  if (helper) {
    // Helpers are keyed by what `docker login` stored: try the spellings the CLI uses.
    const candidates = host === 'docker.io' ? [dockerHubServer] : [host, `https://${host}`, `http://${host}`];
    for (const candidate of candidates) {
      const found = await runCredentialHelper(helper, candidate, options.helperTimeoutMs, env);
      if (found) {
        return found.username === '<token>'
          ? { serveraddress, identitytoken: found.secret, source: 'credential-helper', helper }
          : { serveraddress, username: found.username, password: found.secret, source: 'credential-helper', helper };
      }
    }
    return undefined;
  }
  const entry = Object.entries(config.auths ?? {}).find(([key]) => normalizeRegistry(key) === host)?.[1];
  if (!entry) return undefined;
  if (entry.identitytoken) return { serveraddress, identitytoken: entry.identitytoken, source: 'config-auths' };
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { serveraddress, username: decoded.slice(0, colon), password: decoded.slice(colon + 1), source: 'config-auths' };
  }
  if (entry.username && entry.password) return { serveraddress, username: entry.username, password: entry.password, source: 'config-auths' };
  return undefined;
}

/** The X-Registry-Auth document the engine expects (never logged). */
export function registryAuthHeader(credentials: RegistryCredentials | undefined): object {
  if (!credentials) return {};
  if (credentials.identitytoken) return { identitytoken: credentials.identitytoken, serveraddress: credentials.serveraddress };
  return { username: credentials.username, password: credentials.password, serveraddress: credentials.serveraddress };
}

/** Removes any of the given secrets from a text before it reaches a log or a message. */
export function redactSecrets(text: string, credentials: RegistryCredentials | undefined): string {
  let result = text;
  for (const secret of [credentials?.password, credentials?.identitytoken]) {
    if (secret && secret.length >= 3) result = result.split(secret).join('••••');
  }
  return result;
}
