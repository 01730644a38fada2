// Which stages end up in the image: the last stage and the stages it is built FROM. Layers of
// other stages never ship, so what they leave behind costs build time only.
import type { DockerfileModel, Stage } from '../../semantic/types';

export function shippedStages(model: DockerfileModel): Set<Stage> {
  const shipped = new Set<Stage>();
  let stage: Stage | undefined = model.stages[model.stages.length - 1];
  while (stage && !shipped.has(stage)) {
    shipped.add(stage);
    stage = stage.base.kind === 'stage' ? model.stages[stage.base.stageIndex] : undefined;
  }
  return shipped;
}

/** The stages whose instructions make the final image (cached per model). */
const cache = new WeakMap<DockerfileModel, Set<Stage>>();
export function isShipped(model: DockerfileModel, stage: Stage | undefined): boolean {
  if (!stage) return false;
  let shipped = cache.get(model);
  if (!shipped) cache.set(model, (shipped = shippedStages(model)));
  return shipped.has(stage);
}
