// Shell-form CMD / ENTRYPOINT: /bin/sh is PID 1, signals do not reach the program, and a shell
// ENTRYPOINT ignores CMD and `docker run` arguments (BuildKit JSONArgsRecommended, DL3025).
import { toExecForm } from '../../fixes/execForm';
import type { Check } from '../types';

export const check: Check = {
  instructions: ['CMD', 'ENTRYPOINT'],
  visit(instruction, context) {
    if (instruction.form !== 'shell' || !instruction.argumentsText || instruction.jsonFallback) return;
    // A stage that sets a SHELL uses shell form on purpose (as BuildKit).
    const stage = context.stageOf(instruction);
    if (stage?.instructions.some((candidate) => candidate.name === 'SHELL' && candidate.start < instruction.start)) return;
    const name = instruction.name;
    const why =
      name === 'ENTRYPOINT'
        ? 'in shell form /bin/sh -c is PID 1, so the program does not receive SIGTERM, and CMD and docker run arguments are ignored'
        : 'in shell form /bin/sh -c is PID 1, so the program does not receive SIGTERM from docker stop';
    const edit = toExecForm(instruction, context.runScript(instruction), context.document.ast.escapeChar);
    context.report({
      start: instruction.argumentsText.start,
      end: instruction.argumentsText.end,
      message: `JSON arguments recommended for ${name} to prevent unintended behavior related to OS signals: ${why}.${edit ? ` Write ${name} ${edit.newText}.` : ''}`,
      fix: edit ? () => ({ title: `Convert to ${name} ${edit.newText}`, edits: [edit] }) : undefined,
    });
  },
};
