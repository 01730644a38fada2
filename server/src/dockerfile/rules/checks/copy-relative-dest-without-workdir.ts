// COPY to a relative destination while the working directory is the base image's (DL3045).
import type { Check } from '../types';
import { absoluteWorkdirBefore, isAbsolutePath } from '../support/workdir';

export const check: Check = {
  instructions: ['COPY'],
  visit(instruction, context) {
    const args = instruction.args;
    if (args.length < 2) return;
    const destination = context.factsOf(instruction)?.expandedArgs?.[args.length - 1];
    const stage = context.stageOf(instruction);
    if (!destination || destination.unknown || destination.error || !stage || isAbsolutePath(destination.value)) return;
    if (absoluteWorkdirBefore(context.document.model, stage, instruction, (candidate) => context.factsOf(candidate))) return;
    const token = args[args.length - 1];
    context.report({
      start: token.start,
      end: token.end,
      message: `COPY to the relative destination "${destination.value}" without a WORKDIR: it depends on the base image's working directory. Set WORKDIR first or use an absolute path.`,
    });
  },
};
