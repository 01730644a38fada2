// The engine's /events stream as plain records, and a watcher that keeps it open: when the
// stream drops (engine restarted, network gone) it reconnects with exponential backoff and
// tells the caller, who should then re-list (events may have been missed meanwhile).
import type { Readable } from 'node:stream';
import type { CallOptions, EngineConnection } from './connection';
import type { EngineError } from './errors';

export interface EngineEvent {
  /** `container`, `image`, `network`, `volume`, `daemon`, … */
  readonly type: string;
  /** `start`, `die`, `tag`, `untag`, `delete`, `health_status: unhealthy`, … */
  readonly action: string;
  /** The object's id (image id, container id). */
  readonly id: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Epoch seconds. */
  readonly time: number;
}

export interface EventStreamOptions extends CallOptions {
  /** Engine-side filters, e.g. `{ type: ['image', 'container'] }`. */
  readonly filters?: Readonly<Record<string, readonly string[]>>;
  /** Called once the engine has accepted the subscription (before any event arrives). */
  readonly onOpen?: () => void;
}

export function toEngineEvent(raw: any): EngineEvent {
  return {
    type: String(raw?.Type ?? raw?.type ?? ''),
    action: String(raw?.Action ?? raw?.status ?? ''),
    id: String(raw?.Actor?.ID ?? raw?.id ?? ''),
    attributes: raw?.Actor?.Attributes && typeof raw.Actor.Attributes === 'object' ? raw.Actor.Attributes : {},
    time: Number(raw?.time ?? 0),
  };
}

/**
 * Opens /events and calls `onEvent` for each event until the signal aborts (resolves) or the
 * stream fails or ends (rejects with an EngineError). The timeout covers opening only.
 */
export async function streamEvents(connection: EngineConnection, onEvent: (event: EngineEvent) => void, options: EventStreamOptions = {}): Promise<void> {
  const { signal } = options;
  const stream = (await connection.request(
    'watch events',
    (abortSignal) => connection.docker.getEvents({ filters: options.filters as Record<string, string[]> | undefined, abortSignal } as any) as unknown as Promise<Readable>,
    { timeoutMs: options.timeoutMs, signal },
  )) as Readable;
  options.onOpen?.();
  await new Promise<void>((resolve, reject) => {
    let buffered = '';
    let settled = false;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      stream.destroy();
      if (signal?.aborted) resolve();
      else reject(connection.translate(error ?? Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'watch events'));
    };
    const onAbort = () => finish();
    signal?.addEventListener('abort', onAbort, { once: true });
    stream.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        if (!line) continue;
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          continue; // a torn line cannot be acted on; the safety refresh covers it
        }
        onEvent(toEngineEvent(parsed));
      }
    });
    stream.on('error', (error) => finish(error));
    stream.on('end', () => finish());
    stream.on('close', () => finish());
  });
}

export interface EventWatcherOptions {
  readonly filters?: Readonly<Record<string, readonly string[]>>;
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly onEvent: (event: EngineEvent) => void;
  /** The stream is open. `reconnected` is true after a drop: re-list, events were missed. */
  readonly onConnected?: (reconnected: boolean) => void;
  /** The stream dropped or could not open; it is retried after `retryInMs`. */
  readonly onDisconnected?: (error: EngineError, retryInMs: number) => void;
}

export interface EventWatcher {
  /** Reconnect now instead of waiting for the backoff (e.g. the user pressed Retry). */
  retryNow(): void;
  dispose(): void;
}

export const DEFAULT_INITIAL_BACKOFF_MS = 500;
export const DEFAULT_MAX_BACKOFF_MS = 30_000;

export function watchEvents(connection: EngineConnection, options: EventWatcherOptions): EventWatcher {
  const initialBackoffMs = options.initialBackoffMs ?? DEFAULT_INITIAL_BACKOFF_MS;
  const maxBackoffMs = options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS;
  let backoffMs = initialBackoffMs;
  let everConnected = false;
  let disposed = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let current: AbortController | undefined;

  const run = () => {
    if (disposed) return;
    retryTimer = undefined;
    const controller = new AbortController();
    current = controller;
    const opening = streamEvents(connection, options.onEvent, {
      filters: options.filters,
      signal: controller.signal,
      onOpen: () => {
        backoffMs = initialBackoffMs;
        const reconnected = everConnected;
        everConnected = true;
        options.onConnected?.(reconnected);
      },
    });
    opening.then(
      () => undefined,
      (error: EngineError) => {
        if (disposed || controller.signal.aborted) return;
        const retryInMs = backoffMs;
        backoffMs = Math.min(maxBackoffMs, backoffMs * 2);
        options.onDisconnected?.(error, retryInMs);
        retryTimer = setTimeout(run, retryInMs);
      },
    );
  };
  run();

  return {
    retryNow() {
      if (disposed) return;
      if (retryTimer) {
        clearTimeout(retryTimer);
        backoffMs = initialBackoffMs;
        run();
      }
    },
    dispose() {
      disposed = true;
      if (retryTimer) clearTimeout(retryTimer);
      current?.abort();
    },
  };
}
