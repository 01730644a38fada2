// Which engine to talk to, in this order (the first that applies wins):
//   1. the setting layerwise.engine.host (then layerwise.engine.context: a named docker context)
//   2. DOCKER_HOST, with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH
//   3. the current docker context (DOCKER_CONTEXT, else ~/.docker/config.json currentContext)
//   4. the default socket (/var/run/docker.sock, then ~/.docker/run/docker.sock; the named pipe on Windows)
//   5. Podman's sockets: rootful /run/podman/podman.sock, rootless $XDG_RUNTIME_DIR/podman/podman.sock
// Sockets are only checked for existence here; connecting is connection.ts's job.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { currentContextName, DEFAULT_CONTEXT, fileExists, readContext } from './contexts';
import { parseHost, type EngineEndpoint, type SshOptions, type TlsMaterial } from './endpoint';
import { EngineError } from './errors';

export interface ResolveOptions {
  /** layerwise.engine.host */
  readonly hostSetting?: string;
  /** layerwise.engine.context: a docker context name chosen in the editor. */
  readonly contextSetting?: string;
  /** layerwise.engine.certPath: a directory with ca.pem, cert.pem, key.pem for a tcp host setting. */
  readonly certPathSetting?: string;
  /** layerwise.engine.tlsVerify for a tcp host setting (default: TLS when certPath is set). */
  readonly tlsVerifySetting?: boolean;
  /** layerwise.engine.sshIdentityFile: a key file offered first for ssh:// hosts. */
  readonly sshIdentityFileSetting?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly homeDir?: string;
  readonly platform?: NodeJS.Platform;
  readonly uid?: number;
  /** Whether a socket exists at a path (tests pass their own; default: stat). */
  readonly socketExists?: (socketPath: string) => Promise<boolean>;
}

export interface Resolution {
  readonly endpoint: EngineEndpoint;
  /** Candidates looked at before the chosen one, for "not found" messages. */
  readonly tried: readonly string[];
}

async function isSocket(file: string): Promise<boolean> {
  try {
    const stat = await fs.stat(file);
    return stat.isSocket();
  } catch (error) {
    // A socket we may not stat (EACCES on a parent) still exists: choosing it gives the better
    // error ("permission denied") than skipping it.
    return (error as NodeJS.ErrnoException).code === 'EACCES';
  }
}

function expandHome(file: string, homeDir: string): string {
  return file === '~' ? homeDir : file.startsWith('~/') ? path.join(homeDir, file.slice(2)) : file;
}

function tlsFromCertPath(certPath: string, verify: boolean): TlsMaterial {
  return { caFile: path.join(certPath, 'ca.pem'), certFile: path.join(certPath, 'cert.pem'), keyFile: path.join(certPath, 'key.pem'), verify };
}

async function sshOptions(options: ResolveOptions, env: NodeJS.ProcessEnv, homeDir: string): Promise<SshOptions> {
  const candidates = [
    ...(options.sshIdentityFileSetting ? [expandHome(options.sshIdentityFileSetting, homeDir)] : []),
    ...['id_ed25519', 'id_ecdsa', 'id_rsa'].map((name) => path.join(homeDir, '.ssh', name)),
  ];
  const identityFiles: string[] = [];
  for (const file of candidates) {
    // The explicit setting is kept even when missing, so the user hears about it.
    if (file === candidates[0] && options.sshIdentityFileSetting) identityFiles.push(file);
    else if (await fileExists(file)) identityFiles.push(file);
  }
  return { identityFiles, agentSocket: env.SSH_AUTH_SOCK || undefined };
}

async function fromContext(name: string, source: 'setting' | 'context', options: ResolveOptions, env: NodeJS.ProcessEnv, homeDir: string): Promise<EngineEndpoint | undefined> {
  const context = await readContext(name, env, homeDir);
  if (!context) {
    throw new EngineError({
      kind: 'config',
      endpoint: `context "${name}"`,
      operation: 'use the docker context',
      reason: `no docker context named "${name}" exists in ${path.join(env.DOCKER_CONFIG || path.join(homeDir, '.docker'), 'contexts')}`,
      fix: source === 'setting' ? 'Choose an existing context (Layerwise: Choose Engine…) or clear layerwise.engine.context.' : 'Run `docker context ls` and `docker context use <name>`, or unset DOCKER_CONTEXT.',
    });
  }
  if (!context.host) return undefined;
  const endpoint = parseHost(context.host, {
    source: source === 'setting' ? 'setting' : 'context',
    contextName: context.name,
    tls: context.tls,
    ssh: context.host.startsWith('ssh://') ? await sshOptions(options, env, homeDir) : undefined,
  });
  return { ...endpoint, source: 'context', contextName: context.name, label: context.name };
}

export async function resolveEndpoint(options: ResolveOptions = {}): Promise<Resolution> {
  const env = options.env ?? process.env;
  const homeDir = options.homeDir ?? os.homedir();
  const platform = options.platform ?? process.platform;
  const tried: string[] = [];

  // 1. settings
  const hostSetting = options.hostSetting?.trim();
  if (hostSetting) {
    const certPath = options.certPathSetting ? expandHome(options.certPathSetting, homeDir) : undefined;
    const tls = certPath ? tlsFromCertPath(certPath, options.tlsVerifySetting ?? true) : options.tlsVerifySetting ? { verify: true } : undefined;
    const ssh = hostSetting.startsWith('ssh://') ? await sshOptions(options, env, homeDir) : undefined;
    return { endpoint: parseHost(hostSetting, { source: 'setting', tls, ssh }), tried };
  }
  const contextSetting = options.contextSetting?.trim();
  if (contextSetting && contextSetting !== DEFAULT_CONTEXT) {
    const endpoint = await fromContext(contextSetting, 'setting', options, env, homeDir);
    if (endpoint) return { endpoint, tried };
  }

  // 2. DOCKER_HOST
  const dockerHost = env.DOCKER_HOST?.trim();
  if (dockerHost) {
    const verify = env.DOCKER_TLS_VERIFY !== undefined && env.DOCKER_TLS_VERIFY !== '' && env.DOCKER_TLS_VERIFY !== '0';
    const certPath = env.DOCKER_CERT_PATH || (verify ? path.join(homeDir, '.docker') : undefined);
    const tls = certPath && (verify || env.DOCKER_CERT_PATH) ? tlsFromCertPath(certPath, verify) : undefined;
    const ssh = dockerHost.startsWith('ssh://') ? await sshOptions(options, env, homeDir) : undefined;
    return { endpoint: parseHost(dockerHost, { source: 'env', tls, ssh }), tried };
  }

  // 3. the current docker context
  const contextName = await currentContextName(env, homeDir);
  if (contextName !== DEFAULT_CONTEXT) {
    const endpoint = await fromContext(contextName, 'context', options, env, homeDir);
    if (endpoint) return { endpoint, tried };
  }

  // 4. default sockets, 5. Podman
  if (platform === 'win32') {
    return { endpoint: parseHost('npipe:////./pipe/docker_engine', { source: 'default' }), tried };
  }
  const uid = options.uid ?? (typeof process.getuid === 'function' ? process.getuid() : 0);
  const runtimeDir = env.XDG_RUNTIME_DIR || `/run/user/${uid}`;
  const candidates: Array<{ socket: string; source: 'default' | 'podman-rootful' | 'podman-rootless' }> = [
    { socket: '/var/run/docker.sock', source: 'default' },
    { socket: path.join(homeDir, '.docker', 'run', 'docker.sock'), source: 'default' },
    { socket: '/run/podman/podman.sock', source: 'podman-rootful' },
    { socket: path.join(runtimeDir, 'podman', 'podman.sock'), source: 'podman-rootless' },
  ];
  const socketExists = options.socketExists ?? isSocket;
  for (const candidate of candidates) {
    if (await socketExists(candidate.socket)) return { endpoint: parseHost(`unix://${candidate.socket}`, { source: candidate.source }), tried };
    tried.push(`unix://${candidate.socket}`);
  }
  // Nothing exists: report the primary default, with everything that was looked at.
  return { endpoint: parseHost('unix:///var/run/docker.sock', { source: 'default' }), tried };
}
