// The `--json` shape of `layerwise layers`, fixed by the issue that specified it:
// {sizeBytes, wastedBytes, inefficientBytes, efficiency,
//  layers: [{index, digest, command, sizeBytes, wastedBytes, added, modified, deleted}], wastedPaths}
// `wastedBytes` is ours (bytes a layer wrote that a later layer removed or replaced, counted once
// on the writing layer); `inefficientBytes` and `efficiency` are dive's.
import type { FileChange, ImageAnalysis, WastedPath } from '../model';

export interface JsonFile {
  readonly path: string;
  readonly kind: FileChange['kind'];
  readonly sizeBytes: number;
  readonly link?: string;
}

export interface JsonLayer {
  readonly index: number;
  readonly digest: string;
  readonly command: string;
  readonly sizeBytes: number;
  readonly wastedBytes: number;
  readonly added: readonly JsonFile[];
  readonly modified: readonly JsonFile[];
  readonly deleted: readonly JsonFile[];
}

export interface JsonReport {
  readonly sizeBytes: number;
  readonly wastedBytes: number;
  readonly inefficientBytes: number;
  readonly efficiency: number;
  readonly layers: readonly JsonLayer[];
  readonly wastedPaths: readonly WastedPath[];
}

export function jsonReport(analysis: ImageAnalysis): JsonReport {
  return {
    sizeBytes: analysis.sizeBytes,
    wastedBytes: analysis.wastedBytes,
    inefficientBytes: analysis.inefficientBytes,
    efficiency: analysis.efficiency,
    layers: analysis.layers.map((layer) => ({
      index: layer.index,
      digest: layer.digest,
      command: layer.command,
      sizeBytes: layer.sizeBytes,
      wastedBytes: layer.wastedBytes,
      added: filesOf(layer.changes, 'added'),
      modified: filesOf(layer.changes, 'modified'),
      deleted: filesOf(layer.changes, 'deleted'),
    })),
    wastedPaths: analysis.wastedPaths.map((wasted) => ({
      path: `/${wasted.path}`,
      sizeBytes: wasted.sizeBytes,
      writtenBy: wasted.writtenBy,
      removedBy: wasted.removedBy,
      how: wasted.how,
    })),
  };
}

function filesOf(changes: readonly FileChange[], kind: FileChange['change']): JsonFile[] {
  return changes
    .filter((change) => change.change === kind)
    .map((change) => ({
      path: `/${change.path}`,
      kind: change.kind,
      sizeBytes: change.sizeBytes,
      ...(change.link !== undefined ? { link: change.link } : {}),
    }));
}
