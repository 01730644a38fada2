// COPY a b dest → dest must be a directory ending in `/` (DL3021). `.`, `..` and `x/.` count as
// directories, as in BuildKit (rcjsuen's server wrongly rejects `COPY a b .`).
import type { Check } from '../types';

export const check: Check = {
  instructions: ['COPY', 'ADD'],
  visit(instruction, context) {
    const args = instruction.args;
    const sources = args.length - 1 + instruction.heredocs.filter((heredoc) => !args.some((arg) => arg.start === heredoc.marker.start)).length;
    if (args.length < 2 || sources < 2) return;
    const destination = args[args.length - 1];
    const expanded = context.factsOf(instruction)?.expandedArgs?.[args.length - 1];
    if (!expanded || expanded.unknown || expanded.error) return;
    const value = expanded.value;
    if (value.endsWith('/') || value === '.' || value === '..' || value.endsWith('/.') || value.endsWith('/..')) return;
    const exec = instruction.form === 'exec';
    context.report({
      start: destination.start,
      end: destination.end,
      message: `${instruction.name} with more than one source needs a directory destination ending in "/": write ${value}/.`,
      fix: () => ({ title: `Write ${value}/`, edits: [{ start: destination.end - (exec ? 1 : 0), end: destination.end - (exec ? 1 : 0), newText: '/' }] }),
    });
  },
};
