// What an engine endpoint is, and how a host string (`unix://…`, `npipe://…`, `tcp://…`,
// `ssh://…`) becomes one. Plain data: nothing here opens a connection.
import { EngineError } from './errors';

export type Transport = 'unix' | 'npipe' | 'tcp' | 'ssh';

/** Where an endpoint came from, in resolution order. */
export type EndpointSourceKind = 'setting' | 'env' | 'context' | 'default' | 'podman-rootful' | 'podman-rootless';

export interface TlsMaterial {
  /** Paths, read when connecting (so a renewed certificate is picked up on reconnect). */
  readonly caFile?: string;
  readonly certFile?: string;
  readonly keyFile?: string;
  /** Verify the engine's certificate against caFile (DOCKER_TLS_VERIFY / context SkipTLSVerify=false). */
  readonly verify: boolean;
}

export interface SshOptions {
  /** Key files to offer after the agent's keys, in order. */
  readonly identityFiles: readonly string[];
  /** ssh-agent socket (SSH_AUTH_SOCK); undefined: no agent. */
  readonly agentSocket?: string;
}

export interface EngineEndpoint {
  /** Normalised host URL, e.g. `unix:///var/run/docker.sock`, `tcp://10.0.0.5:2376`, `ssh://me@box:22`. */
  readonly host: string;
  readonly transport: Transport;
  /** Socket/pipe path for unix and npipe. */
  readonly socketPath?: string;
  /** Host name and port for tcp and ssh. */
  readonly hostname?: string;
  readonly port?: number;
  /** ssh user (ssh://user@host). */
  readonly username?: string;
  /** Set for tcp endpoints that use TLS. */
  readonly tls?: TlsMaterial;
  readonly ssh?: SshOptions;
  readonly source: EndpointSourceKind;
  /** Docker context name when source is 'context'. */
  readonly contextName?: string;
  /** How the user knows this engine: the context name or the host. */
  readonly label: string;
}

export interface ParseHostOptions {
  readonly source: EndpointSourceKind;
  readonly contextName?: string;
  readonly tls?: TlsMaterial;
  readonly ssh?: SshOptions;
}

const DEFAULT_TCP_PORT = 2375;
const DEFAULT_TLS_PORT = 2376;
const DEFAULT_SSH_PORT = 22;

function configError(host: string, reason: string, fix: string): EngineError {
  return new EngineError({ kind: 'config', endpoint: host || '(empty)', operation: 'use the endpoint', reason, fix });
}

/**
 * Parses a Docker host string the way the docker CLI accepts it: `unix:///path`, `npipe:////./pipe/name`,
 * `tcp://host:port` (a bare `host:port` means tcp), `ssh://[user@]host[:port]`. Throws a
 * `config` EngineError with an example when the string cannot be used.
 */
export function parseHost(rawHost: string, options: ParseHostOptions): EngineEndpoint {
  const host = rawHost.trim();
  const label = options.contextName ?? host;
  const common = { source: options.source, contextName: options.contextName, label };
  const example = 'Use e.g. unix:///var/run/docker.sock, tcp://host:2376, ssh://user@host or npipe:////./pipe/docker_engine.';
  if (!host) throw configError(host, 'the engine host is empty', example);

  if (host.startsWith('unix://')) {
    const socketPath = host.slice('unix://'.length) || '/var/run/docker.sock';
    if (!socketPath.startsWith('/')) throw configError(host, 'a unix socket path must be absolute', 'Write unix:// followed by an absolute path, e.g. unix:///var/run/docker.sock.');
    return { ...common, host: `unix://${socketPath}`, transport: 'unix', socketPath };
  }
  if (host.startsWith('npipe://')) {
    // npipe:////./pipe/docker_engine → //./pipe/docker_engine (the form Node's net module opens).
    const pipe = host.slice('npipe://'.length).replace(/\//g, '\\').replace(/^\\*/, '\\\\') || '\\\\.\\pipe\\docker_engine';
    return { ...common, host, transport: 'npipe', socketPath: pipe };
  }
  if (host.startsWith('fd://')) {
    throw configError(host, 'fd:// is a daemon-side socket-activation address, not something a client can connect to', 'Use unix:///var/run/docker.sock (or the socket systemd activates).');
  }

  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `tcp://${host}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw configError(host, 'this is not a valid engine address', example);
  }
  const scheme = url.protocol.replace(/:$/, '');
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!hostname) throw configError(host, 'the address has no host name', example);

  if (scheme === 'tcp' || scheme === 'http' || scheme === 'https') {
    if (url.pathname && url.pathname !== '/') throw configError(host, 'path prefixes in tcp hosts are not supported', 'Remove the path after host:port.');
    const tls = options.tls ?? (scheme === 'https' ? { verify: true } : undefined);
    const port = url.port ? Number(url.port) : tls ? DEFAULT_TLS_PORT : DEFAULT_TCP_PORT;
    return { ...common, host: `tcp://${url.host.replace(/:\d+$/, '')}:${port}`, transport: 'tcp', hostname, port, tls };
  }
  if (scheme === 'ssh') {
    if (url.password) throw configError(host, 'passwords in ssh:// addresses are not supported', 'Use an SSH key (ssh-agent or layerwise.engine.sshIdentityFile).');
    if (url.pathname && url.pathname !== '/') throw configError(host, 'ssh:// addresses take no path', 'Remove the path; the remote user\'s default engine is used.');
    const port = url.port ? Number(url.port) : DEFAULT_SSH_PORT;
    const username = url.username ? decodeURIComponent(url.username) : undefined;
    const normalised = `ssh://${username ? `${username}@` : ''}${url.host.replace(/:\d+$/, '')}${url.port ? `:${port}` : ''}`;
    return { ...common, host: normalised, transport: 'ssh', hostname, port, username, ssh: options.ssh ?? { identityFiles: [] } };
  }
  throw configError(host, `the scheme ${scheme}:// is not supported`, example);
}

/** `host:port` or the socket path: what the error messages call the address. */
export function addressOf(endpoint: EngineEndpoint): string {
  if (endpoint.socketPath) return endpoint.socketPath;
  return `${endpoint.username ? `${endpoint.username}@` : ''}${endpoint.hostname}:${endpoint.port}`;
}

/** One line for logs and tooltips: the host, with where it came from. */
export function describeEndpoint(endpoint: EngineEndpoint): string {
  const from: Record<EndpointSourceKind, string> = {
    setting: 'from the setting layerwise.engine.host',
    env: 'from DOCKER_HOST',
    context: `from docker context "${endpoint.contextName ?? ''}"`,
    default: 'the default socket',
    'podman-rootful': 'Podman\'s system socket',
    'podman-rootless': 'Podman\'s user socket',
  };
  return `${endpoint.host}${endpoint.tls ? ' (TLS)' : ''} — ${from[endpoint.source]}`;
}
