// RUN ln -sf /bin/bash /bin/sh changes /bin/sh for the whole image (DL4005).
import { invocations, type InvocationSpec } from '../../shell/invocations';
import type { Check } from '../types';

const SPEC: InvocationSpec = { programs: ['ln'], optionsWithValue: ['-S', '--suffix', '-t', '--target-directory'] };

export const check: Check = {
  instructions: ['RUN'],
  programs: ['ln'],
  visit(instruction, context) {
    const script = context.runScript(instruction);
    if (!script) return;
    for (const invocation of invocations(script, SPEC)) {
      const target = invocation.operands[invocation.operands.length - 1]?.value;
      if (target !== '/bin/sh' && target !== '/usr/bin/sh') continue;
      context.report({ ...script.sourceSpan(invocation.command), message: 'Use SHELL to change the default shell: SHELL ["/bin/bash", "-c"] instead of replacing /bin/sh.' });
    }
  },
};
