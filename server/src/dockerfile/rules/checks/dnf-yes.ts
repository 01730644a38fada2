// dnf install without -y waits for a confirmation the build cannot give (DL3038).
import { insertAfterWord } from '../../fixes/runEdits';
import { hasOption, invocations, type InvocationSpec } from '../../shell/invocations';
import type { Check } from '../types';

const SPEC: InvocationSpec = { programs: ['dnf', 'microdnf'], subcommands: ['install', 'groupinstall', 'localinstall', 'update', 'upgrade', 'remove', 'reinstall', 'module'], optionsWithValue: ['-c', '--config', '--installroot', '--releasever', '--setopt', '--enablerepo', '--disablerepo', '-x', '--exclude'] };

export const check: Check = {
  instructions: ['RUN'],
  programs: ['dnf', 'microdnf'],
  visit(instruction, context) {
    const script = context.runScript(instruction);
    if (!script) return;
    for (const invocation of invocations(script, SPEC)) {
      if (invocation.program === 'microdnf') continue; // microdnf never asks
      if (hasOption(invocation.args, ['-y', '--assumeyes'])) continue;
      const subcommand = invocation.subcommand!;
      context.report({
        ...script.sourceSpan(invocation.command),
        message: `Use the -y switch to avoid manual input: ${invocation.program} ${subcommand.value} -y ….`,
        fix: () => ({ title: 'Add -y', edits: [insertAfterWord(script, subcommand, '-y')] }),
      });
    }
  },
};
