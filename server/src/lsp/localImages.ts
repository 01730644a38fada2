// The images on the user's engine, as the client reports them (layerwise/localImages), kept in
// a cache that is refreshed in the background: completion and hover read it without waiting,
// and work the same (minus images) when there is no engine or the client cannot answer.
import type { Connection } from 'vscode-languageserver';
import type { ImageDetails } from '../dockerfile/hover';
import type { KnownImage } from '../dockerfile/completion';
import { ClientMethods, ServerMethods, type ImageDetailsParams, type LocalImagesResult } from '../protocol';
import type { Logger } from './runSafe';

/** A list older than this is refreshed (in the background) on the next use. */
const STALE_AFTER_MS = 20_000;
/** How long one refresh may take before it is given up. */
const REQUEST_TIMEOUT_MS = 5_000;
/** Details of one image are reused this long (an image ID's content never changes; tags move). */
const DETAILS_TTL_MS = 60_000;

export class LocalImages {
  private list: readonly KnownImage[] = [];
  private loadedAt = 0;
  /** The last answer came from a reachable engine (an empty list then means "no images"). */
  private available = false;
  private inFlight: Promise<void> | undefined;
  /** The client does not serve the request (another editor): stop asking. */
  /** The client does not serve layerwise/localImages (an editor other than ours). */
  private unsupported = false;
  /** The client does not serve layerwise/imageDetails: asked for separately, a client may serve one and not the other. */
  private detailsUnsupported = false;
  private readonly details = new Map<string, { at: number; value: Promise<ImageDetails | undefined> }>();

  constructor(
    private readonly connection: Connection,
    private readonly log: Logger,
  ) {
    connection.onNotification(ServerMethods.localImagesChanged, () => {
      this.details.clear();
      void this.refresh();
    });
  }

  /** What is known now; never waits (a stale list is refreshed in the background). */
  get current(): readonly KnownImage[] {
    this.prefetch();
    return this.list;
  }

  /** Whether `current` is the list of a reachable engine: only then does a missing image mean "not on the engine". */
  get engineAvailable(): boolean {
    return this.available;
  }

  /** Starts a background refresh when the list is stale. */
  prefetch(): void {
    if (Date.now() - this.loadedAt > STALE_AFTER_MS) void this.refresh();
  }

  /** Waits at most `timeoutMs` for a first list, when one is being fetched and none has arrived. */
  async firstList(timeoutMs: number): Promise<void> {
    if (this.loadedAt > 0 || this.unsupported) return;
    const pending = this.inFlight ?? this.refresh();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([pending, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
  }

  refresh(): Promise<void> {
    if (this.unsupported) return Promise.resolve();
    if (!this.inFlight) {
      this.inFlight = withTimeout(this.connection.sendRequest<LocalImagesResult>(ClientMethods.localImages), REQUEST_TIMEOUT_MS)
        .then((result) => {
          this.list = result?.images ?? [];
          this.available = result?.available ?? false;
          this.loadedAt = Date.now();
        })
        .catch((error: unknown) => this.failed(error))
        .finally(() => (this.inFlight = undefined));
    }
    return this.inFlight;
  }

  /** Engine details of one image (one inspect on the client), or undefined within `timeoutMs`. */
  async detailsOf(reference: string, timeoutMs: number): Promise<ImageDetails | undefined> {
    if (this.detailsUnsupported) return undefined;
    let entry = this.details.get(reference);
    if (!entry || Date.now() - entry.at > DETAILS_TTL_MS) {
      const params: ImageDetailsParams = { reference };
      const value = withTimeout(this.connection.sendRequest<ImageDetails | null>(ClientMethods.imageDetails, params), REQUEST_TIMEOUT_MS)
        .then((result) => result ?? undefined)
        .catch((error: unknown) => {
          if (isMethodNotFound(error)) this.detailsUnsupported = true;
          else this.log.info(`Image details unavailable for ${reference}: ${error instanceof Error ? error.message : String(error)}`);
          return undefined;
        });
      entry = { at: Date.now(), value };
      this.details.set(reference, entry);
    }
    let timer: NodeJS.Timeout | undefined;
    const result = await Promise.race([entry.value, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)))]);
    clearTimeout(timer);
    return result;
  }

  private failed(error: unknown): void {
    // An editor other than ours. Not an error, just no engine images.
    if (isMethodNotFound(error)) {
      this.unsupported = true;
      return;
    }
    this.loadedAt = Date.now();
    this.available = false;
    this.log.info(`Local images unavailable: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** -32601 MethodNotFound: the client does not serve the request. */
function isMethodNotFound(error: unknown): boolean {
  return (error as { code?: number } | undefined)?.code === -32601;
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs))),
  ]).finally(() => clearTimeout(timer));
}

const instances = new WeakMap<Connection, LocalImages>();

/** One cache per connection, shared by completion and hover. */
export function localImagesFor(connection: Connection, log: Logger): LocalImages {
  let instance = instances.get(connection);
  if (!instance) {
    instance = new LocalImages(connection, log);
    instances.set(connection, instance);
  }
  return instance;
}
