// wget's progress bar floods the build log (DL3047).
import { hasOption, invocations, type InvocationSpec } from '../../shell/invocations';
import type { Check } from '../types';

const SPEC: InvocationSpec = { programs: ['wget'] };

export const check: Check = {
  instructions: ['RUN'],
  programs: ['wget'],
  visit(instruction, context) {
    const script = context.runScript(instruction);
    if (!script) return;
    for (const invocation of invocations(script, SPEC)) {
      if (hasOption(invocation.args, ['-q', '--quiet', '-nv', '--no-verbose', '--progress', '-o', '--output-file', '-a', '--append-output', '--show-progress'])) continue;
      context.report({
        ...script.sourceSpan(invocation.programWord),
        message: 'Avoid use of wget without progress bar: use wget -q, -nv or --progress=dot:giga.',
        fix: () => ({ title: 'Add --progress=dot:giga', edits: [{ start: script.sourceSpan(invocation.programWord).end, end: script.sourceSpan(invocation.programWord).end, newText: ' --progress=dot:giga' }] }),
      });
    }
  },
};
