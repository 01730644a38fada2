// MAINTAINER → LABEL org.opencontainers.image.authors (DL4000, MaintainerDeprecated).
import type { Check } from '../types';

export const check: Check = {
  instructions: ['MAINTAINER'],
  visit(instruction, context) {
    const value = instruction.argumentsText?.value ?? '';
    // LABEL substitutes variables and reads quotes, MAINTAINER does not: escape both, and the
    // escape character itself, with the file's escape character (`\` or a backtick).
    const escape = context.document.ast.escapeChar;
    let quoted = '"';
    for (const char of value) quoted += char === '"' || char === '$' || char === escape ? escape + char : char;
    quoted += '"';
    const keyword = instruction.keyword.text === instruction.keyword.text.toLowerCase() ? 'label' : 'LABEL';
    context.report({
      start: instruction.keyword.start,
      end: instruction.end,
      message: 'Maintainer instruction is deprecated in favor of using label: LABEL org.opencontainers.image.authors="…".',
      tag: 'deprecated',
      fix: () => ({ title: 'Replace with LABEL org.opencontainers.image.authors', edits: [{ start: instruction.keyword.start, end: instruction.end, newText: `${keyword} org.opencontainers.image.authors=${quoted}` }] }),
    });
  },
};
