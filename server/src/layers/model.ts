// The result of layer analysis: plain, JSON-serialisable data shared by the CLI, the language
// server (which answers the editor from it) and the tests.
//
// Definitions (also in the README):
// - A layer's `sizeBytes` is the sum of the sizes of the regular files it stores (hard links
//   count once, directories, links and whiteouts count 0): what `docker history` shows.
// - `wastedBytes` (ours): bytes a layer wrote that a later layer removed (whiteout, opaque
//   directory) or replaced (wrote the same path again, e.g. `chmod` or `chown` of a big file, or
//   turned it into a directory). Counted once, on the layer that wrote them: the image still
//   carries them, but no container can see them.
// - `inefficientBytes` and `efficiency` are dive's: every path is looked at in each layer whose
//   tar holds it as a leaf (a whiteout counts with the size of the directory tree it hides, 0
//   for a file); efficiency = Σ smallest size seen per path ÷ Σ all sizes seen for that path;
//   inefficient bytes = Σ of all sizes of the paths seen in more than one layer (first copy
//   included, so it is "potential" waste).

export type FileKind = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';
export type ChangeKind = 'added' | 'modified' | 'deleted';

export interface FileChange {
  readonly path: string;
  readonly change: ChangeKind;
  readonly kind: FileKind;
  /**
   * For additions and modifications, bytes this layer stores for the path (0 for directories
   * and links); for deletions, bytes of the file or directory tree that disappeared from view.
   */
  readonly sizeBytes: number;
  /** Symlink target or hard-link source. */
  readonly link?: string;
}

export interface ChangeCounts {
  /** Entries other than directories. */
  readonly added: number;
  readonly modified: number;
  readonly deleted: number;
  readonly addedBytes: number;
  readonly modifiedBytes: number;
  readonly deletedBytes: number;
}

export interface HistoryStep {
  /** Instruction as recorded by the builder, cleaned ("RUN dd if=…", "COPY file:… in /"). */
  readonly command: string;
  /** The raw `created_by`. */
  readonly createdBy: string;
  readonly created?: string;
  readonly comment?: string;
  /** True for steps that made no layer (ENV, CMD, …). */
  readonly emptyLayer: boolean;
  /** Index into `layers` for steps that made one. */
  readonly layerIndex?: number;
}

export interface LayerAnalysis {
  readonly index: number;
  /** The layer's diff ID (digest of the uncompressed tar), as in `docker inspect` RootFS.Layers. */
  readonly digest: string;
  readonly command: string;
  readonly createdBy: string;
  readonly created?: string;
  /** Index into `history`, or undefined when the image has no history entry for this layer. */
  readonly historyIndex?: number;
  readonly sizeBytes: number;
  /** Bytes of the layer blob as stored in the archive (compressed when the blob is). */
  readonly blobBytes: number;
  readonly compression: 'none' | 'gzip' | 'zstd';
  /** Bytes this layer wrote that later layers removed or replaced. */
  readonly wastedBytes: number;
  /** Bytes written by lower layers that this layer removed or replaced. */
  readonly hiddenBytes: number;
  readonly counts: ChangeCounts;
  readonly changes: readonly FileChange[];
}

export interface WastedPath {
  readonly path: string;
  readonly sizeBytes: number;
  /** Index of the layer that wrote the bytes. */
  readonly writtenBy: number;
  /** Index of the layer that removed or replaced them. */
  readonly removedBy: number;
  readonly how: 'deleted' | 'replaced';
}

export interface InefficientPath {
  readonly path: string;
  /** Number of layers in which the path appears. */
  readonly count: number;
  readonly sizeBytes: number;
}

export interface ImageAnalysis {
  /** "sha256:…" of the image config: the image ID. */
  readonly imageId: string;
  readonly repoTags: readonly string[];
  readonly layout: 'docker-archive' | 'oci-layout';
  readonly created?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly sizeBytes: number;
  readonly wastedBytes: number;
  readonly inefficientBytes: number;
  readonly efficiency: number;
  /** dive's "user" size: every layer but the first. */
  readonly userSizeBytes: number;
  /** dive's wasted-user percent as a fraction: inefficientBytes ÷ userSizeBytes. */
  readonly userWastedFraction: number;
  readonly history: readonly HistoryStep[];
  readonly layers: readonly LayerAnalysis[];
  /** Our waste, one record per removed or replaced copy, largest first. */
  readonly wastedPaths: readonly WastedPath[];
  /** dive's inefficient paths, largest first. */
  readonly inefficientPaths: readonly InefficientPath[];
  /** Number of paths in the final image. */
  readonly pathCount: number;
  readonly warnings: readonly string[];
}
