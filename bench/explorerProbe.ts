// Bundled and run by bench/explorer.mjs in a process of its own: what the extension host does
// to fill the first level of each view (list through the engine module, shape), timed, and
// the memory that process needs for it.
import { EngineSession } from '../client/src/engine';
import { ExplorerModel } from '../client/src/explorer/explorerModel';
import { DEFAULT_CONTAINER_VIEW_OPTIONS, shapeContainers } from '../client/src/explorer/shape/containers';
import { DEFAULT_IMAGE_VIEW_OPTIONS, shapeImages } from '../client/src/explorer/shape/images';

async function main(): Promise<void> {
  const [host, roundsText] = process.argv.slice(2);
  const rounds = Number(roundsText ?? '5');
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const baseline = process.memoryUsage();
  const session = new EngineSession({ resolveOptions: () => ({ hostSetting: host }), timeoutMs: () => 60_000 });
  const model = new ExplorerModel(session, { safetyPollMs: 0 });
  await session.connection();
  const timings = { images: [] as number[], containers: [] as number[] };
  let counts = { images: 0, imageNodes: 0, containers: 0, containerNodes: 0 };
  const now = Math.floor(Date.now() / 1000);
  for (let round = 0; round < rounds + 1; round++) {
    let started = performance.now();
    await model.refresh({ images: true, containers: false });
    const imageNodes = shapeImages(model.images.items ?? [], DEFAULT_IMAGE_VIEW_OPTIONS, now);
    const imagesMs = performance.now() - started;
    started = performance.now();
    await model.refresh({ images: false, containers: true });
    const containerNodes = shapeContainers(model.containers.items ?? [], DEFAULT_CONTAINER_VIEW_OPTIONS, now);
    const containersMs = performance.now() - started;
    if (model.images.error || model.containers.error) throw model.images.error ?? model.containers.error;
    // Round 0 warms up (connection, JIT), as the extension host is warm when a view refreshes.
    if (round > 0) {
      timings.images.push(imagesMs);
      timings.containers.push(containersMs);
    }
    counts = { images: model.images.items?.length ?? 0, imageNodes: imageNodes.length, containers: model.containers.items?.length ?? 0, containerNodes: containerNodes.length };
  }
  gc?.();
  const after = process.memoryUsage();
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ timings, counts, memory: { baselineRss: baseline.rss, rss: after.rss, peakRss: peakRssBytes, heapUsed: after.heapUsed, baselineHeapUsed: baseline.heapUsed } }));
  model.dispose();
  session.dispose();
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
