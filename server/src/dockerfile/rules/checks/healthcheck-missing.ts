// The final stage has no HEALTHCHECK (DL3057; off by default).
import type { Check } from '../types';

export const check: Check = {
  document(context) {
    const stages = context.document.model.stages;
    let stage = stages[stages.length - 1];
    for (let depth = 0; stage && depth < stages.length; depth++) {
      if (stage.instructions.some((instruction) => instruction.name === 'HEALTHCHECK')) return;
      if (stage.base.kind !== 'stage') break;
      stage = stages[stage.base.stageIndex];
    }
    const last = stages[stages.length - 1];
    if (last) context.report({ start: last.from.keyword.start, end: last.from.end, message: 'The final stage has no HEALTHCHECK: the engine cannot tell whether the service works.' });
  },
};
