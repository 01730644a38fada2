// useradd -u <high uid> without -l writes a sparse lastlog/faillog sized by the uid (DL3046).
import { hasOption, invocations, type InvocationSpec } from '../../shell/invocations';
import { insertAfterWord } from '../../fixes/runEdits';
import type { Check } from '../types';

const SPEC: InvocationSpec = { programs: ['useradd'] };

export const check: Check = {
  instructions: ['RUN'],
  programs: ['useradd'],
  visit(instruction, context) {
    const script = context.runScript(instruction);
    if (!script) return;
    for (const invocation of invocations(script, SPEC)) {
      if (hasOption(invocation.args, ['-l', '--no-log-init'])) continue;
      const args = invocation.args;
      let uid: string | undefined;
      for (let i = 0; i < args.length; i++) {
        const value = args[i].value ?? '';
        if (value === '-u' || value === '--uid') uid = args[i + 1]?.value;
        else if (value.startsWith('--uid=')) uid = value.slice(6);
        else if (/^-u\d+$/.test(value)) uid = value.slice(2);
      }
      if (!uid || !/^\d+$/.test(uid) || Number(uid) < 100000) continue;
      const span = script.sourceSpan(invocation.command);
      context.report({
        ...span,
        message: `useradd with the high UID ${uid} and without -l (--no-log-init) writes a huge sparse /var/log/faillog into the layer: add -l.`,
        fix: () => ({ title: 'Add -l', edits: [insertAfterWord(script, invocation.programWord, '-l')] }),
      });
    }
  },
};
