// Consecutive RUNs make one layer each (DL3059). Reported once per run of consecutive RUNs, on
// the second one, with a fix that merges them all: ten RUNs in a row are one thing to fix, not
// nine. Not reported when their flags differ (a mount or network setting applies to one of them
// only) or when a RUN is in exec form.
import { mergeRuns } from '../../fixes/mergeRuns';
import type { Instruction } from '../../syntax/types';
import { detach } from '../memory';
import type { Check, CheckContext } from '../types';

export const check: Check = {
  stage(stage, context) {
    let group: Instruction[] = [];
    let groupShape: string | undefined;
    for (const instruction of stage.instructions) {
      const shape = instruction.name === 'RUN' ? shapeOf(instruction, context) : undefined;
      if (shape !== undefined && shape === groupShape) {
        group.push(instruction);
        continue;
      }
      if (group.length > 1) report(group, context);
      group = shape !== undefined ? [instruction] : [];
      groupShape = shape;
    }
    if (group.length > 1) report(group, context);
  },
};

/** RUNs of the same shape can be joined: shell form and the same flags. Undefined for exec form. */
function shapeOf(instruction: Instruction, context: CheckContext): string | undefined {
  return context.memo(instruction, 'consecutive-run', () => (instruction.form === 'exec' ? undefined : detach(instruction.flags.map((flag) => flag.raw).join(' '))));
}

function report(group: readonly Instruction[], context: CheckContext): void {
  const first = group[0];
  const second = group[1];
  const last = group[group.length - 1];
  const lines = group.length === 2 ? `lines ${first.range.start.line + 1} and ${last.range.start.line + 1}` : `${group.length} in a row, lines ${first.range.start.line + 1}–${last.range.start.line + 1}`;
  context.report({
    start: second.keyword.start,
    end: second.keyword.end,
    message: `Multiple consecutive RUN instructions (${lines}): consider joining them with && to make one layer.`,
    fix: () => mergeable(group, context),
  });
}

/** Merges the whole run of RUNs, or as many of its first ones as can be merged mechanically. */
function mergeable(group: readonly Instruction[], context: CheckContext) {
  for (let count = group.length; count >= 2; count--) {
    const title = count === 2 ? 'Merge with the previous RUN' : `Merge these ${count} RUNs into one`;
    const fix = mergeRuns(context.document, group.slice(0, count), context.shells, title);
    if (fix) return fix;
  }
  return undefined;
}
