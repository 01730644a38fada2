// A flag given twice that may only be given once: BuildKit fails ("Duplicate flag specified").
import { instructionReference } from '../../reference';
import type { Instruction } from '../../syntax/types';
import type { Check, CheckContext } from '../types';

export const check: Check = {
  instructions: ['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK', 'ONBUILD'],
  visit(instruction, context) {
    visitFlags(instruction, context);
    if (instruction.trigger) visitFlags(instruction.trigger, context);
  },
};

function visitFlags(instruction: Instruction, context: CheckContext): void {
  const reference = instructionReference(instruction.name);
  if (!reference || instruction.flags.length < 2) return;
  const seen = new Set<string>();
  for (const flag of instruction.flags) {
    const name = flag.name.value;
    const definition = reference.flags.find((candidate) => candidate.name === name);
    if (!definition || definition.repeatable) continue;
    if (seen.has(name)) context.report({ start: flag.start, end: flag.end, message: `--${name} is given more than once: keep one.` });
    seen.add(name);
  }
}
