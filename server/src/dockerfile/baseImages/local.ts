// Which of the engine's images a FROM names: by tag (both written the way the builder
// normalizes them), or by digest when FROM pins one. Shared by the hover and the pull actions.
import { parseImageReference, type ImageReference } from '../semantic/imageReference';
import type { KnownImage } from '../completion/types';

/** The engine image a reference names: by tag, or by digest when pinned. */
export function localImage(images: readonly KnownImage[], reference: ImageReference): KnownImage | undefined {
  const wanted = reference.normalized;
  for (const image of images) {
    if (reference.digest) {
      if (image.repoDigests.some((digest) => digest.endsWith(`@${reference.digest}`))) return image;
      continue;
    }
    if (image.repoTags.some((tag) => parseImageReference(tag).normalized === wanted)) return image;
  }
  return undefined;
}
