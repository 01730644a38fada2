// HEALTHCHECK --retries: strconv.ParseInt(…, 10, 32), not negative. 0 is valid (the default).
import type { Check } from '../types';

export const check: Check = {
  instructions: ['HEALTHCHECK'],
  visit(instruction, context) {
    if (instruction.args[0]?.value.toUpperCase() === 'NONE') return;
    for (const flag of instruction.flags) {
      if (flag.name.value !== 'retries' || !flag.value || flag.value.value === '') continue;
      const value = flag.value.value;
      const at = { start: flag.value.start, end: flag.value.end };
      if (!/^[-+]?\d+$/.test(value) || Math.abs(Number(value)) > 2 ** 31 - 1) {
        context.report({ ...at, message: `Invalid --retries "${value}": use a whole number, 0 or more.` });
      } else if (Number(value) < 0) {
        context.report({ ...at, message: `--retries cannot be negative (${value}).` });
      }
    }
  },
};
