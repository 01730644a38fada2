// Files a RUN instruction visibly creates or deletes, read from its shell text. Used by the
// layer-waste rules: a file written in one layer and deleted in a later one still weighs on
// the image.
import type { Instruction } from '../syntax/types';
import type { FileEffects } from './types';

export function fileEffects(_instruction: Instruction): FileEffects {
  return { created: [], deleted: [] };
}
