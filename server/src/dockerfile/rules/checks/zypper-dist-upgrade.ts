// zypper dist-upgrade inside an image build (DL3035).
import { invocations } from '../../shell/invocations';
import type { Check } from '../types';

export const check: Check = {
  instructions: ['RUN'],
  programs: ['zypper'],
  visit(instruction, context) {
    const script = context.runScript(instruction);
    if (!script) return;
    for (const invocation of invocations(script, { programs: ['zypper'], subcommands: ['dist-upgrade', 'dup'], optionsWithValue: ['--root', '-R', '-c', '--config'] })) {
      context.report({ ...script.sourceSpan(invocation.command), message: 'Do not use zypper dist-upgrade: start from a newer base image instead.' });
    }
  },
};
