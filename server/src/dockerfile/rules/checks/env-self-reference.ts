// `ENV A=1 B=$A`: B gets the value A had before this instruction (DL3044).
import type { Check } from '../types';

export const check: Check = {
  document(context) {
    const references = context.document.model.references;
    for (const reference of references) {
      const instruction = reference.instruction;
      if (instruction.name !== 'ENV' || instruction.keyValues.length < 2) continue;
      const pairIndex = instruction.keyValues.findIndex((pair) => reference.start >= pair.start && reference.end <= pair.end);
      if (pairIndex <= 0) continue;
      const earlier = instruction.keyValues.slice(0, pairIndex).some((pair) => pair.key.value === reference.name);
      if (!earlier) continue;
      context.report({
        start: reference.start,
        end: reference.end,
        message: `$${reference.name} is defined in this same ENV instruction, so it still has its previous value here: set it in an ENV before.`,
      });
    }
  },
};
