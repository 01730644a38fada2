// EXPOSE ports from 0 to 65535 (or ranges) and the protocols tcp, udp, sctp (DL3011).
import type { Check } from '../types';
import { parsePortSpec, portProblem } from '../support/ports';

const PROTOCOLS = ['tcp', 'udp', 'sctp'];

export const check: Check = {
  instructions: ['EXPOSE'],
  visit(instruction, context) {
    const expanded = context.factsOf(instruction)?.expandedArgs;
    instruction.args.forEach((arg, index) => {
      const word = expanded?.[index];
      if (!word || word.unknown || word.error) return;
      const spec = parsePortSpec(word.value);
      const verbatim = word.value === arg.text;
      const problem = portProblem(spec.ports);
      if (problem) {
        context.report({
          start: verbatim ? arg.start + spec.portStart : arg.start,
          end: verbatim ? arg.start + spec.portEnd : arg.end,
          message: `Invalid EXPOSE port: ${problem}.`,
        });
      }
      if (spec.protocol !== undefined && !PROTOCOLS.includes(spec.protocol.toLowerCase())) {
        context.report({
          start: verbatim ? arg.start + spec.protocolStart : arg.start,
          end: arg.end,
          message: `Invalid EXPOSE protocol "${spec.protocol}": use tcp, udp or sctp.`,
        });
      }
    });
  },
};
