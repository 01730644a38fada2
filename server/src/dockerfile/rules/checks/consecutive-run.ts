// Consecutive RUNs make one layer each (DL3059). Not reported when their flags differ (a mount
// or network setting applies to one of them only) or when merging is not a plain join.
import { mergeRuns } from '../../fixes/mergeRuns';
import type { Check } from '../types';

export const check: Check = {
  document(context) {
    for (const stage of context.document.model.stages) {
      const instructions = stage.instructions;
      for (let i = 1; i < instructions.length; i++) {
        const previous = instructions[i - 1];
        const current = instructions[i];
        if (previous.name !== 'RUN' || current.name !== 'RUN') continue;
        if (previous.flags.map((flag) => flag.raw).join(' ') !== current.flags.map((flag) => flag.raw).join(' ')) continue;
        if (previous.form === 'exec' || current.form === 'exec') continue;
        context.report({
          start: current.keyword.start,
          end: current.keyword.end,
          message: `Multiple consecutive RUN instructions (lines ${previous.range.start.line + 1} and ${current.range.start.line + 1}): consider joining them with && to make one layer.`,
          fix: () => mergeRuns(context.document, [previous, current], context.shells, 'Merge with the previous RUN'),
        });
      }
    }
  },
};
