// The engine the extension currently talks to: resolves the endpoint from the settings and the
// environment, connects once and shares the connection, and keeps a state every view and the
// status bar render from (connecting / connected / error with the exact reason). Plain Node:
// the extension feeds it the settings; tests and the benchmark use it directly.
import { EngineConnection } from './connection';
import { describeEndpoint, type EngineEndpoint } from './endpoint';
import { EngineError } from './errors';
import type { EngineInfo } from './records';
import { resolveEndpoint, type ResolveOptions } from './resolve';

export type EngineState =
  | { readonly status: 'idle' }
  | { readonly status: 'connecting'; readonly endpoint?: EngineEndpoint }
  | { readonly status: 'connected'; readonly endpoint: EngineEndpoint; readonly info: EngineInfo }
  | { readonly status: 'error'; readonly endpoint?: EngineEndpoint; readonly error: EngineError; readonly tried: readonly string[] };

export interface EngineSessionOptions {
  /** Read on every (re)connect, so a settings change applies on the next one. */
  readonly resolveOptions: () => ResolveOptions;
  readonly timeoutMs: () => number;
}

type Listener<T> = (value: T) => void;

export class EngineSession {
  private current: EngineConnection | undefined;
  private pending: Promise<EngineConnection> | undefined;
  private generation = 0;
  private currentState: EngineState = { status: 'idle' };
  private readonly stateListeners = new Set<Listener<EngineState>>();
  private readonly connectionListeners = new Set<Listener<EngineConnection>>();
  private disposed = false;

  constructor(private readonly options: EngineSessionOptions) {}

  get state(): EngineState {
    return this.currentState;
  }

  /** The open connection, if any (no I/O). */
  get connectionIfOpen(): EngineConnection | undefined {
    return this.current;
  }

  onDidChangeState(listener: Listener<EngineState>): { dispose(): void } {
    this.stateListeners.add(listener);
    return { dispose: () => this.stateListeners.delete(listener) };
  }

  /** Fires with each new connection (after a switch of engine or a reconnect). */
  onDidConnect(listener: Listener<EngineConnection>): { dispose(): void } {
    this.connectionListeners.add(listener);
    return { dispose: () => this.connectionListeners.delete(listener) };
  }

  /** The shared connection, opened on first use; concurrent callers share one attempt. */
  connection(): Promise<EngineConnection> {
    if (this.disposed) return Promise.reject(new Error('The engine session was closed.'));
    if (this.current) return Promise.resolve(this.current);
    if (!this.pending) this.pending = this.open();
    return this.pending;
  }

  /**
   * Runs work on the shared connection and reports how the engine answered (a connection
   * failure puts the views in their error state; a success after one clears it).
   */
  async use<T>(work: (connection: EngineConnection) => Promise<T>): Promise<T> {
    const connection = await this.connection();
    try {
      const result = await work(connection);
      this.reportSuccess();
      return result;
    } catch (error) {
      this.reportFailure(error);
      throw error;
    }
  }

  /** Drops the connection and connects again (settings changed, or the user pressed Retry). */
  reconnect(): Promise<EngineConnection> {
    this.generation += 1;
    this.current?.dispose();
    this.current = undefined;
    this.pending = undefined;
    return this.connection();
  }

  /**
   * Calls report how the engine answered: a connection failure puts the session in the error
   * state (the views show the reason); any success after that puts it back to connected.
   */
  reportFailure(error: unknown): void {
    if (!(error instanceof EngineError) || !error.isConnectionFailure) return;
    const endpoint = this.current?.endpoint;
    this.setState({ status: 'error', endpoint, error, tried: [] });
  }

  reportSuccess(): void {
    if (this.current && this.currentState.status !== 'connected') {
      this.setState({ status: 'connected', endpoint: this.current.endpoint, info: this.current.info });
    }
  }

  dispose(): void {
    this.disposed = true;
    this.generation += 1;
    this.current?.dispose();
    this.current = undefined;
    this.pending = undefined;
    this.stateListeners.clear();
    this.connectionListeners.clear();
  }

  private async open(): Promise<EngineConnection> {
    const generation = this.generation;
    let endpoint: EngineEndpoint | undefined;
    let tried: readonly string[] = [];
    this.setState({ status: 'connecting' });
    try {
      const resolution = await resolveEndpoint(this.options.resolveOptions());
      endpoint = resolution.endpoint;
      tried = resolution.tried;
      this.setState({ status: 'connecting', endpoint });
      const connection = await EngineConnection.open(endpoint, { timeoutMs: this.options.timeoutMs() });
      if (generation !== this.generation) {
        // A switch happened while connecting: this connection is stale.
        connection.dispose();
        return this.connection();
      }
      this.current = connection;
      this.pending = undefined;
      this.setState({ status: 'connected', endpoint, info: connection.info });
      for (const listener of [...this.connectionListeners]) listener(connection);
      return connection;
    } catch (error) {
      if (generation === this.generation) this.pending = undefined;
      const engineError =
        error instanceof EngineError
          ? error
          : new EngineError({ kind: 'engine', endpoint: endpoint?.label ?? '', operation: 'connect', reason: error instanceof Error ? error.message : String(error), fix: '', cause: error });
      if (generation === this.generation) this.setState({ status: 'error', endpoint, error: engineError, tried });
      throw engineError;
    }
  }

  private setState(state: EngineState): void {
    this.currentState = state;
    for (const listener of [...this.stateListeners]) listener(state);
  }
}

/** One line for the status bar tooltip and logs. */
export function describeState(state: EngineState): string {
  switch (state.status) {
    case 'idle':
      return 'Not connected yet';
    case 'connecting':
      return state.endpoint ? `Connecting to ${describeEndpoint(state.endpoint)}…` : 'Looking for an engine…';
    case 'connected':
      return `${state.info.product === 'podman' ? 'Podman' : 'Docker'} ${state.info.version} (API ${state.info.apiVersion}) at ${describeEndpoint(state.endpoint)}`;
    case 'error':
      return state.tried.length > 0 ? `${state.error.message} (also looked for: ${state.tried.join(', ')})` : state.error.message;
  }
}
