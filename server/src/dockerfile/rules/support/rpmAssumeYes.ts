// yum and dnf share their command line: install and the other changing subcommands stop for a
// confirmation the build cannot give unless -y/--assumeyes is there (DL3030, DL3038).
import { insertAfterWord } from '../../fixes/runEdits';
import { hasOption, invocations, type InvocationSpec } from '../../shell/invocations';
import type { Check } from '../types';

const SUBCOMMANDS = ['install', 'groupinstall', 'localinstall', 'update', 'upgrade', 'remove', 'reinstall', 'module'];
const OPTIONS_WITH_VALUE = ['-c', '--config', '--installroot', '--releasever', '--setopt', '--enablerepo', '--disablerepo', '-x', '--exclude'];

/** The check for `programs`; those in `neverAsks` (microdnf) are recognised but never flagged. */
export function rpmAssumeYesCheck(programs: readonly string[], neverAsks: readonly string[] = []): Check {
  const spec: InvocationSpec = { programs, subcommands: SUBCOMMANDS, optionsWithValue: OPTIONS_WITH_VALUE };
  return {
    instructions: ['RUN'],
    programs,
    visit(instruction, context) {
      const script = context.runScript(instruction);
      if (!script) return;
      for (const invocation of invocations(script, spec)) {
        if (neverAsks.includes(invocation.program)) continue;
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
}
