// RUN, CMD or ENTRYPOINT with nothing to run: BuildKit accepts it and runs or records `sh -c ""`.
import { emptyCommand } from '../../syntax/requiredArguments';
import type { Check } from '../types';

export const check: Check = {
  instructions: ['RUN', 'CMD', 'ENTRYPOINT'],
  visit(instruction, context) {
    if (!emptyCommand(instruction)) return;
    const what = instruction.name === 'RUN' ? 'runs' : 'records';
    context.report({
      start: instruction.keyword.start,
      end: instruction.keyword.end,
      message: `${instruction.name} has no command: the build ${what} \`/bin/sh -c ""\`, which does nothing. Write the command, or remove the line.`,
    });
  },
};
