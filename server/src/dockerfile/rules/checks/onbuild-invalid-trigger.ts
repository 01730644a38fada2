// ONBUILD FROM / ONBUILD MAINTAINER / ONBUILD ONBUILD: rejected by BuildKit.
import type { Check } from '../types';

export const check: Check = {
  instructions: ['ONBUILD'],
  visit(instruction, context) {
    const trigger = instruction.trigger;
    if (!trigger || !['FROM', 'MAINTAINER', 'ONBUILD'].includes(trigger.name)) return;
    context.report({
      start: trigger.keyword.start,
      end: trigger.keyword.end,
      message: trigger.name === 'ONBUILD' ? 'ONBUILD cannot trigger ONBUILD: remove the nested ONBUILD.' : `${trigger.name} isn't allowed as an ONBUILD trigger.`,
    });
  },
};
