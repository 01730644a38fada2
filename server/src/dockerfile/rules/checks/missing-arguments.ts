// Instructions with too few arguments (BuildKit's instructions/parse.go): the build fails.
import { INSTRUCTIONS_WITH_ARGUMENTS, missingArguments } from '../../syntax/requiredArguments';
import type { Check } from '../types';

export const check: Check = {
  instructions: INSTRUCTIONS_WITH_ARGUMENTS,
  visit(instruction, context) {
    const missing = missingArguments(instruction);
    if (missing) context.report({ start: missing.at.start, end: missing.at.end, message: missing.message });
  },
};
