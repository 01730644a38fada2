// FROM --platform=linux/amd64: pins a stage to one platform (BuildKit FromPlatformFlagConstDisallowed, DL3029).
import type { Check } from '../types';

export const check: Check = {
  instructions: ['FROM'],
  visit(instruction, context) {
    const flag = instruction.flags.find((candidate) => candidate.name.value === 'platform');
    const value = flag?.value;
    if (!flag || !value || value.value === '' || value.value.includes('$')) return;
    context.report({
      start: value.start,
      end: value.end,
      message: `FROM --platform flag should not use constant value "${value.value}": use $BUILDPLATFORM for a build stage, or remove it.`,
    });
  },
};
