// Inline ignore comments, for teams that keep every exception in the configuration (DL1001; off by default).
import { readPragma } from '../ignores';
import type { Check } from '../types';

export const check: Check = {
  document(context) {
    for (const comment of context.document.ast.comments) {
      const pragma = readPragma(comment);
      if (!pragma || 'shell' in pragma) continue;
      context.report({ start: comment.start, end: comment.end, message: 'Please refrain from using inline ignore pragmas: configure the rule instead.' });
    }
  },
};
