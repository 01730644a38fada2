// Stage names should be lowercase (BuildKit StageNameCasing); the fix renames every reference too.
import type { Check } from '../types';

export const check: Check = {
  instructions: ['FROM'],
  visit(instruction, context) {
    const stage = context.stageOf(instruction);
    const token = stage?.nameToken;
    if (!stage || !token || token.value === token.value.toLowerCase()) return;
    const lower = token.value.toLowerCase();
    context.report({
      start: token.start,
      end: token.end,
      message: `Stage name '${token.value}' should be lowercase.`,
      fix: () => ({
        title: `Rename to ${lower}`,
        edits: [
          { start: token.start, end: token.end, newText: lower },
          ...context.document.model.stageReferences
            .filter((reference) => reference.stageIndex === stage.index && reference.kind !== 'from' && context.text.slice(reference.start, reference.end) !== lower)
            .filter((reference) => context.text.slice(reference.start, reference.end).toLowerCase() === lower)
            .map((reference) => ({ start: reference.start, end: reference.end, newText: lower })),
          ...context.document.model.stageReferences
            .filter((reference) => reference.kind === 'from' && reference.stageIndex === stage.index && context.text.slice(reference.start, reference.end) !== lower && context.text.slice(reference.start, reference.end).toLowerCase() === lower)
            .map((reference) => ({ start: reference.start, end: reference.end, newText: lower })),
        ],
      }),
    });
  },
};
