// FROM lines see only the ARGs declared before the first FROM (BuildKit UndefinedArgInFrom).
import type { Check } from '../types';
import { closest, didYouMean } from '../support/suggest';

const HAS_DEFAULT = new Set(['-', ':-', '+', ':+', '?', ':?']);

export const check: Check = {
  document(context) {
    const model = context.document.model;
    const globals = model.globalVariables.map((variable) => variable.name);
    for (const reference of model.references) {
      if (reference.instruction.name !== 'FROM' || reference.definition || reference.value.kind !== 'unset') continue;
      if (reference.operator !== undefined && HAS_DEFAULT.has(reference.operator)) continue;
      const inStage = model.variables.find((variable) => variable.name === reference.name && variable.kind === 'arg' && variable.stageIndex !== undefined);
      const suggestion = closest(reference.name, globals, false);
      context.report({
        start: reference.start,
        end: reference.end,
        message: `FROM argument '${reference.name}' is not declared${inStage ? ' before the first FROM (an ARG inside a stage is not visible to FROM lines)' : ''}.${didYouMean(suggestion)}`,
        fix: suggestion ? () => ({ title: `Use ${suggestion}`, edits: [{ start: reference.nameSpan.start, end: reference.nameSpan.end, newText: suggestion }] }) : undefined,
      });
    }
  },
};
