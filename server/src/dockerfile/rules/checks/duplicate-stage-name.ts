// Two stages with one name: FROM name / COPY --from=name silently use the first (DL3024, DuplicateStageName).
import type { Check } from '../types';

export const check: Check = {
  document(context) {
    const stages = context.document.model.stages;
    const names = new Set(stages.map((stage) => stage.name).filter((name): name is string => name !== undefined));
    const seen = new Map<string, number>();
    for (const stage of stages) {
      if (!stage.name || !stage.nameToken) continue;
      const first = seen.get(stage.name);
      if (first === undefined) {
        seen.set(stage.name, stage.index);
        continue;
      }
      const token = stage.nameToken;
      let suffix = 2;
      while (names.has(`${stage.name}-${suffix}`)) suffix++;
      const renamed = `${stage.name}-${suffix}`;
      context.report({
        start: token.start,
        end: token.end,
        message: `Duplicate stage name "${stage.name}" (first defined on line ${stages[first].from.range.start.line + 1}): stage names should be unique.`,
        related: [{ start: stages[first].nameToken!.start, end: stages[first].nameToken!.end, message: 'First defined here' }],
        fix: () => ({ title: `Rename this stage to ${renamed}`, edits: [{ start: token.start, end: token.end, newText: renamed }] }),
      });
    }
  },
};
