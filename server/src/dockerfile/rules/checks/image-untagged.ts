// FROM image without a tag or digest means :latest (DL3006).
import type { Check } from '../types';

export const check: Check = {
  instructions: ['FROM'],
  visit(instruction, context) {
    const stage = context.stageOf(instruction);
    if (!stage || stage.base.kind !== 'image' || !stage.baseToken) return;
    const reference = stage.base.reference;
    if (reference.error || reference.tag !== undefined || reference.digest !== undefined) return;
    context.report({
      start: stage.baseToken.start,
      end: stage.baseToken.end,
      message: `Always tag the version of an image explicitly: ${reference.text} means ${reference.text}:latest.`,
    });
  },
};
