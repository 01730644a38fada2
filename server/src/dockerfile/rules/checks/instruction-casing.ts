// Every instruction in the majority's casing (BuildKit ConsistentInstructionCasing). The counts
// and the keywords not in upper case are kept per stage, so an edit re-reads one stage only.
import { instructionAt } from '../../index';
import type { Instruction } from '../../syntax/types';
import type { Check, CheckContext } from '../types';

interface Casing {
  upper: number;
  lower: number;
  /** Keywords not all upper case: where they start, and whether they are an ONBUILD's trigger. */
  readonly notUpper: { readonly start: number; readonly trigger: boolean }[];
}

export const check: Check = {
  document(context) {
    const stages = context.document.model.stages;
    const firstStage = stages[0]?.start ?? Infinity;
    const summaries = [casingOf(context.document.ast.instructions.filter((instruction) => instruction.start < firstStage))];
    for (const stage of stages) summaries.push(context.stageMemo(stage, 'instruction-casing', () => casingOf(stage.instructions)));
    const upper = summaries.reduce((sum, casing) => sum + casing.upper, 0);
    const lower = summaries.reduce((sum, casing) => sum + casing.lower, 0);
    if (lower > upper) {
      // Lower case wins (rare): every other keyword is reported.
      for (const instruction of keywordsOf(context.document.ast.instructions)) reportUnless(instruction, 'lowercase', context);
      return;
    }
    const instructions = context.document.ast.instructions;
    for (const { start, trigger } of summaries.flatMap((casing) => casing.notUpper)) {
      const top = instructionAt(instructions, start);
      const instruction = trigger ? top?.trigger : top;
      if (instruction) reportUnless(instruction, 'uppercase', context);
    }
  },
};

/** Known instructions and the known triggers of ONBUILD (only ONBUILD has one: asking others would split them all). */
function keywordsOf(instructions: readonly Instruction[]): Instruction[] {
  const all: Instruction[] = [];
  for (const instruction of instructions) {
    if (!instruction.known) continue;
    all.push(instruction);
    if (instruction.name === 'ONBUILD' && instruction.trigger?.known) all.push(instruction.trigger);
  }
  return all;
}

function casingOf(instructions: readonly Instruction[]): Casing {
  const casing: Casing = { upper: 0, lower: 0, notUpper: [] };
  const count = (instruction: Instruction, trigger: boolean): void => {
    const keyword = instruction.keyword.text;
    const isUpper = keyword === keyword.toUpperCase();
    if (isUpper) casing.upper++;
    else if (keyword === keyword.toLowerCase()) casing.lower++;
    if (!isUpper) casing.notUpper.push({ start: instruction.keyword.start, trigger });
  };
  for (const instruction of instructions) {
    if (!instruction.known) continue;
    count(instruction, false);
    if (instruction.name === 'ONBUILD' && instruction.trigger?.known) count(instruction.trigger, true);
  }
  return casing;
}

function reportUnless(instruction: Instruction, majority: 'lowercase' | 'uppercase', context: CheckContext): void {
  const keyword = instruction.keyword.text;
  const wanted = majority === 'lowercase' ? keyword.toLowerCase() : keyword.toUpperCase();
  if (keyword === wanted) return;
  context.report({
    start: instruction.keyword.start,
    end: instruction.keyword.end,
    instruction,
    message: `Command '${keyword}' should match the case of the command majority (${majority}).`,
    fix: () => ({ title: `Write ${wanted}`, edits: [{ start: instruction.keyword.start, end: instruction.keyword.end, newText: wanted }] }),
  });
}
