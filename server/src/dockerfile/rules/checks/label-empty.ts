// LABEL key="" says nothing (DL3051).
import type { Check } from '../types';
import { labelPairs } from '../support/labels';

export const check: Check = {
  instructions: ['LABEL'],
  visit(instruction, context) {
    for (const label of labelPairs(context, instruction)) {
      if (label.value !== '') continue;
      context.report({ start: label.pair.start, end: label.pair.end, message: `Label ${label.key} is empty: give it a value or remove it.` });
    }
  },
};
