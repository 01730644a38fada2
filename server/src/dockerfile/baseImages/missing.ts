// Which FROM lines in a range name an image the user's engine does not have: the editor offers
// to pull them. Only names the builder would pull as they are: not scratch, not a stage, no
// variable with an unknown value, no --platform (a plain pull fetches the engine's own platform,
// which may not be the one the stage asks for).
import type { KnownImage } from '../completion';
import { localImage } from '../hover/image';
import type { DockerfileDocument } from '../index';

export interface MissingBaseImage {
  /** The image as FROM names it after substitution, e.g. `node:20-alpine`. */
  readonly reference: string;
  readonly stageIndex: number;
  /** The base image word. */
  readonly start: number;
  readonly end: number;
}

/** FROM lines overlapping `[from, to]` whose base image is not among `images`. */
export function missingBaseImages(document: DockerfileDocument, from: number, to: number, images: readonly KnownImage[]): MissingBaseImage[] {
  const missing: MissingBaseImage[] = [];
  for (const stage of document.model.stages) {
    const instruction = stage.from;
    if (instruction.end < from || instruction.start > to) continue;
    if (stage.base.kind !== 'image' || stage.base.reference.error || stage.platform || !stage.baseToken) continue;
    if (instruction.flags.some((flag) => flag.name.value === 'platform')) continue;
    const reference = stage.base.reference;
    if (localImage(images, reference)) continue;
    missing.push({ reference: reference.text, stageIndex: stage.index, start: stage.baseToken.start, end: stage.baseToken.end });
  }
  return missing;
}
