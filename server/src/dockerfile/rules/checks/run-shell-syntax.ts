// A RUN the shell cannot parse fails when the build runs it.
import type { Check } from '../types';

export const check: Check = {
  instructions: ['RUN'],
  visit(instruction, context) {
    const script = context.runScript(instruction);
    const error = script?.script.error;
    if (!script || !error) return;
    // A Windows command line (C:\path, cmd or PowerShell) in a stage whose base image is not known here.
    if (/[A-Za-z]:\\/.test(script.script.text)) return;
    const at = script.toSource(Math.min(error.offset, Math.max(0, script.script.text.length - 1)));
    context.report({ start: at, end: Math.min(at + 1, instruction.end), message: `The shell cannot parse this command: ${error.message}.` });
  },
};
