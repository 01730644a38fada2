// Both wget and curl in one Dockerfile (DL4001): reported on the tool used less.
import { invocations, type InvocationSpec } from '../../shell/invocations';
import type { Instruction } from '../../syntax/types';
import type { Check, CheckContext } from '../types';

const SPEC: InvocationSpec = { programs: ['wget', 'curl'] };

type Use = { program: 'wget' | 'curl'; start: number; end: number };

export const check: Check = {
  document(context) {
    const uses: Record<'wget' | 'curl', { start: number; end: number }[]> = { wget: [], curl: [] };
    const add = (found: readonly Use[]): void => {
      for (const { program, start, end } of found) uses[program].push({ start, end });
    };
    const stages = context.document.model.stages;
    // Instructions before the first FROM belong to no stage.
    const firstStage = stages[0]?.start ?? Infinity;
    for (const instruction of context.document.ast.instructions) {
      if (instruction.start >= firstStage) break;
      add(usesIn(instruction, context));
    }
    for (const stage of stages) add(context.stageMemo(stage, 'wget-and-curl', () => stage.instructions.flatMap((instruction) => usesIn(instruction, context))));
    if (uses.wget.length === 0 || uses.curl.length === 0) return;
    const minority = uses.wget.length <= uses.curl.length ? 'wget' : 'curl';
    const majority = minority === 'wget' ? 'curl' : 'wget';
    for (const span of uses[minority]) {
      context.report({ ...span, message: `Either use wget or curl but not both: this file uses ${majority} ${uses[majority].length} time(s), use it here too.` });
    }
  },
};

function usesIn(instruction: Instruction, context: CheckContext): readonly Use[] {
  if (instruction.name !== 'RUN') return [];
  return context.memo(instruction, 'wget-and-curl', () => {
    const script = context.runScript(instruction);
    if (!script) return [];
    return invocations(script, SPEC).map((invocation) => ({ program: invocation.program as Use['program'], ...script.sourceSpan(invocation.programWord) }));
  });
}
