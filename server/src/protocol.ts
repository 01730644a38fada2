// The custom requests and notifications between the Layerwise client and server.
// One file, imported by both sides, so the method names and payloads cannot drift apart.
// Every method is named `layerwise/<method>` and documented with one line.
// Only plain types here: this file is bundled into the server (no `vscode`) and the client.
import type { ChangeCounts, ChangeKind, FileKind, WastedPath } from './layers/model';
import type { KnownImage } from './dockerfile/completion/types';
import type { ImageDetails } from './dockerfile/hover/types';

export type { KnownImage } from './dockerfile/completion/types';
export type { ImageDetails } from './dockerfile/hover/types';

/** Methods the client serves to the server. */
export const ClientMethods = {
  /** The images on the user's engine (no params), for FROM / --from completion and hover; answers LocalImagesResult, fast, even without an engine. */
  localImages: 'layerwise/localImages',
  /** One image's engine facts for the FROM hover (size, created, layers, digest, config); params ImageDetailsParams, answers ImageDetails or null. */
  imageDetails: 'layerwise/imageDetails',
} as const;

/** Methods the server serves to the client. */
export const ServerMethods = {
  /** Analyses an image's layers (from the engine, or an archive file) with work-done progress; answers a LayersSummary and keeps the full analysis cached by image ID. */
  analyseLayers: 'layerwise/analyseLayers',
  /** One folder of a layer's file tree (what the layer added, changed, deleted), filtered by change kind; fails with LayersNotAnalysedCode when the image is not cached. */
  layerFiles: 'layerwise/layerFiles',
  /** Ties a Dockerfile to the image built from it (the build command calls this), so the editor shows that image's layer sizes and waste. */
  associateDockerfileImage: 'layerwise/associateDockerfileImage',
  /** Notification: the workspace's trust changed (build code lenses show only in a trusted workspace); params WorkspaceTrustParams. */
  workspaceTrust: 'layerwise/workspaceTrust',
  /** Notification: the engine's images changed (or another engine was chosen); the server asks layerwise/localImages again. */
  localImagesChanged: 'layerwise/localImagesChanged',
} as const;

/** Sent by the client when trust is granted; the same value goes in initializationOptions.workspaceTrusted. */
export interface WorkspaceTrustParams {
  readonly trusted: boolean;
}

// ---- layer analysis (server/src/layers) ----------------------------------------------------

/** Error code of layerFiles when the image must be analysed (again) first. */
export const LayersNotAnalysedCode = -32_001;

/** Error code of analyseLayers when the engine has no such image (the client can offer to pull it). */
export const ImageNotFoundCode = -32_002;

export interface AnalyseLayersParams {
  /** Image name, tag or ID on the engine. */
  readonly image?: string;
  /** Or an archive on disk (docker save, OCI layout; may be compressed). */
  readonly archivePath?: string;
  /** Which image of a multi-image archive. */
  readonly archiveImage?: string;
  readonly workDoneToken?: string | number;
}

export interface LayerSummary {
  readonly index: number;
  readonly digest: string;
  readonly command: string;
  readonly historyIndex?: number;
  readonly sizeBytes: number;
  readonly wastedBytes: number;
  readonly hiddenBytes: number;
  readonly counts: ChangeCounts;
}

export interface LayersSummary {
  readonly imageId: string;
  readonly repoTags: readonly string[];
  readonly source: string;
  readonly sizeBytes: number;
  readonly wastedBytes: number;
  readonly inefficientBytes: number;
  readonly efficiency: number;
  readonly layers: readonly LayerSummary[];
  readonly history: readonly { readonly command: string; readonly emptyLayer: boolean; readonly layerIndex?: number }[];
  /** The largest wasted paths (at most 500) and how many there are in all. */
  readonly wastedPaths: readonly WastedPath[];
  readonly wastedPathCount: number;
  readonly warnings: readonly string[];
}

export interface LayerFilesParams {
  readonly imageId: string;
  readonly layerIndex: number;
  /** Folder path without a leading slash; '' for the root. */
  readonly directory: string;
  /** Change kinds to show; all when omitted. */
  readonly kinds?: readonly ChangeKind[];
}

export interface LayerFileEntry {
  readonly name: string;
  readonly path: string;
  readonly kind: FileKind;
  readonly change?: ChangeKind;
  readonly sizeBytes: number;
  readonly link?: string;
  readonly below?: { readonly added: number; readonly modified: number; readonly deleted: number; readonly bytes: number };
  readonly hasChildren: boolean;
}

export interface AssociateDockerfileImageParams {
  /** The Dockerfile's document URI. */
  readonly uri: string;
  /** The image ID (or a reference) built from it. */
  readonly image: string;
  /** The stage built (`--target`), when not the last. */
  readonly target?: string;
}

// ---- local images (completion and hover in Dockerfiles) -----------------------------------

export interface LocalImagesResult {
  /** False without a reachable engine (then `images` is empty and `reason` says why). */
  readonly available: boolean;
  readonly reason?: string;
  readonly images: readonly KnownImage[];
}

/** An argument of the client's layerwise.image.pull command (from the pull code actions): an image for a platform FROM names. */
export interface PullImageTarget {
  readonly reference: string;
  /** `os/arch[/variant]`, as FROM --platform writes it. */
  readonly platform: string;
}

export interface ImageDetailsParams {
  /** The image as FROM names it, e.g. `node:20-alpine`. */
  readonly reference: string;
}

/** The answer of imageDetails. */
export type ImageDetailsResult = ImageDetails | null;
