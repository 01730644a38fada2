// HEALTHCHECK durations as BuildKit's parseOptInterval reads them: a Go duration; 0 means the
// default; otherwise at least 1ms. (`0s` is valid — rcjsuen's server wrongly rejects it.)
import { parseDuration } from '../../reference';
import type { Check } from '../types';

const DURATION_FLAGS = new Set(['interval', 'timeout', 'start-period', 'start-interval']);

export const check: Check = {
  instructions: ['HEALTHCHECK'],
  visit(instruction, context) {
    if (instruction.args[0]?.value.toUpperCase() === 'NONE') return;
    for (const flag of instruction.flags) {
      const name = flag.name.value;
      if (!DURATION_FLAGS.has(name)) continue;
      const value = flag.value?.value ?? '';
      if (value === '') continue;
      const at = flag.value && flag.value.end > flag.value.start ? { start: flag.value.start, end: flag.value.end } : { start: flag.start, end: flag.end };
      const ms = parseDuration(value);
      if (ms === undefined) {
        context.report({ ...at, message: `Invalid duration "${value}" for --${name}: use a number with a unit, e.g. 30s, 1m30s or 500ms.` });
      } else if (ms !== 0 && ms < 1) {
        context.report({ ...at, message: `--${name} cannot be less than 1ms (${value}); use 0 for the default.` });
      }
    }
  },
};
