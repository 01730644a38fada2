// zypper dist-upgrade inside an image build (DL3035).
import { invocations, type InvocationSpec } from '../../shell/invocations';
import type { Check } from '../types';

const SPEC: InvocationSpec = { programs: ['zypper'], subcommands: ['dist-upgrade', 'dup'], optionsWithValue: ['--root', '-R', '-c', '--config'] };

export const check: Check = {
  instructions: ['RUN'],
  programs: ['zypper'],
  visit(instruction, context) {
    const script = context.runScript(instruction);
    if (!script) return;
    for (const invocation of invocations(script, SPEC)) {
      context.report({ ...script.sourceSpan(invocation.command), message: 'Do not use zypper dist-upgrade: start from a newer base image instead.' });
    }
  },
};
