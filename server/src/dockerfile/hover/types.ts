// Inputs of the hover service besides the document and the cursor.
import type { BaseImageConfig } from '..';
import type { KnownImage } from '../completion/types';

export type { KnownImage } from '../completion/types';

/** What the engine knows about a base image (one inspect), for the FROM hover. */
export interface ImageDetails {
  readonly id: string;
  /** Creation time, epoch seconds. */
  readonly created: number;
  readonly sizeBytes: number;
  /** Number of filesystem layers (RootFS.Layers). */
  readonly layers: number;
  /** The registry digest (`sha256:…`) when the image came from or went to a registry. */
  readonly digest?: string;
  /** `os/arch[/variant]`. */
  readonly platform?: string;
  /** The image's own `.Config` (User, WorkingDir, Env, Cmd, Entrypoint, ExposedPorts, Labels …): what a stage built FROM it starts with. */
  readonly config?: BaseImageConfig;
}

export interface HoverOptions {
  /** The client renders Markdown (default true). */
  readonly markdown?: boolean;
  /** Images on the engine (size and creation date without an inspect). */
  readonly images?: readonly KnownImage[];
  /** Engine details of base images, by the reference as FROM names it (after substitution). */
  readonly imageDetails?: ReadonlyMap<string, ImageDetails>;
}
