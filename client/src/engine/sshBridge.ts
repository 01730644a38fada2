// Reaches a remote engine over SSH the way the docker CLI does: run `docker system dial-stdio`
// on the remote host and speak HTTP over that channel. One SSH connection is kept and shared;
// each HTTP connection is one exec channel on it (docker-modem's own ssh agent opens a whole
// new SSH connection per request, a full handshake each time, and swallows remote stderr).
import { createHmac } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Duplex } from 'node:stream';
import { Client, utils as sshUtils, type AnyAuthMethod, type ClientChannel, type ConnectConfig } from 'ssh2';
import type { EngineEndpoint } from './endpoint';
import { readSshConfig } from './sshConfig';

/** OpenSSH's default MaxSessions is 10 per connection: stay under it. */
const MAX_CHANNELS = 8;

interface KeyCandidate {
  readonly file: string;
  readonly key?: Buffer;
  readonly problem?: string;
}

export class SshBridge {
  private client: Promise<Client> | undefined;
  private readonly agent: http.Agent;
  private disposed = false;
  /** Keys that could not be offered, reported when authentication fails. */
  private skippedKeys: string[] = [];

  constructor(
    private readonly endpoint: EngineEndpoint,
    private readonly handshakeTimeoutMs: number,
    private readonly homeDir = os.homedir(),
  ) {
    this.agent = new http.Agent({ keepAlive: false, maxSockets: MAX_CHANNELS });
    // http.Agent accepts an asynchronous createConnection: return nothing, call back later.
    (this.agent as unknown as { createConnection: unknown }).createConnection = (_options: unknown, callback: (error: Error | null, socket?: Duplex) => void) => {
      this.openChannel().then(
        (channel) => callback(null, channel),
        (error: Error) => callback(error),
      );
      return undefined;
    };
  }

  /** The agent to give to HTTP requests (dockerode's `agent` option). */
  get httpAgent(): http.Agent {
    return this.agent;
  }

  dispose(): void {
    this.disposed = true;
    this.agent.destroy();
    const client = this.client;
    this.client = undefined;
    void client?.then((connection) => connection.end(), () => undefined);
  }

  private async openChannel(): Promise<Duplex> {
    if (this.disposed) throw new Error('the SSH connection was closed');
    const client = await this.connect();
    return new Promise<Duplex>((resolve, reject) => {
      client.exec('docker system dial-stdio', (error, channel) => {
        if (error) {
          // The connection died under us: forget it so the next request reconnects.
          this.client = undefined;
          reject(error);
          return;
        }
        resolve(this.wrapChannel(channel));
      });
    });
  }

  /** Surfaces the remote command's failure (e.g. `docker: command not found`) as the stream's error. */
  private wrapChannel(channel: ClientChannel): Duplex {
    let stderr = '';
    let receivedData = false;
    channel.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    channel.on('data', () => {
      receivedData = true;
    });
    channel.on('exit', (code: number | null) => {
      if (code !== 0 && code !== null && !receivedData) {
        const detail = stderr.trim() || `exit code ${code}`;
        (channel as unknown as { destroy(error: Error): void }).destroy(new Error(`docker system dial-stdio failed on the remote host: ${detail}`));
      }
    });
    // Node's HTTP client treats the connection as a socket; an SSH channel lacks these no-ops.
    const socketLike = channel as unknown as Record<string, unknown>;
    for (const method of ['setNoDelay', 'setKeepAlive', 'ref', 'unref']) {
      if (typeof socketLike[method] !== 'function') socketLike[method] = () => channel;
    }
    if (typeof socketLike.setTimeout !== 'function') socketLike.setTimeout = () => channel;
    return channel;
  }

  private connect(): Promise<Client> {
    if (!this.client) {
      const pending = this.handshake();
      this.client = pending;
      pending.catch(() => {
        if (this.client === pending) this.client = undefined;
      });
    }
    return this.client;
  }

  private async handshake(): Promise<Client> {
    // `ssh://alias` resolves through ~/.ssh/config like the ssh binary the docker CLI runs.
    const alias = this.endpoint.hostname ?? '';
    const config = await readSshConfig(alias, this.homeDir);
    const explicitPort = /^ssh:\/\/[^/]*:\d+$/.test(this.endpoint.host);
    const hostname = config.hostName ?? alias;
    const port = explicitPort ? this.endpoint.port : (config.port ?? this.endpoint.port ?? 22);
    const keys = await this.loadKeys([...config.identityFiles, ...(this.endpoint.ssh?.identityFiles ?? [])]);
    this.skippedKeys = keys.filter((key) => key.problem).map((key) => `${key.file} (${key.problem})`);
    const username = this.endpoint.username ?? config.user ?? os.userInfo().username;
    const methods: AnyAuthMethod[] = [];
    const agentSocket = this.endpoint.ssh?.agentSocket;
    if (agentSocket) methods.push({ type: 'agent', username, agent: agentSocket });
    for (const key of keys) if (key.key) methods.push({ type: 'publickey', username, key: key.key });
    const knownHostKeys = await this.knownHostKeys(hostname, port ?? 22);

    return new Promise<Client>((resolve, reject) => {
      const client = new Client();
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        client.end();
        if (/All configured authentication methods failed/i.test(error.message) && this.skippedKeys.length > 0) {
          error.message += `; keys not usable: ${this.skippedKeys.join(', ')}`;
        }
        reject(error);
      };
      const config: ConnectConfig = {
        host: hostname,
        port,
        username,
        readyTimeout: this.handshakeTimeoutMs,
        keepaliveInterval: 15_000,
        authHandler: methods.length > 0 ? methods : ['none'],
        hostVerifier: (key: Buffer) => verifyHostKey(key, knownHostKeys),
      };
      client
        .on('ready', () => {
          settled = true;
          resolve(client);
        })
        .on('error', (error) => {
          if (!settled) {
            if (/host key|Handshake failed|verification failed/i.test(error.message) && knownHostKeys.length > 0) {
              error.message = `Host key verification failed: the key of ${hostname}:${port} does not match ~/.ssh/known_hosts (host key changed or mismatch)`;
            }
            fail(error);
          } else this.client = undefined;
        })
        .on('close', () => {
          this.client = undefined;
        });
      try {
        client.connect(config);
      } catch (error) {
        fail(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  private async loadKeys(candidates: readonly string[]): Promise<KeyCandidate[]> {
    const files = [...new Set(candidates)];
    return Promise.all(
      files.map(async (file): Promise<KeyCandidate> => {
        let key: Buffer;
        try {
          key = await fs.readFile(file);
        } catch (error) {
          return { file, problem: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable' };
        }
        const parsed = sshUtils.parseKey(key);
        if (parsed instanceof Error) return { file, problem: /encrypted|passphrase/i.test(parsed.message) ? 'encrypted: load it into ssh-agent' : parsed.message };
        return { file, key };
      }),
    );
  }

  /** Host keys listed for this host in ~/.ssh/known_hosts (plain and hashed entries). */
  private async knownHostKeys(hostname: string, port: number): Promise<Buffer[]> {
    let text: string;
    try {
      text = await fs.readFile(path.join(this.homeDir, '.ssh', 'known_hosts'), 'utf8');
    } catch {
      return [];
    }
    const name = port === 22 ? hostname : `[${hostname}]:${port}`;
    return parseKnownHosts(text, name);
  }
}

/** Keys of `name` (`host` or `[host]:port`) in known_hosts text; hashed (`|1|salt|hash`) entries included. */
export function parseKnownHosts(text: string, name: string): Buffer[] {
  const keys: Buffer[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('@')) continue;
    const [hosts, , key] = line.split(/\s+/);
    if (!hosts || !key) continue;
    if (hostsMatch(hosts, name)) keys.push(Buffer.from(key, 'base64'));
  }
  return keys;
}

function hostsMatch(hosts: string, name: string): boolean {
  if (hosts.startsWith('|1|')) {
    const [, , salt, hash] = hosts.split('|');
    if (!salt || !hash) return false;
    return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
  }
  return hosts.split(',').some((pattern) => pattern === name);
}

/**
 * Known host with a different key: refuse (that is what a changed key means). Unknown host:
 * accept, as `StrictHostKeyChecking=accept-new` does, without writing known_hosts.
 */
function verifyHostKey(key: Buffer, known: readonly Buffer[]): boolean {
  if (known.length === 0) return true;
  const type = keyType(key);
  const sameType = known.filter((candidate) => keyType(candidate) === type);
  if (sameType.length === 0) return true;
  return sameType.some((candidate) => candidate.equals(key));
}

function keyType(wire: Buffer): string {
  if (wire.length < 4) return '';
  const length = wire.readUInt32BE(0);
  return wire.subarray(4, 4 + length).toString('ascii');
}
