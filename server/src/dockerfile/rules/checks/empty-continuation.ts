// An empty line inside a continued instruction (BuildKit NoEmptyContinuation).
import { deleteLines } from '../../fixes/text';
import type { Check } from '../types';

export const check: Check = {
  document(context) {
    const lines = context.document.ast.lines;
    for (const instruction of context.document.ast.instructions) {
      for (const line of instruction.emptyContinuationLines) {
        const start = lines.offsetAt({ line, character: 0 });
        const end = lines.offsetAt({ line: line + 1, character: 0 });
        context.report({
          start,
          end: Math.max(start, end - 1),
          instruction,
          message: 'Empty continuation line: remove it (it will be an error in a future BuildKit release).',
          fix: () => ({ title: 'Remove the empty line', edits: [deleteLines(context.text, start, start)] }),
        });
      }
    }
  },
};
