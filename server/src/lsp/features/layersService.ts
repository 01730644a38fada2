// Layer analysis inside the language server process (off the extension host's thread): one
// engine connection per engine setting, a bounded cache of analyses by image ID, and one
// analysis per image at a time however many requests want it — cancelled only when every
// request that waits for it was cancelled.
import type * as Engine from '../../../../client/src/engine';
import type { EngineConnection, ResolveOptions } from '../../../../client/src/engine';
import type { AnalysisProgress } from '../../layers/analyseArchive';
import { AnalysisCache } from '../../layers/analysisCache';
import { analyseIdentifiedImage, identifyEngineImage, type EngineImageIdentity } from '../../layers/engineSource';
import { AnalysisCancelledError } from '../../layers/errors';
import type { ImageAnalysis } from '../../layers/model';
import type { ServerContext } from '../feature';
import { setting, type LayerwiseSettings } from '../settings';

interface RunningAnalysis {
  readonly controller: AbortController;
  readonly result: Promise<ImageAnalysis>;
  readonly listeners: Set<(progress: AnalysisProgress) => void>;
  waiters: number;
}

export interface AnalyseRequest {
  /** Document whose settings choose the engine ('' for the window's). */
  readonly uri?: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: AnalysisProgress) => void;
}

export class LayersService {
  readonly cache = new AnalysisCache();
  private readonly engines = new Map<string, Promise<EngineConnection>>();
  private readonly running = new Map<string, RunningAnalysis>();

  constructor(private readonly context: ServerContext) {
    // A changed engine setting may point elsewhere: connect afresh on next use.
    context.settings.onDidChange(() => this.closeEngines());
  }

  async engine(uri = ''): Promise<EngineConnection> {
    const settings = await this.context.settings.get(uri);
    const options = engineResolveOptions(settings);
    const key = JSON.stringify(options);
    let connection = this.engines.get(key);
    if (!connection) {
      // Loaded on first use: dockerode and ssh2 would otherwise slow every server start.
      const { EngineConnection, resolveEndpoint } = require('../../../../client/src/engine') as typeof Engine;
      connection = resolveEndpoint(options).then(({ endpoint }) => EngineConnection.open(endpoint, { timeoutMs: engineTimeoutMs(settings) }));
      connection.catch(() => this.engines.delete(key));
      this.engines.set(key, connection);
    }
    return connection;
  }

  async identify(image: string, request: AnalyseRequest = {}): Promise<EngineImageIdentity> {
    const engine = await this.engine(request.uri);
    return identifyEngineImage(engine, image, request.signal ? { signal: request.signal } : {});
  }

  /** The analysis of `image` on the engine: cached, joined, or started. */
  async analyse(image: string, request: AnalyseRequest = {}): Promise<ImageAnalysis> {
    // An image ID names its content: a cached analysis needs no engine at all.
    const byId = /^sha256:[0-9a-f]{64}$/.test(image) ? this.cache.get(image) : undefined;
    if (byId) return byId;
    const engine = await this.engine(request.uri);
    const identity = await identifyEngineImage(engine, image, request.signal ? { signal: request.signal } : {});
    const cached = this.cache.get(identity.id);
    if (cached) return cached;
    let run = this.running.get(identity.id);
    if (!run) {
      const controller = new AbortController();
      const listeners = new Set<(progress: AnalysisProgress) => void>();
      const result = analyseIdentifiedImage(engine, image, identity, {
        signal: controller.signal,
        onProgress: (progress) => listeners.forEach((listener) => listener(progress)),
      }).then(
        (analysis) => {
          this.running.delete(identity.id);
          this.cache.set(analysis);
          return analysis;
        },
        (error: unknown) => {
          this.running.delete(identity.id);
          throw error;
        },
      );
      run = { controller, result, listeners, waiters: 0 };
      this.running.set(identity.id, run);
    }
    return this.wait(run, image, request);
  }

  dispose(): void {
    for (const run of this.running.values()) run.controller.abort();
    this.closeEngines();
  }

  private wait(run: RunningAnalysis, image: string, request: AnalyseRequest): Promise<ImageAnalysis> {
    run.waiters++;
    if (request.onProgress) run.listeners.add(request.onProgress);
    return new Promise<ImageAnalysis>((resolve, reject) => {
      const leave = (): void => {
        if (request.onProgress) run.listeners.delete(request.onProgress);
        request.signal?.removeEventListener('abort', onAbort);
        run.waiters--;
      };
      const onAbort = (): void => {
        leave();
        if (run.waiters === 0) run.controller.abort();
        reject(new AnalysisCancelledError(`Analysis of ${image} was cancelled.`));
      };
      if (request.signal?.aborted) {
        onAbort();
        return;
      }
      request.signal?.addEventListener('abort', onAbort, { once: true });
      run.result.then(
        (analysis) => {
          leave();
          resolve(analysis);
        },
        (error: unknown) => {
          leave();
          reject(error);
        },
      );
    });
  }

  private closeEngines(): void {
    const engines = [...this.engines.values()];
    this.engines.clear();
    for (const engine of engines) void engine.then((connection) => connection.dispose(), () => undefined);
  }
}

/** The same `layerwise.engine.*` keys the extension's explorer reads, so both use one engine. */
export function engineResolveOptions(settings: LayerwiseSettings): ResolveOptions {
  const text = (key: string): string | undefined => {
    const value = setting<unknown>(settings, `engine.${key}`, undefined);
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  };
  const tlsVerify = setting<unknown>(settings, 'engine.tlsVerify', undefined);
  return {
    hostSetting: text('host'),
    contextSetting: text('context'),
    certPathSetting: text('certPath'),
    tlsVerifySetting: typeof tlsVerify === 'boolean' ? tlsVerify : undefined,
    sshIdentityFileSetting: text('sshIdentityFile'),
  };
}

function engineTimeoutMs(settings: LayerwiseSettings): number | undefined {
  const value = setting<unknown>(settings, 'engine.timeoutMs', undefined);
  return typeof value === 'number' && value > 0 ? value : undefined;
}
