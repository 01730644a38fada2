// An empty line inside a continued instruction (BuildKit NoEmptyContinuation). A visit of every
// instruction (not a pass over the file): an unchanged instruction's findings are reused.
import { deleteLines } from '../../fixes/text';
import { EVERY_INSTRUCTION, type Check } from '../types';

export const check: Check = {
  instructions: EVERY_INSTRUCTION,
  visit(instruction, context) {
    const lines = context.document.ast.lines;
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
  },
};
