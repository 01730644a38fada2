// FROM image:latest (DL3007).
import type { Check } from '../types';

export const check: Check = {
  instructions: ['FROM'],
  visit(instruction, context) {
    const stage = context.stageOf(instruction);
    if (!stage || stage.base.kind !== 'image' || !stage.baseToken) return;
    const reference = stage.base.reference;
    if (reference.tag !== 'latest' || reference.digest !== undefined) return;
    context.report({ start: stage.baseToken.start, end: stage.baseToken.end, message: `Using latest is prone to errors if the image will ever update: pin a release tag instead of ${reference.text}.` });
  },
};
