// zypper without -n asks questions the build cannot answer (DL3034).
import { hasOption, invocations, type InvocationSpec } from '../../shell/invocations';
import type { Check } from '../types';

const SPEC: InvocationSpec = { programs: ['zypper'], subcommands: ['install', 'in', 'remove', 'rm', 'update', 'up', 'patch', 'dist-upgrade', 'dup', 'source-install', 'si'], optionsWithValue: ['--root', '-R', '--reposd-dir', '-D', '--cache-dir', '-C', '--raw-cache-dir', '--solv-cache-dir', '--pkg-cache-dir', '-c', '--config'] };

export const check: Check = {
  instructions: ['RUN'],
  programs: ['zypper'],
  visit(instruction, context) {
    const script = context.runScript(instruction);
    if (!script) return;
    for (const invocation of invocations(script, SPEC)) {
      if (hasOption(invocation.args, ['-n', '--non-interactive', '-y', '--no-confirm'])) continue;
      context.report({
        ...script.sourceSpan(invocation.command),
        message: 'Non-interactive switch missing from zypper command: zypper -n ….',
        fix: () => ({ title: 'Add -n', edits: [{ start: script.sourceSpan(invocation.programWord).end, end: script.sourceSpan(invocation.programWord).end, newText: ' -n' }] }),
      });
    }
  },
};
