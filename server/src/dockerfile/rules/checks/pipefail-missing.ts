// A pipe in RUN without pipefail: `curl … | tar -x` succeeds although curl failed (DL4006).
import { lineEndingAt } from '../../fixes/text';
import { programName } from '../../shell/runScript';
import type { Instruction, Stage } from '../../index';
import type { Check, CheckContext } from '../types';

export const check: Check = {
  instructions: ['RUN'],
  visit(instruction, context) {
    const script = context.runScript(instruction);
    if (!script || script.execForm || script.script.pipes.length === 0) return;
    const stage = context.stageOf(instruction);
    if (stage && shellHasPipefail(stage, instruction)) return;
    const firstPipe = script.script.pipes[0];
    // `set -o pipefail` (or `set -euo pipefail`) before the first pipe in the same RUN.
    for (const command of script.commands) {
      if (command.start > firstPipe.start) break;
      if (programName(command) !== 'set') continue;
      const words = command.words.map((word) => word.value ?? '');
      if (words.some((word, index) => word === 'pipefail' && /^-[a-z]*o$/.test(words[index - 1] ?? ''))) return;
    }
    const pipe = script.sourceSpan(firstPipe);
    context.report({
      ...pipe,
      message: 'Set the SHELL option -o pipefail before RUN with a pipe in it: otherwise a failure on the left of | goes unnoticed.',
      fix: stage ? () => addPipefailShell(context, stage, instruction) : undefined,
    });
  },
};

function shellHasPipefail(stage: Stage, before: Instruction): boolean {
  let result = false;
  for (const candidate of stage.instructions) {
    if (candidate.start >= before.start) break;
    if (candidate.name !== 'SHELL' || !candidate.exec) continue;
    const values = candidate.exec.elements.map((element) => element.value);
    result = values.some((value, index) => value === 'pipefail' && /^-[a-z]*o$/.test(values[index - 1] ?? ''));
  }
  return result;
}

const ALPINE = /(^|\/)(alpine|busybox)([:@]|$)/;

/**
 * A SHELL with pipefail after the stage's FROM, or after the last SHELL before `run` (a SHELL
 * placed before that one would be overridden by it).
 */
function addPipefailShell(context: CheckContext, stage: Stage, run: Instruction) {
  const text = context.text;
  const from = stage.from;
  let after: Instruction = from;
  for (const candidate of stage.instructions) {
    if (candidate.start >= run.start) break;
    if (candidate.name === 'SHELL') after = candidate;
  }
  const at = text.indexOf('\n', after.end);
  const insertAt = at < 0 ? text.length : at + 1;
  const eol = lineEndingAt(text, from.start);
  const base = stage.base.kind === 'image' ? stage.base.reference.text : '';
  const shell = ALPINE.test(base) ? '["/bin/ash", "-eo", "pipefail", "-c"]' : '["/bin/bash", "-o", "pipefail", "-c"]';
  const prefix = at < 0 ? eol : '';
  const keyword = from.keyword.text === from.keyword.text.toLowerCase() ? 'shell' : 'SHELL';
  return { title: `Add SHELL ${shell} to this stage`, edits: [{ start: insertAt, end: insertAt, newText: `${prefix}${keyword} ${shell}${eol}` }] };
}
