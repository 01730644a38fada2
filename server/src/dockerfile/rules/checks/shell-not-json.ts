// SHELL only has an exec (JSON) form.
import type { Check } from '../types';

export const check: Check = {
  instructions: ['SHELL'],
  visit(instruction, context) {
    if (instruction.form === 'exec' || !instruction.argumentsText || instruction.jsonFallback) return;
    const words = instruction.argumentsText.value.split(/\s+/).filter((word) => word !== '');
    context.report({
      start: instruction.argumentsText.start,
      end: instruction.argumentsText.end,
      message: `SHELL requires the arguments in JSON form, e.g. SHELL ${JSON.stringify(words).replace(/","/g, '", "')}.`,
      fix: () => ({ title: 'Convert to JSON form', edits: [{ start: instruction.argumentsText!.start, end: instruction.argumentsText!.end, newText: `[${words.map((word) => JSON.stringify(word)).join(', ')}]` }] }),
    });
  },
};
