// What the explorer shows, kept current: lists images and containers (never inspecting each),
// refreshes only what an engine event touched (debounced), watches /events only while a view
// is visible, and runs a slow safety poll only while a view is visible. Plain Node: the tree
// providers render from it; engine-tier tests and the benchmark drive it without an editor.
import {
  EngineError,
  type ContainerDetails,
  type ContainerSummary,
  type EngineConnection,
  type EngineEvent,
  type EngineSession,
  type EventWatcher,
  type HistoryEntry,
  type ImageSummary,
  watchEvents,
} from '../engine';
import { mergeScopes, refreshScopeOf, type RefreshScope } from './refreshScope';

export type ViewName = 'images' | 'containers';

export interface ExplorerModelOptions {
  /** Events arriving within this window cause one refresh. */
  readonly debounceMs?: number;
  /** Safety poll while a view is visible (events can be lost on some engines). */
  readonly safetyPollMs?: number;
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
}

export const DEFAULT_DEBOUNCE_MS = 300;
export const DEFAULT_SAFETY_POLL_MS = 60_000;
/** Histories are immutable per image id; keep the most recent ones. */
const MAX_CACHED_HISTORIES = 200;

export interface ListState<T> {
  readonly items: readonly T[] | undefined;
  readonly error: EngineError | undefined;
  /** When the last successful listing finished (epoch ms). */
  readonly updatedAt: number;
}

type Listener = (scope: RefreshScope) => void;

export class ExplorerModel {
  private imagesState: ListState<ImageSummary> = { items: undefined, error: undefined, updatedAt: 0 };
  private containersState: ListState<ContainerSummary> = { items: undefined, error: undefined, updatedAt: 0 };
  private readonly visible = new Set<ViewName>();
  private readonly dirty = new Set<ViewName>(['images', 'containers']);
  private readonly listeners = new Set<Listener>();
  private readonly histories = new Map<string, Promise<HistoryEntry[]>>();
  private watcher: EventWatcher | undefined;
  private watchedConnection: EngineConnection | undefined;
  private pendingScope: RefreshScope = { images: false, containers: false };
  private debounceTimer: NodeJS.Timeout | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private inFlight = new Set<Promise<unknown>>();
  /** One listing per view at a time; a request during one runs once more after it. */
  private readonly listing = new Map<ViewName, { running: Promise<void>; again: boolean }>();
  private disposed = false;
  private readonly debounceMs: number;
  private readonly safetyPollMs: number;
  private readonly subscriptions: Array<{ dispose(): void }> = [];

  constructor(
    private readonly session: EngineSession,
    private readonly options: ExplorerModelOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    this.safetyPollMs = options.safetyPollMs ?? DEFAULT_SAFETY_POLL_MS;
    // A new connection (engine switched, Retry): everything shown belongs to the old engine.
    this.subscriptions.push(
      session.onDidConnect((connection) => {
        this.histories.clear();
        if (this.watchedConnection && this.watchedConnection !== connection) this.stopWatching();
        if (this.visible.size > 0) {
          this.startWatching();
          void this.refresh({ images: true, containers: true });
        } else {
          this.dirty.add('images').add('containers');
        }
      }),
    );
  }

  get images(): ListState<ImageSummary> {
    return this.imagesState;
  }

  get containers(): ListState<ContainerSummary> {
    return this.containersState;
  }

  get isWatching(): boolean {
    return this.watcher !== undefined;
  }

  get isPolling(): boolean {
    return this.pollTimer !== undefined;
  }

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Views report their visibility: watching and polling happen only while one is visible. */
  setVisible(view: ViewName, isVisible: boolean): void {
    if (this.disposed) return;
    const wasAny = this.visible.size > 0;
    if (isVisible) this.visible.add(view);
    else this.visible.delete(view);
    const isAny = this.visible.size > 0;
    if (isAny && !wasAny) {
      this.startWatching();
      this.startPolling();
    } else if (!isAny && wasAny) {
      this.stopWatching();
      this.stopPolling();
      // Events are not seen while hidden: whatever is shown may be stale when they reappear.
      this.dirty.add('images').add('containers');
    }
    if (isVisible && (this.dirty.has(view) || this.stateOf(view).items === undefined)) {
      void this.refresh(view === 'images' ? { images: true, containers: false } : { images: false, containers: true });
    }
  }

  /** Re-lists the given views now (both by default). Hidden views are only marked stale. */
  refresh(scope: RefreshScope = { images: true, containers: true }): Promise<void> {
    const work: Array<Promise<void>> = [];
    if (scope.images) {
      if (this.visible.has('images') || this.visible.size === 0) work.push(this.list('images'));
      else this.dirty.add('images');
    }
    if (scope.containers) {
      if (this.visible.has('containers') || this.visible.size === 0) work.push(this.list('containers'));
      else this.dirty.add('containers');
    }
    const all = Promise.all(work).then(() => undefined);
    this.track(all);
    return all;
  }

  /** Resolves when no refresh is pending or running (tests and the benchmark wait on it). */
  async whenIdle(): Promise<void> {
    while (this.debounceTimer || this.inFlight.size > 0) {
      if (this.debounceTimer) {
        await new Promise((resolve) => setTimeout(resolve, this.debounceMs));
        continue;
      }
      await Promise.allSettled([...this.inFlight]);
    }
  }

  /** An image's history (cached by id: it never changes). */
  history(imageId: string): Promise<HistoryEntry[]> {
    let cached = this.histories.get(imageId);
    if (!cached) {
      cached = this.session.use((connection) => connection.imageHistory(imageId));
      cached.catch(() => this.histories.delete(imageId));
      this.histories.set(imageId, cached);
      if (this.histories.size > MAX_CACHED_HISTORIES) this.histories.delete(this.histories.keys().next().value as string);
    }
    return cached;
  }

  /** One inspect, for a tooltip the user asked for by hovering. */
  containerDetails(containerId: string, signal?: AbortSignal): Promise<ContainerDetails> {
    return this.session.use((connection) => connection.containerDetails(containerId, { signal }));
  }

  /** Feeds an event as if it came from the stream (the watcher's callback; also for tests). */
  handleEvent(event: EngineEvent): void {
    const scope = refreshScopeOf(event);
    if (!scope.images && !scope.containers) return;
    if (scope.images && event.type === 'image' && event.action === 'delete') this.histories.delete(event.id);
    this.pendingScope = mergeScopes(this.pendingScope, scope);
    if (this.debounceTimer) return;
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = undefined;
      const pending = this.pendingScope;
      this.pendingScope = { images: false, containers: false };
      void this.refresh(pending);
    }, this.debounceMs);
  }

  dispose(): void {
    this.disposed = true;
    this.stopWatching();
    this.stopPolling();
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    this.debounceTimer = undefined;
    for (const subscription of this.subscriptions) subscription.dispose();
    this.listeners.clear();
  }

  private stateOf(view: ViewName): ListState<unknown> {
    return view === 'images' ? this.imagesState : this.containersState;
  }

  private track(work: Promise<unknown>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
  }

  private list(view: ViewName): Promise<void> {
    const current = this.listing.get(view);
    if (current) {
      current.again = true;
      return current.running;
    }
    const entry = { running: Promise.resolve(), again: false };
    entry.running = (async () => {
      do {
        entry.again = false;
        await (view === 'images' ? this.listImages() : this.listContainers());
      } while (entry.again && !this.disposed);
      this.listing.delete(view);
    })();
    this.listing.set(view, entry);
    return entry.running;
  }

  private async listImages(): Promise<void> {
    this.imagesState = await this.listed('images', (connection) => connection.listImages(), this.imagesState);
    this.emit({ images: true, containers: false });
  }

  private async listContainers(): Promise<void> {
    this.containersState = await this.listed('containers', (connection) => connection.listContainers(), this.containersState);
    this.emit({ images: false, containers: true });
  }

  /** The view's next state: what the engine listed, or the error (keeping when it last succeeded). */
  private async listed<T>(view: ViewName, list: (connection: EngineConnection) => Promise<readonly T[]>, previous: ListState<T>): Promise<ListState<T>> {
    this.dirty.delete(view);
    try {
      return { items: await this.session.use(list), error: undefined, updatedAt: Date.now() };
    } catch (error) {
      return { items: undefined, error: this.asEngineError(error, `list ${view}`), updatedAt: previous.updatedAt };
    }
  }

  /** A failure that is not the engine module's (a bug in shaping what it listed) still reads like one. */
  private asEngineError(error: unknown, operation: string): EngineError {
    if (error instanceof EngineError) return error;
    const state = this.session.state;
    const endpoint = state.status === 'idle' ? undefined : state.endpoint;
    return new EngineError({ kind: 'engine', endpoint: endpoint?.label ?? '', operation, reason: error instanceof Error ? error.message : String(error), fix: '', cause: error });
  }

  private emit(scope: RefreshScope): void {
    if (this.disposed) return;
    for (const listener of [...this.listeners]) listener(scope);
  }

  private startWatching(): void {
    if (this.watcher || this.disposed) return;
    const connection = this.session.connectionIfOpen;
    if (!connection) {
      // Not connected yet: connect, and the onDidConnect handler starts watching.
      this.session.connection().catch(() => undefined);
      return;
    }
    this.watchedConnection = connection;
    this.watcher = watchEvents(connection, {
      filters: { type: ['image', 'container'] },
      initialBackoffMs: this.options.initialBackoffMs,
      maxBackoffMs: this.options.maxBackoffMs,
      onEvent: (event) => this.handleEvent(event),
      onConnected: (reconnected) => {
        if (reconnected) void this.refresh({ images: true, containers: true });
      },
      onDisconnected: (error) => {
        // The stream dropped: re-list now, which shows the engine's state (error or fresh data).
        this.session.reportFailure(error);
        void this.refresh({ images: true, containers: true });
      },
    });
  }

  private stopWatching(): void {
    this.watcher?.dispose();
    this.watcher = undefined;
    this.watchedConnection = undefined;
  }

  private startPolling(): void {
    if (this.pollTimer || this.safetyPollMs <= 0) return;
    this.pollTimer = setInterval(() => void this.refresh({ images: true, containers: true }), this.safetyPollMs);
    this.pollTimer.unref?.();
  }

  private stopPolling(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }
}
