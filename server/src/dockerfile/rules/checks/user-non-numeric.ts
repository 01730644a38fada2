// USER by name: runAsNonRoot and host tools can only check numeric ids (DL3066; off by default).
import type { Check } from '../types';

export const check: Check = {
  instructions: ['USER'],
  visit(instruction, context) {
    const value = context.factsOf(instruction)?.expandedArgs?.[0];
    const arg = instruction.args[0];
    if (!value || value.unknown || !arg || /^\d+(:\d+)?$/.test(value.value)) return;
    context.report({ start: arg.start, end: arg.end, message: `Non-numeric user "${value.value}" may not be resolvable by the host system: use its uid (e.g. USER 10001).` });
  },
};
