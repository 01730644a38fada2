// apt-get install without --no-install-recommends pulls packages nobody asked for (DL3015).
import { insertAfterWord } from '../../fixes/runEdits';
import { hasOption, invocations, type InvocationSpec } from '../../shell/invocations';
import type { Check } from '../types';
import { APT_GET_OPTIONS_WITH_VALUE } from './apt-get-pin-versions';

const SPEC: InvocationSpec = { programs: ['apt-get'], subcommands: ['install'], optionsWithValue: APT_GET_OPTIONS_WITH_VALUE };

export const check: Check = {
  instructions: ['RUN'],
  programs: ['apt-get'],
  visit(instruction, context) {
    const script = context.runScript(instruction);
    if (!script) return;
    for (const invocation of invocations(script, SPEC)) {
      if (hasOption(invocation.args, ['--no-install-recommends'])) continue;
      if (invocation.args.some((word) => /Install-Recommends=(0|false|no)/i.test(word.value ?? ''))) continue;
      if (invocation.operands.length === 0) continue;
      const subcommand = invocation.subcommand!;
      context.report({
        ...script.sourceSpan(invocation.command),
        message: 'Avoid additional packages by specifying --no-install-recommends.',
        fix: () => ({ title: 'Add --no-install-recommends', edits: [insertAfterWord(script, subcommand, '--no-install-recommends')] }),
      });
    }
  },
};
