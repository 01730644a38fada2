// HEALTHCHECK [options] CMD <command> | HEALTHCHECK NONE (BuildKit parseHealthcheck).
import type { Check } from '../types';

export const check: Check = {
  instructions: ['HEALTHCHECK'],
  visit(instruction, context) {
    const type = instruction.args[0];
    if (!type) return; // missing-arguments
    const upper = type.value.toUpperCase();
    if (upper === 'NONE') {
      if (instruction.args.length > 1) {
        const extra = instruction.args[1];
        context.report({ start: extra.start, end: instruction.args[instruction.args.length - 1].end, message: 'HEALTHCHECK NONE takes no arguments.' });
      }
      return;
    }
    if (upper !== 'CMD') {
      context.report({ start: type.start, end: type.end, message: `Unknown type "${type.value}" in HEALTHCHECK: write HEALTHCHECK CMD <command> (or HEALTHCHECK NONE).` });
      return;
    }
    if (instruction.args.length < 2 || instruction.args.slice(1).every((arg) => arg.value.trim() === '')) {
      context.report({ start: type.start, end: type.end, message: 'Missing command after HEALTHCHECK CMD.' });
    }
  },
};
