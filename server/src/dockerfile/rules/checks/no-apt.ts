// `apt` is for people, `apt-get` for scripts (DL3027).
import { invocations, type InvocationSpec } from '../../shell/invocations';
import type { Check } from '../types';

const SPEC: InvocationSpec = { programs: ['apt'] };

export const check: Check = {
  instructions: ['RUN'],
  programs: ['apt'],
  visit(instruction, context) {
    const script = context.runScript(instruction);
    if (!script) return;
    for (const invocation of invocations(script, SPEC)) {
      const word = script.sourceSpan(invocation.programWord);
      const subcommand = invocation.operands[0]?.value;
      const replacement = subcommand === 'search' || subcommand === 'show' || subcommand === 'policy' ? 'apt-cache' : 'apt-get';
      context.report({
        ...word,
        message: `Do not use apt as it is meant to be an end-user tool: use ${replacement}.`,
        fix: invocation.programWord.text === 'apt' ? () => ({ title: `Replace with ${replacement}`, edits: [{ ...word, newText: replacement }] }) : undefined,
      });
    }
  },
};
