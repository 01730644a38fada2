// Instructions with too few arguments (BuildKit's instructions/parse.go): the build fails.
import type { Check } from '../types';

const AT_LEAST_ONE = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'EXPOSE', 'VOLUME', 'ENV', 'LABEL', 'ARG', 'ONBUILD', 'HEALTHCHECK', 'SHELL']);
const EXACTLY_ONE = new Set(['USER', 'WORKDIR', 'STOPSIGNAL', 'MAINTAINER']);

export const check: Check = {
  instructions: [...AT_LEAST_ONE, ...EXACTLY_ONE, 'COPY', 'ADD'],
  visit(instruction, context) {
    const name = instruction.name;
    const empty = !instruction.argumentsText && instruction.heredocs.length === 0 && !instruction.trigger;
    if (name === 'COPY' || name === 'ADD') {
      const sources = instruction.args.length + (instruction.form === 'shell' ? 0 : 0);
      if (sources < 2) {
        const at = instruction.argumentsText ?? instruction.keyword;
        context.report({
          start: at.start,
          end: at.end,
          message: `${name} requires a source and a destination: ${name} <src>… <dest>${instruction.args.length === 1 ? ` (only "${instruction.args[0].value}" is given)` : ''}.`,
        });
      }
      return;
    }
    if (!empty) return;
    const message = EXACTLY_ONE.has(name)
      ? `${name} requires exactly one argument.`
      : name === 'ONBUILD'
        ? 'ONBUILD requires an instruction to run later, e.g. ONBUILD COPY . /app.'
        : `${name} requires at least one argument.`;
    context.report({ start: instruction.keyword.start, end: instruction.keyword.end, message });
  },
};
