// `FROM image as name` / `from image AS name` (BuildKit FromAsCasing).
import type { Check } from '../types';

export const check: Check = {
  instructions: ['FROM'],
  visit(instruction, context) {
    const as = instruction.args.length === 3 ? instruction.args[1] : undefined;
    if (!as || as.value.toLowerCase() !== 'as') return;
    const from = instruction.keyword.text;
    const wanted = from === from.toUpperCase() ? 'AS' : from === from.toLowerCase() ? 'as' : undefined;
    if (!wanted || as.text === wanted) return;
    context.report({
      start: as.start,
      end: as.end,
      message: `'${as.text}' and '${from}' keywords' casing do not match.`,
      fix: () => ({ title: `Write ${wanted}`, edits: [{ start: as.start, end: as.end, newText: wanted }] }),
    });
  },
};
