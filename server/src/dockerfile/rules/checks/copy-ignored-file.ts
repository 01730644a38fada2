// COPY/ADD of a path the build context's .dockerignore excludes (BuildKit CopyIgnoredFile).
import type { Check } from '../types';

export const check: Check = {
  instructions: ['COPY', 'ADD'],
  visit(instruction, context) {
    const ignores = context.options.contextIgnores;
    if (!ignores || instruction.flags.some((flag) => flag.name.value === 'from')) return;
    const expanded = context.factsOf(instruction)?.expandedArgs;
    instruction.args.slice(0, -1).forEach((arg, index) => {
      const word = expanded?.[index];
      const source = word && !word.unknown ? word.value : arg.value;
      if (source.includes('$') || /^[a-z][a-z0-9+.-]*:\/\//i.test(source) || source.startsWith('<<') || /[*?[]/.test(source)) return;
      const path = source.replace(/^\.?\/+/, '').replace(/\/+$/, '') || '.';
      if (path === '.' || path.startsWith('../') || !ignores(path)) return;
      context.report({ start: arg.start, end: arg.end, message: `Attempting to ${instruction.name} file "${source}" that is excluded by .dockerignore: the build will not find it.` });
    });
  },
};
