// Which FROM lines in a range name an image the user's engine does not have: the editor offers
// to pull them. Only names the builder would pull as they are: not scratch, not a stage, no
// variable with an unknown value. A `--platform` the file spells out is pulled for that
// platform; `$BUILDPLATFORM` and `$TARGETPLATFORM` are, unless the build says otherwise, the
// engine's own platform, which a plain pull fetches; any other unknown platform is left to the
// build.
import type { KnownImage } from '../completion/types';
import { localImage } from './local';
import type { DockerfileDocument, Stage } from '../index';

export interface MissingBaseImage {
  /** The image as FROM names it after substitution, e.g. `node:20-alpine`. */
  readonly reference: string;
  /** The platform to pull, when FROM names one (`linux/arm64`); undefined: the engine's own. */
  readonly platform?: string;
  readonly stageIndex: number;
  /** The base image word. */
  readonly start: number;
  readonly end: number;
}

const ENGINE_PLATFORM = new Set(['$BUILDPLATFORM', '${BUILDPLATFORM}', '$TARGETPLATFORM', '${TARGETPLATFORM}']);

/** The platform a pull of the stage's base asks for: undefined for the engine's own, null when not known here. */
export function pullPlatform(stage: Stage): string | undefined | null {
  if (!stage.platform || ENGINE_PLATFORM.has(stage.platform.value.trim())) return undefined;
  if (stage.platform.unknown || stage.platform.error || !stage.platform.value.trim()) return null;
  return stage.platform.value.trim();
}

/**
 * FROM lines overlapping `[from, to]` whose base image is not among `images`. The engine lists
 * a tag once, whatever its platform: a tag it has counts as present even when FROM asks for
 * another platform (the build then pulls that one itself).
 */
export function missingBaseImages(document: DockerfileDocument, from: number, to: number, images: readonly KnownImage[]): MissingBaseImage[] {
  const missing: MissingBaseImage[] = [];
  for (const stage of document.model.stages) {
    const instruction = stage.from;
    if (instruction.end < from || instruction.start > to) continue;
    if (stage.base.kind !== 'image' || stage.base.reference.error || !stage.baseToken) continue;
    const platform = pullPlatform(stage);
    if (platform === null) continue;
    const reference = stage.base.reference;
    if (localImage(images, reference)) continue;
    missing.push({ reference: reference.text, ...(platform ? { platform } : {}), stageIndex: stage.index, start: stage.baseToken.start, end: stage.baseToken.end });
  }
  return missing;
}
