// Container lifecycle, logs, export, health log and interactive sessions (run -it, exec a shell).
// A TerminalSession is a raw TTY byte stream with resize: the editor's pseudoterminal plugs into
// it without knowing about the Engine API.
import { EventEmitter } from 'node:events';
import type { Duplex, Readable } from 'node:stream';
import { EngineError } from '../errors';
import { EngineAccess, jsonRequest, streamRequest } from './engineAccess';
import { streamToFile } from './fileTransfer';

export type LifecycleAction = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill';

export async function containerAction(engine: EngineAccess, id: string, action: LifecycleAction, options: { timeoutSeconds?: number; signal?: AbortSignal } = {}): Promise<void> {
  const query = (action === 'stop' || action === 'restart') && options.timeoutSeconds !== undefined ? { t: options.timeoutSeconds } : {};
  try {
    await jsonRequest(engine, { method: 'POST', path: `/containers/${encodeURIComponent(id)}/${action}`, query, okStatus: [200, 204, 304], signal: options.signal }, `${action} container ${id}`);
  } catch (error) {
    if (error instanceof EngineError && error.kind === 'engine' && action === 'start' && /port is already allocated|address already in use/i.test(error.reason)) {
      throw new Error(`Container ${id} cannot start: a host port it publishes is already in use (${error.reason}). Stop what uses the port or publish another one.`);
    }
    throw error;
  }
}

export async function removeContainer(engine: EngineAccess, id: string, options: { force?: boolean; volumes?: boolean; signal?: AbortSignal } = {}): Promise<void> {
  try {
    await jsonRequest(engine, { method: 'DELETE', path: `/containers/${encodeURIComponent(id)}`, query: { force: Boolean(options.force), v: Boolean(options.volumes) }, okStatus: [200, 204], signal: options.signal }, `remove container ${id}`);
  } catch (error) {
    if (error instanceof EngineError && error.kind === 'conflict' && /running|stop the container/i.test(error.reason)) {
      throw new ContainerRunningError(id);
    }
    throw error;
  }
}

export class ContainerRunningError extends Error {
  constructor(readonly containerId: string) {
    super(`Container ${containerId.slice(0, 12)} is running. Stop it first, or remove it by force (it is killed).`);
    this.name = 'ContainerRunningError';
  }
}

/** Splits the engine's multiplexed stdout/stderr frames (non-TTY containers) into text. */
export function demultiplex(source: Readable, onText: (text: string, stream: 'stdout' | 'stderr') => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let pending: Buffer = Buffer.alloc(0);
    const decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };
    source.on('data', (chunk: Buffer) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      while (pending.length >= 8) {
        const size = pending.readUInt32BE(4);
        if (pending.length < 8 + size) break;
        const stream = pending[0] === 2 ? 'stderr' : 'stdout';
        onText(decoders[stream].decode(pending.subarray(8, 8 + size), { stream: true }), stream);
        pending = pending.subarray(8 + size);
      }
    });
    source.on('end', () => resolve());
    source.on('close', () => resolve());
    source.on('error', reject);
  });
}

export interface LogsOptions {
  readonly follow?: boolean;
  /** Lines from the end to start with ('all' by default). */
  readonly tail?: number;
  readonly timestamps?: boolean;
  readonly signal?: AbortSignal;
  readonly onText: (text: string, stream: 'stdout' | 'stderr') => void;
}

/** Streams a container's logs; resolves when the stream ends (container stopped, or aborted). */
export async function containerLogs(engine: EngineAccess, id: string, options: LogsOptions): Promise<void> {
  const operation = `read the logs of ${id}`;
  const info = await engine.docker.getContainer(id).inspect().catch((error: unknown) => {
    throw engine.translate(error, operation);
  });
  const response = await streamRequest(
    engine,
    { method: 'GET', path: `/containers/${encodeURIComponent(id)}/logs`, query: { follow: Boolean(options.follow), stdout: true, stderr: true, timestamps: Boolean(options.timestamps), tail: options.tail ?? 'all' }, signal: options.signal },
    operation,
  );
  try {
    if (info.Config?.Tty) {
      const decoder = new TextDecoder();
      for await (const chunk of response as AsyncIterable<Buffer>) options.onText(decoder.decode(chunk, { stream: true }), 'stdout');
    } else {
      await demultiplex(response, options.onText);
    }
  } catch (error) {
    if (options.signal?.aborted) return;
    throw engine.translate(error, operation);
  }
}

export async function exportContainer(engine: EngineAccess, id: string, options: { target: string; overwrite?: boolean; signal?: AbortSignal; onProgress?: (bytes: number) => void }): Promise<number> {
  const operation = `export container ${id}`;
  const response = await streamRequest(engine, { method: 'GET', path: `/containers/${encodeURIComponent(id)}/export`, signal: options.signal }, operation);
  return streamToFile(response, options, (error) => engine.translate(error, operation));
}

export interface HealthLogEntry {
  readonly start: string;
  readonly end: string;
  readonly exitCode: number;
  readonly output: string;
}

export interface HealthReport {
  /** 'none' when the container has no HEALTHCHECK. */
  readonly status: 'starting' | 'healthy' | 'unhealthy' | 'none';
  readonly failingStreak: number;
  readonly log: readonly HealthLogEntry[];
  /** The configured check, e.g. `CMD-SHELL wget -q localhost` every 5s. */
  readonly test?: readonly string[];
}

export async function healthLog(engine: EngineAccess, id: string): Promise<HealthReport> {
  const info = await engine.docker.getContainer(id).inspect().catch((error: unknown) => {
    throw engine.translate(error, `inspect container ${id}`);
  });
  const health = (info.State as { Health?: { Status?: string; FailingStreak?: number; Log?: Array<{ Start: string; End: string; ExitCode: number; Output: string }> } }).Health;
  const test = (info.Config as { Healthcheck?: { Test?: string[] } }).Healthcheck?.Test;
  if (!health) return { status: 'none', failingStreak: 0, log: [], test };
  const status = health.Status === 'healthy' || health.Status === 'unhealthy' || health.Status === 'starting' ? health.Status : 'none';
  return { status, failingStreak: health.FailingStreak ?? 0, log: (health.Log ?? []).map((entry) => ({ start: entry.Start, end: entry.End, exitCode: entry.ExitCode, output: entry.Output })), test };
}

/** A raw TTY connected to a process in a container. */
export interface TerminalSession {
  write(data: string | Buffer): void;
  resize(columns: number, rows: number): Promise<void>;
  /** Output arrives here; what came before the first listener is replayed to it. */
  onOutput(listener: (data: string) => void): void;
  /** Resolves with the process's exit code when it ends (undefined when unknown). */
  readonly exited: Promise<number | undefined>;
  close(): void;
}

export function terminalSession(stream: Duplex, resize: (columns: number, rows: number) => Promise<void>, exitCode: () => Promise<number | undefined>): TerminalSession {
  const events = new EventEmitter();
  const early: string[] = [];
  let listening = false;
  const decoder = new TextDecoder();
  stream.on('data', (chunk: Buffer) => {
    const text = decoder.decode(chunk, { stream: true });
    if (listening) events.emit('output', text);
    else early.push(text);
  });
  const exited = new Promise<number | undefined>((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      exitCode().then(resolve, () => resolve(undefined));
    };
    stream.on('end', finish);
    stream.on('close', finish);
    stream.on('error', finish);
  });
  return {
    write: (data) => {
      if (!stream.destroyed) stream.write(data);
    },
    resize: (columns, rows) => resize(Math.max(1, Math.floor(columns)), Math.max(1, Math.floor(rows))).catch(() => undefined),
    onOutput: (listener) => {
      events.on('output', listener);
      if (!listening) {
        listening = true;
        for (const text of early.splice(0)) listener(text);
      }
    },
    exited,
    close: () => stream.destroy(),
  };
}

/** Opens an interactive shell (bash when present, else sh) in a running container. */
export async function execShell(engine: EngineAccess, id: string, options: { columns?: number; rows?: number; shell?: readonly string[] } = {}): Promise<TerminalSession> {
  const operation = `open a shell in ${id}`;
  const container = engine.docker.getContainer(id);
  const command = options.shell ?? ['/bin/sh', '-c', 'if [ -x /bin/bash ]; then exec /bin/bash; else exec /bin/sh; fi'];
  try {
    const exec = await container.exec({ Cmd: [...command], AttachStdin: true, AttachStdout: true, AttachStderr: true, Tty: true, Env: ['TERM=xterm-256color'] });
    const stream = (await exec.start({ hijack: true, stdin: true, Tty: true })) as Duplex;
    const session = terminalSession(
      stream,
      (columns, rows) => exec.resize({ w: columns, h: rows }),
      async () => (await exec.inspect()).ExitCode ?? undefined,
    );
    if (options.columns && options.rows) await session.resize(options.columns, options.rows);
    return session;
  } catch (error) {
    const translated = engine.translate(error, operation);
    if (translated.kind === 'conflict' || /is not running/i.test(translated.reason)) throw new Error(`Container ${id.slice(0, 12)} is not running: start it before opening a shell.`);
    throw translated;
  }
}
