import { strict as assert } from 'node:assert';
import { AnalysisCache } from '../../../server/src/layers/analysisCache';
import type { ImageAnalysis } from '../../../server/src/layers/model';

const analysis = (id: string, changes: number): ImageAnalysis =>
  ({ imageId: id, layers: [{ changes: new Array(changes).fill({}) }] }) as unknown as ImageAnalysis;

describe('layers: the analysis cache', () => {
  it('keeps the most recently used analyses within its entry and change limits', () => {
    const cache = new AnalysisCache({ maxEntries: 2, maxChanges: 100 });
    cache.set(analysis('a', 10));
    cache.set(analysis('b', 10));
    assert.ok(cache.get('a')); // a is now the most recent
    cache.set(analysis('c', 10));
    assert.deepEqual(['a', 'b', 'c'].map((id) => cache.get(id) !== undefined), [true, false, true]);
    cache.set(analysis('d', 95));
    assert.deepEqual(['a', 'c', 'd'].map((id) => cache.get(id) !== undefined), [false, false, true]);
    cache.set(analysis('huge', 101));
    assert.equal(cache.get('huge'), undefined, 'an analysis larger than the whole cache is not kept');
    assert.ok(cache.get('d'));
  });

  it('joins a running analysis instead of starting a second one, and forgets failures', async () => {
    const cache = new AnalysisCache();
    let runs = 0;
    let release!: () => void;
    const started = new Promise<void>((resolve) => (release = resolve));
    const analyse = async () => {
      runs++;
      await started;
      return analysis('x', 1);
    };
    const first = cache.getOrAnalyse('x', analyse);
    const second = cache.getOrAnalyse('x', analyse);
    release();
    assert.equal(await first, await second);
    assert.equal(runs, 1);
    await assert.rejects(cache.getOrAnalyse('y', () => Promise.reject(new Error('engine gone'))), /engine gone/);
    assert.equal((await cache.getOrAnalyse('y', async () => analysis('y', 1))).imageId, 'y');
  });
});
