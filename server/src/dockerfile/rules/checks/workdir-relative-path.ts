// A relative WORKDIR with no absolute one before it in the stage (BuildKit WorkdirRelativePath, DL3000).
import type { Check } from '../types';
import { absoluteWorkdirBefore, isAbsolutePath } from '../support/workdir';

export const check: Check = {
  instructions: ['WORKDIR'],
  visit(instruction, context) {
    const arg = instruction.args[0];
    const value = context.factsOf(instruction)?.expandedArgs?.[0];
    const stage = context.stageOf(instruction);
    if (!arg || !value || value.unknown || value.error || !stage || isAbsolutePath(value.value)) return;
    if (absoluteWorkdirBefore(context.document.model, stage, instruction, (candidate) => context.factsOf(candidate))) return;
    context.report({
      start: arg.start,
      end: arg.end,
      message: `Relative workdir "${value.value}" can have unexpected results if the base image changes: use an absolute path such as /${value.value.replace(/^\.\//, '')}.`,
      fix: () => ({ title: `Make it /${arg.text.replace(/^\.\//, '')}`, edits: [{ start: arg.start, end: arg.start + (arg.text.startsWith('./') ? 2 : 0), newText: '/' }] }),
    });
  },
};
