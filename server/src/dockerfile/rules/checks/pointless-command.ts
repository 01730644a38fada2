// Commands that make little sense while building an image (DL3001).
import { programName } from '../../shell/runScript';
import type { Check } from '../types';

const POINTLESS = new Set(['ssh', 'vim', 'shutdown', 'service', 'ps', 'free', 'top', 'kill', 'mount', 'ifconfig']);

export const check: Check = {
  instructions: ['RUN'],
  programs: [...POINTLESS],
  visit(instruction, context) {
    const script = context.runScript(instruction);
    if (!script) return;
    for (const command of script.commands) {
      const name = programName(command);
      if (!name || !POINTLESS.has(name)) continue;
      context.report({ ...script.sourceSpan(command), message: `For some bash commands it makes no sense running them in a Docker container like ${name}.` });
    }
  },
};
