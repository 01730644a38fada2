// Both wget and curl in one Dockerfile (DL4001): reported on the tool used less.
import { invocations, type InvocationSpec } from '../../shell/invocations';
import type { Check } from '../types';

const SPEC: InvocationSpec = { programs: ['wget', 'curl'] };

export const check: Check = {
  document(context) {
    const uses: Record<'wget' | 'curl', { start: number; end: number }[]> = { wget: [], curl: [] };
    for (const instruction of context.document.ast.instructions) {
      if (instruction.name !== 'RUN') continue;
      const script = context.runScript(instruction);
      if (!script) continue;
      for (const invocation of invocations(script, SPEC)) {
        uses[invocation.program as 'wget' | 'curl'].push(script.sourceSpan(invocation.programWord));
      }
    }
    if (uses.wget.length === 0 || uses.curl.length === 0) return;
    const minority = uses.wget.length <= uses.curl.length ? 'wget' : 'curl';
    const majority = minority === 'wget' ? 'curl' : 'wget';
    for (const span of uses[minority]) {
      context.report({ ...span, message: `Either use wget or curl but not both: this file uses ${majority} ${uses[majority].length} time(s), use it here too.` });
    }
  },
};
