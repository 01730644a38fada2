// Analyses by image ID. An image ID is the digest of its config, which names its layers, so a
// cached analysis never goes stale; the cache is bounded by entry count and by the number of
// file changes held (memory grows with paths), dropping the least recently used first. A request
// for an image already being analysed joins that analysis instead of starting another.
import type { ImageAnalysis } from './model';

export interface AnalysisCacheLimits {
  readonly maxEntries: number;
  /** Sum of the file changes of all cached analyses. */
  readonly maxChanges: number;
}

export const defaultCacheLimits: AnalysisCacheLimits = { maxEntries: 8, maxChanges: 2_000_000 };

export class AnalysisCache {
  private readonly entries = new Map<string, { analysis: ImageAnalysis; weight: number }>();
  private readonly running = new Map<string, Promise<ImageAnalysis>>();
  private weight = 0;

  constructor(private readonly limits: AnalysisCacheLimits = defaultCacheLimits) {}

  get size(): number {
    return this.entries.size;
  }

  get(imageId: string): ImageAnalysis | undefined {
    const entry = this.entries.get(imageId);
    if (!entry) return undefined;
    // Re-insert: Map keeps insertion order, so the first key is the least recently used.
    this.entries.delete(imageId);
    this.entries.set(imageId, entry);
    return entry.analysis;
  }

  set(analysis: ImageAnalysis): void {
    const weight = analysis.layers.reduce((sum, layer) => sum + layer.changes.length, 0);
    this.delete(analysis.imageId);
    if (weight > this.limits.maxChanges) return; // larger than the whole cache: not kept
    this.entries.set(analysis.imageId, { analysis, weight });
    this.weight += weight;
    while (this.entries.size > this.limits.maxEntries || this.weight > this.limits.maxChanges) {
      const oldest = this.entries.keys().next().value as string;
      this.delete(oldest);
    }
  }

  delete(imageId: string): void {
    const entry = this.entries.get(imageId);
    if (!entry) return;
    this.entries.delete(imageId);
    this.weight -= entry.weight;
  }

  /** The cached analysis, the one in progress, or a new one from `analyse` (cached on success). */
  getOrAnalyse(imageId: string, analyse: () => Promise<ImageAnalysis>): Promise<ImageAnalysis> {
    const cached = this.get(imageId);
    if (cached) return Promise.resolve(cached);
    const running = this.running.get(imageId);
    if (running) return running;
    const started = analyse().then(
      (analysis) => {
        this.running.delete(imageId);
        this.set(analysis);
        return analysis;
      },
      (error: unknown) => {
        this.running.delete(imageId);
        throw error;
      },
    );
    this.running.set(imageId, started);
    return started;
  }
}
