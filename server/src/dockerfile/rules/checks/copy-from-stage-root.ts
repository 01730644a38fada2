// COPY --from=stage / …: the whole filesystem of the stage in one layer (DL3067).
import type { Check } from '../types';

export const check: Check = {
  instructions: ['COPY'],
  visit(instruction, context) {
    if (!instruction.flags.some((flag) => flag.name.value === 'from') || instruction.args.length < 2) return;
    const expanded = context.factsOf(instruction)?.expandedArgs;
    instruction.args.slice(0, -1).forEach((arg, index) => {
      const value = expanded?.[index]?.value ?? arg.value;
      if (value !== '/' && value !== '/.' && value !== '/*') return;
      context.report({ start: arg.start, end: arg.end, message: 'Do not copy the entire filesystem of another stage: copy only the files the image needs.' });
    });
  },
};
