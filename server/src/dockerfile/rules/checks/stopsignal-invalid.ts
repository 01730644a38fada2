// STOPSIGNAL takes what the builder's signal parser takes (config/signal.ts); a number it takes
// that Linux has no signal for builds, but `docker stop` cannot send it.
import { LINUX_SIGNAL_MAX, parseStopSignal } from '../../config/signal';
import type { Check } from '../types';

export const check: Check = {
  instructions: ['STOPSIGNAL'],
  visit(instruction, context) {
    const arg = instruction.args[0];
    const expanded = context.factsOf(instruction)?.expandedArgs?.[0];
    if (!arg || !expanded || expanded.unknown || expanded.error) return;
    const value = expanded.value;
    const signal = parseStopSignal(value);
    if (signal === undefined) {
      context.report({ start: arg.start, end: arg.end, message: `Invalid STOPSIGNAL "${value}": the build fails. Use a signal name such as SIGTERM, SIGQUIT or SIGINT, or its number.` });
    } else if (signal < 1 || signal > LINUX_SIGNAL_MAX) {
      context.report({ start: arg.start, end: arg.end, message: `STOPSIGNAL ${value} builds, but Linux has no signal ${signal}: docker stop cannot send it. Use a number from 1 to ${LINUX_SIGNAL_MAX} or a signal name.` });
    }
  },
};
