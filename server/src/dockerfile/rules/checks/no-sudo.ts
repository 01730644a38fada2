// sudo in RUN (DL3004).
import type { Check } from '../types';

export const check: Check = {
  instructions: ['RUN'],
  programs: ['sudo'],
  visit(instruction, context) {
    const script = context.runScript(instruction);
    if (!script) return;
    for (const command of script.commands) {
      const first = command.words[0]?.value;
      if (first !== 'sudo' && first !== '/usr/bin/sudo') continue;
      context.report({ ...script.sourceSpan(command.words[0]), message: 'Do not use sudo as it leads to unpredictable behavior: use USER root for the commands that need it, or gosu at run time.' });
    }
  },
};
