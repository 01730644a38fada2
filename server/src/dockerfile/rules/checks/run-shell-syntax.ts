// A RUN the shell cannot parse fails when the build runs it.
import type { Check } from '../types';

export const check: Check = {
  instructions: ['RUN'],
  visit(instruction, context) {
    const script = context.runScript(instruction);
    const error = script?.script.error;
    if (!script || !error) return;
    const at = script.toSource(Math.min(error.offset, Math.max(0, script.script.text.length - 1)));
    context.report({ start: at, end: Math.min(at + 1, instruction.end), message: `The shell cannot parse this command: ${error.message}.` });
  },
};
