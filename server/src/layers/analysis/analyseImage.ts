// From the layers of one archive image to the figures users see: per-layer changes and sizes,
// our wasted bytes, dive's efficiency, and the history steps that made each layer.
import type { ArchiveImage } from '../archive/imageLayout';
import type { ChangeCounts, FileChange, ImageAnalysis, LayerAnalysis } from '../model';
import { mapHistory } from './history';
import { stackLayers } from './layerStack';

export function analyseArchiveImage(image: ArchiveImage): ImageAnalysis {
  const stack = stackLayers(image.layers.map((layer) => layer.listing));
  const history = mapHistory(image.config.history, image.layers.length);
  const layers: LayerAnalysis[] = image.layers.map((layer, index) => {
    const stepIndex = history.stepOfLayer[index];
    const step = stepIndex === undefined ? undefined : history.steps[stepIndex];
    const stacked = stack.layers[index];
    return {
      index,
      digest: layer.digest,
      command: step?.command ?? '(missing)',
      createdBy: step?.createdBy ?? '',
      ...(step?.created ? { created: step.created } : {}),
      ...(stepIndex !== undefined ? { historyIndex: stepIndex } : {}),
      sizeBytes: layer.listing.fileBytes,
      blobBytes: layer.listing.blobBytes,
      compression: layer.listing.compression,
      wastedBytes: stacked.wastedBytes,
      hiddenBytes: stacked.hiddenBytes,
      counts: countChanges(stacked.changes),
      changes: stacked.changes,
    };
  });
  const sizeBytes = layers.reduce((sum, layer) => sum + layer.sizeBytes, 0);
  const userSizeBytes = sizeBytes - (layers[0]?.sizeBytes ?? 0);
  const dive = stack.dive.result();
  return {
    imageId: image.id,
    repoTags: image.repoTags,
    layout: image.layout,
    ...(image.config.created ? { created: image.config.created } : {}),
    labels: image.config.config?.Labels ?? {},
    sizeBytes,
    wastedBytes: layers.reduce((sum, layer) => sum + layer.wastedBytes, 0),
    inefficientBytes: dive.inefficientBytes,
    efficiency: dive.efficiency,
    userSizeBytes,
    // dive divides by the user size as is; with no user bytes any waste is infinitely much.
    userWastedFraction: userSizeBytes > 0 ? dive.inefficientBytes / userSizeBytes : dive.inefficientBytes > 0 ? Infinity : 0,
    history: history.steps,
    layers,
    wastedPaths: stack.wastedPaths,
    inefficientPaths: dive.inefficientPaths,
    pathCount: stack.pathCount,
    warnings: [...(history.warning ? [history.warning] : []), ...stack.warnings],
  };
}

function countChanges(changes: readonly FileChange[]): ChangeCounts {
  let added = 0;
  let modified = 0;
  let deleted = 0;
  let addedBytes = 0;
  let modifiedBytes = 0;
  let deletedBytes = 0;
  for (const change of changes) {
    if (change.change === 'deleted') {
      deleted++;
      deletedBytes += change.sizeBytes;
    } else if (change.kind !== 'dir') {
      if (change.change === 'added') {
        added++;
        addedBytes += change.sizeBytes;
      } else {
        modified++;
        modifiedBytes += change.sizeBytes;
      }
    }
  }
  return { added, modified, deleted, addedBytes, modifiedBytes, deletedBytes };
}
