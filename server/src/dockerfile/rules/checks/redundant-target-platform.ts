// FROM --platform=$TARGETPLATFORM is the default (BuildKit RedundantTargetPlatform, DL3065).
import type { Check } from '../types';

export const check: Check = {
  instructions: ['FROM'],
  visit(instruction, context) {
    const flag = instruction.flags.find((candidate) => candidate.name.value === 'platform');
    const value = flag?.value?.value;
    if (!flag || (value !== '$TARGETPLATFORM' && value !== '${TARGETPLATFORM}')) return;
    const end = context.text.slice(flag.end).match(/^[ \t]*/)?.[0].length ?? 0;
    context.report({
      start: flag.start,
      end: flag.end,
      message: 'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior.',
      fix: () => ({ title: 'Remove --platform', edits: [{ start: flag.start, end: flag.end + end, newText: '' }] }),
    });
  },
};
