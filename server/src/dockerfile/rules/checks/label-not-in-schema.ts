// With strict-labels, only the labels of the schema are allowed (DL3050).
import type { Check } from '../types';
import { labelPairs } from '../support/labels';

export const check: Check = {
  instructions: ['LABEL'],
  visit(instruction, context) {
    for (const label of labelPairs(context, instruction)) {
      if (label.key in context.options.labelSchema) continue;
      context.report({ start: label.pair.key.start, end: label.pair.key.end, message: `Superfluous label ${label.key}: it is not in the label schema (strict-labels).` });
    }
  },
};
