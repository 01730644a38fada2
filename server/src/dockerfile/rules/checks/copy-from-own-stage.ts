// COPY --from / RUN --mount from= naming the stage it is in (DL3023). The model reports a stage
// index pointing at itself; a stage name pointing at itself is found here.
import type { Check } from '../types';

export const check: Check = {
  document(context) {
    const model = context.document.model;
    for (const reference of model.stageReferences) {
      if (reference.kind === 'from' || reference.stageIndex === undefined || /^\d+$/.test(reference.name)) continue;
      if (context.stageOf(reference.instruction)?.index !== reference.stageIndex) continue;
      context.report({ start: reference.start, end: reference.end, message: `A stage cannot copy from itself ("${reference.name}" is this stage): copy from an earlier stage.` });
    }
  },
};
