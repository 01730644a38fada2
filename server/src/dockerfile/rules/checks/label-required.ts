// Every label of the .hadolint.yaml label schema is set in the final image (DL3049).
import type { Check } from '../types';
import { labelPairs } from '../support/labels';
import { shippedStages } from '../support/stages';

export const check: Check = {
  document(context) {
    const model = context.document.model;
    const last = model.stages[model.stages.length - 1];
    if (!last) return;
    const present = new Set<string>();
    for (const stage of shippedStages(model)) {
      for (const instruction of stage.instructions) if (instruction.name === 'LABEL') for (const label of labelPairs(context, instruction)) present.add(label.key);
    }
    for (const key of Object.keys(context.options.labelSchema)) {
      if (present.has(key)) continue;
      context.report({ start: last.from.keyword.start, end: last.from.end, message: `Label ${key} is missing (required by the label schema in .hadolint.yaml).` });
    }
  },
};
