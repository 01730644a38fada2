// Several CMD / ENTRYPOINT / HEALTHCHECK in one stage: only the last one counts.
import { deleteLines } from '../../fixes/text';
import type { Check } from '../types';

export function onlyLastCounts(name: 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK'): Check {
  return {
    stage(stage, context) {
      const all = stage.instructions.filter((instruction) => instruction.name === name);
      const last = all[all.length - 1];
      for (const instruction of all.slice(0, -1)) {
        context.report({
          start: instruction.keyword.start,
          end: instruction.end,
          message: `Multiple ${name} instructions should not be used in the same stage because only the last one will be used (line ${last.range.start.line + 1}).`,
          related: [{ start: last.start, end: last.end, message: `The ${name} that counts` }],
          tag: 'unnecessary',
          fix: () => ({ title: `Remove this ${name}`, edits: [deleteLines(context.text, instruction.start, instruction.end)] }),
        });
      }
    },
  };
}
