// Run an image: create + start with name, published ports, environment (values and env files),
// volumes/binds, auto-remove, and either detached or interactive (a TTY attached before start,
// so no output is lost). A container created but not started (a port in use, a bad mount) is
// removed again: a failed run leaves nothing behind.
import * as fs from 'node:fs';
import type { Duplex } from 'node:stream';
import { EngineError } from '../errors';
import { EngineAccess } from './engineAccess';
import { TerminalSession, terminalSession } from './containers';

export interface PortMapping {
  readonly containerPort: number;
  readonly hostPort?: number;
  readonly protocol?: 'tcp' | 'udp';
  /** Host address to bind; 127.0.0.1 by default (not every interface). */
  readonly hostIp?: string;
}

export interface RunOptions {
  readonly image: string;
  readonly name?: string;
  readonly ports?: readonly PortMapping[];
  readonly env?: Readonly<Record<string, string>>;
  /** Files of KEY=VALUE lines, read like `docker run --env-file`. */
  readonly envFiles?: readonly string[];
  /** `source:target[:ro]` (a host path or a named volume). */
  readonly volumes?: readonly string[];
  readonly autoRemove?: boolean;
  readonly interactive?: boolean;
  readonly command?: readonly string[];
  readonly labels?: Readonly<Record<string, string>>;
  readonly columns?: number;
  readonly rows?: number;
}

export interface RunResult {
  readonly id: string;
  readonly name: string;
  /** Present for interactive runs. */
  readonly session?: TerminalSession;
}

/** `-p` syntax: `8080:80`, `127.0.0.1:8080:80/udp`, `80` (a random host port). */
export function parsePortMapping(text: string): PortMapping {
  const match = /^(?:(\[[^\]]+\]|\d+\.\d+\.\d+\.\d+):)?(?:(\d*):)?(\d+)(?:\/(tcp|udp))?$/.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a port mapping: write host:container (8080:80), ip:host:container, or container[/udp].`);
  const containerPort = Number(match[3]);
  const hostPort = match[2] ? Number(match[2]) : undefined;
  // Host port 0 (or none) lets the engine pick a free one.
  for (const [port, lowest] of [[containerPort, 1], [hostPort, 0]] as const) {
    if (port !== undefined && (port < lowest || port > 65535)) throw new Error(`Port ${port} in "${text}" is out of range (${lowest}-65535).`);
  }
  return { containerPort, hostPort, protocol: (match[4] as 'tcp' | 'udp' | undefined) ?? 'tcp', hostIp: match[1]?.replace(/^\[|\]$/g, '') };
}

/** `--env-file` semantics: `KEY=VALUE` kept verbatim, `KEY` alone takes the value from our environment, `#` comments. */
export function parseEnvFile(text: string, file: string, environment: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const result: Record<string, string> = {};
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) return;
    const equals = line.indexOf('=');
    const key = equals >= 0 ? line.slice(0, equals) : line.trimEnd();
    if (key === '') throw new Error(`${file}:${index + 1}: a variable needs a name before "=".`);
    if (/\s/.test(key)) throw new Error(`${file}:${index + 1}: variable "${key}" contains whitespace.`);
    if (equals >= 0) result[key] = line.slice(equals + 1);
    else if (environment[key] !== undefined) result[key] = environment[key]!;
  });
  return result;
}

export async function runContainer(engine: EngineAccess, options: RunOptions): Promise<RunResult> {
  const operation = `run ${options.image}`;
  const env: Record<string, string> = {};
  for (const file of options.envFiles ?? []) {
    const text = await fs.promises.readFile(file, 'utf8').catch((error: Error) => {
      throw new Error(`Cannot read the env file ${file}: ${error.message}`);
    });
    Object.assign(env, parseEnvFile(text, file));
  }
  Object.assign(env, options.env ?? {});
  const exposed: Record<string, object> = {};
  const bindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = {};
  for (const port of options.ports ?? []) {
    const key = `${port.containerPort}/${port.protocol ?? 'tcp'}`;
    exposed[key] = {};
    (bindings[key] ??= []).push({ HostIp: port.hostIp ?? '127.0.0.1', HostPort: port.hostPort ? String(port.hostPort) : '' });
  }
  const interactive = Boolean(options.interactive);
  let container;
  try {
    container = await engine.docker.createContainer({
      Image: options.image,
      name: options.name || undefined,
      Env: Object.entries(env).map(([key, value]) => `${key}=${value}`),
      ExposedPorts: exposed,
      Labels: { ...(options.labels ?? {}) },
      Tty: interactive,
      OpenStdin: interactive,
      StdinOnce: interactive,
      AttachStdin: interactive,
      AttachStdout: interactive,
      AttachStderr: interactive,
      ...(options.command && options.command.length > 0 ? { Cmd: [...options.command] } : {}),
      HostConfig: { AutoRemove: Boolean(options.autoRemove), PortBindings: bindings, Binds: options.volumes && options.volumes.length > 0 ? [...options.volumes] : undefined },
    });
  } catch (error) {
    const translated = engine.translate(error, operation);
    if (translated.kind === 'not-found-object') throw new Error(`There is no image ${options.image} on ${engine.endpoint.label}: build or pull it first.`);
    if (translated.kind === 'conflict' && /already in use/.test(translated.reason)) throw new Error(`The container name "${options.name}" is already in use: choose another name or remove that container.`);
    throw translated;
  }
  let stream: Duplex | undefined;
  try {
    if (interactive) {
      // Attach before start so the first bytes of output (a prompt) are not lost.
      stream = (await container.attach({ stream: true, stdin: true, stdout: true, stderr: true, hijack: true })) as Duplex;
    }
    await container.start();
  } catch (error) {
    stream?.destroy();
    await container.remove({ force: true, v: true }).catch(() => undefined);
    const translated = engine.translate(error, operation);
    if (/port is already allocated|address already in use/i.test(translated.reason)) {
      throw new Error(`Cannot run ${options.image}: a host port is already in use (${translated.reason}). Choose another host port.`);
    }
    throw translated;
  }
  const info = await container.inspect().catch(() => undefined);
  const name = (info?.Name ?? options.name ?? container.id).replace(/^\//, '');
  if (!stream) return { id: container.id, name };
  const session = terminalSession(
    stream,
    (columns, rows) => container.resize({ w: columns, h: rows }),
    async () => {
      try {
        const result = await container.wait();
        return (result as { StatusCode?: number }).StatusCode;
      } catch (error) {
        // An auto-removed container may be gone before we ask.
        if (error instanceof EngineError || (error as { statusCode?: number }).statusCode === 404) return undefined;
        return undefined;
      }
    },
  );
  if (options.columns && options.rows) await session.resize(options.columns, options.rows);
  return { id: container.id, name, session };
}
