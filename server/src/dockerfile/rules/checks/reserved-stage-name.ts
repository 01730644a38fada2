// `AS scratch` / `AS context`: reserved words in FROM and --from (DL3063, ReservedStageName).
import type { Check } from '../types';

const RESERVED = ['scratch', 'context'];

export const check: Check = {
  instructions: ['FROM'],
  visit(instruction, context) {
    const stage = context.stageOf(instruction);
    if (!stage?.name || !stage.nameToken || !RESERVED.includes(stage.name)) return;
    context.report({ start: stage.nameToken.start, end: stage.nameToken.end, message: `"${stage.nameToken.value}" is reserved and should not be used as a stage name.` });
  },
};
