// EXPOSE 80/TCP → 80/tcp (BuildKit ExposeProtoCasing).
import type { Check } from '../types';
import { parsePortSpec } from '../support/ports';

export const check: Check = {
  instructions: ['EXPOSE'],
  visit(instruction, context) {
    for (const arg of instruction.args) {
      const spec = parsePortSpec(arg.value);
      const protocol = spec.protocol;
      if (!protocol || protocol === protocol.toLowerCase() || !['tcp', 'udp', 'sctp'].includes(protocol.toLowerCase())) continue;
      const start = arg.value === arg.text ? arg.start + spec.protocolStart : arg.start;
      context.report({
        start,
        end: arg.end,
        message: `Defined protocol '${arg.value}' in EXPOSE instruction should be lowercase.`,
        fix: arg.value === arg.text ? () => ({ title: `Write ${protocol.toLowerCase()}`, edits: [{ start, end: arg.end, newText: protocol.toLowerCase() }] }) : undefined,
      });
    }
  },
};
