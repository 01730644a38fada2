// EXPOSE 127.0.0.1:80 / EXPOSE 8080:80: EXPOSE only documents container ports (BuildKit ExposeInvalidFormat).
import type { Check } from '../types';
import { parsePortSpec } from '../support/ports';

export const check: Check = {
  instructions: ['EXPOSE'],
  visit(instruction, context) {
    for (const arg of instruction.args) {
      const spec = parsePortSpec(arg.value);
      if (spec.mapping === undefined || arg.value.includes('$')) continue;
      const verbatim = arg.value === arg.text;
      context.report({
        start: arg.start,
        end: arg.end,
        message: `EXPOSE should not define an IP address or host-port mapping, found '${arg.value}': expose ${arg.value.slice(spec.portStart)} and publish with docker run -p.`,
        fix: verbatim ? () => ({ title: `Keep only ${arg.value.slice(spec.portStart)}`, edits: [{ start: arg.start, end: arg.start + spec.portStart, newText: '' }] }) : undefined,
      });
    }
  },
};
