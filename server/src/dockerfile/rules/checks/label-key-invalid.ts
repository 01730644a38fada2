// Label keys: lowercase alphanumerics, `.` and `-`, in no reserved namespace (DL3048).
import type { Check } from '../types';
import { labelPairs } from '../support/labels';

const RESERVED = /^(com\.docker\.|io\.docker\.|org\.dockerproject\.)/;

export const check: Check = {
  instructions: ['LABEL'],
  visit(instruction, context) {
    for (const label of labelPairs(context, instruction)) {
      const key = label.key;
      const problem = RESERVED.test(key)
        ? 'it uses a namespace reserved for Docker'
        : !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(key)
          ? 'use lowercase letters, digits, "." and "-", starting and ending with a letter or digit'
          : /\.\.|--/.test(key)
            ? 'it has consecutive "." or "-"'
            : undefined;
      if (!problem || key.includes('$')) continue;
      context.report({ start: label.pair.key.start, end: label.pair.key.end, message: `Invalid label key "${key}": ${problem}.` });
    }
  },
};
