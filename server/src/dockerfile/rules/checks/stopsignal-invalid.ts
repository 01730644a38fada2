// STOPSIGNAL takes a signal name or number (moby's signal.ParseSignal).
import { signalReference } from '../../reference';
import type { Check } from '../types';

export const check: Check = {
  instructions: ['STOPSIGNAL'],
  visit(instruction, context) {
    const arg = instruction.args[0];
    const expanded = context.factsOf(instruction)?.expandedArgs?.[0];
    if (!arg || !expanded || expanded.unknown || expanded.error) return;
    const value = expanded.value.trim();
    if (/^\d+$/.test(value) ? Number(value) > 0 && Number(value) <= 64 : signalReference(value) !== undefined) return;
    context.report({ start: arg.start, end: arg.end, message: `Invalid STOPSIGNAL "${value}": use a signal name such as SIGTERM, SIGQUIT or SIGINT, or its number.` });
  },
};
