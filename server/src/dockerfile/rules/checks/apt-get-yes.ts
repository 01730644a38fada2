// apt-get install without -y waits for a confirmation the build cannot give (DL3014).
import { insertAfterWord } from '../../fixes/runEdits';
import { hasOption, invocations, type InvocationSpec } from '../../shell/invocations';
import type { Check } from '../types';
import { APT_GET_OPTIONS_WITH_VALUE } from './apt-get-pin-versions';

const SPEC: InvocationSpec = { programs: ['apt-get'], subcommands: ['install', 'upgrade', 'dist-upgrade', 'remove', 'purge', 'autoremove', 'full-upgrade'], optionsWithValue: APT_GET_OPTIONS_WITH_VALUE };

export const check: Check = {
  instructions: ['RUN'],
  programs: ['apt-get'],
  visit(instruction, context) {
    const script = context.runScript(instruction);
    if (!script) return;
    for (const invocation of invocations(script, SPEC)) {
      const args = invocation.args;
      if (hasOption(args, ['-y', '--yes', '--assume-yes', '--force-yes'])) continue;
      // -qq (quiet level 2) implies -y.
      if (args.some((word) => word.value === '-qq' || word.value === '-q=2' || word.value === '--quiet=2' || /^-[a-z]*qq[a-z]*$/.test(word.value ?? ''))) continue;
      if (invocation.command.assignments.includes('APT_GET_ASSUME_YES')) continue;
      // A simulation asks nothing.
      if (hasOption(args, ['-s', '--simulate', '--just-print', '--dry-run', '--recon', '--no-act', '--download-only', '-d'])) continue;
      const subcommand = invocation.subcommand!;
      context.report({
        ...script.sourceSpan(invocation.command),
        message: `Use the -y switch to avoid manual input: apt-get ${subcommand.value} -y ….`,
        fix: () => ({ title: 'Add -y', edits: [insertAfterWord(script, subcommand, '-y')] }),
      });
    }
  },
};
