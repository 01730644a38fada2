// `cd` lasts one RUN; WORKDIR sets the directory for what follows (DL3003).
import { programName } from '../../shell/runScript';
import type { Check } from '../types';

export const check: Check = {
  instructions: ['RUN'],
  programs: ['cd'],
  visit(instruction, context) {
    const script = context.runScript(instruction);
    if (!script || script.execForm) return;
    for (const command of script.commands) {
      if (command.nested || programName(command) !== 'cd') continue;
      context.report({ ...script.sourceSpan(command), message: 'Use WORKDIR to switch to a directory: cd only lasts for this RUN.' });
    }
  },
};
