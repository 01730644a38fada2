// Every instruction in the majority's casing (BuildKit ConsistentInstructionCasing).
import type { Instruction } from '../../syntax/types';
import type { Check } from '../types';

export const check: Check = {
  document(context) {
    const all: Instruction[] = [];
    for (const instruction of context.document.ast.instructions) {
      if (!instruction.known) continue;
      all.push(instruction);
      if (instruction.trigger?.known) all.push(instruction.trigger);
    }
    let upper = 0;
    let lower = 0;
    for (const instruction of all) {
      const keyword = instruction.keyword.text;
      if (keyword === keyword.toUpperCase()) upper++;
      else if (keyword === keyword.toLowerCase()) lower++;
    }
    const majority = lower > upper ? 'lowercase' : 'uppercase';
    for (const instruction of all) {
      const keyword = instruction.keyword.text;
      const wanted = majority === 'lowercase' ? keyword.toLowerCase() : keyword.toUpperCase();
      if (keyword === wanted) continue;
      context.report({
        start: instruction.keyword.start,
        end: instruction.keyword.end,
        instruction,
        message: `Command '${keyword}' should match the case of the command majority (${majority}).`,
        fix: () => ({ title: `Write ${wanted}`, edits: [{ start: instruction.keyword.start, end: instruction.keyword.end, newText: wanted }] }),
      });
    }
  },
};
