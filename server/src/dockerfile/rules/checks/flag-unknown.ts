// A flag the instruction does not have: BuildKit fails ("unknown flag: --form", with a suggestion).
import { instructionReference } from '../../reference';
import type { Instruction } from '../../syntax/types';
import type { Check, CheckContext } from '../types';
import { closest, didYouMean } from '../support/suggest';

export const check: Check = {
  instructions: ['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK', 'CMD', 'ENTRYPOINT', 'ENV', 'LABEL', 'ARG', 'EXPOSE', 'USER', 'WORKDIR', 'VOLUME', 'STOPSIGNAL', 'SHELL', 'MAINTAINER', 'ONBUILD'],
  visit(instruction, context) {
    visitFlags(instruction, context);
    if (instruction.trigger) visitFlags(instruction.trigger, context);
  },
};

function visitFlags(instruction: Instruction, context: CheckContext): void {
  const reference = instruction.known ? instructionReference(instruction.name) : undefined;
  if (!reference || instruction.flags.length === 0) return;
  // HEALTHCHECK NONE: BuildKit does not read the flags at all.
  if (instruction.name === 'HEALTHCHECK' && instruction.args[0]?.value.toUpperCase() === 'NONE') return;
  const names = reference.flags.map((flag) => flag.name);
  for (const flag of instruction.flags) {
    const name = flag.name.value;
    if (names.includes(name)) continue;
    const suggestion = closest(name, names, false);
    const message =
      names.length === 0
        ? `${instruction.name} takes no flags: remove --${name}.`
        : `Unknown flag --${name} for ${instruction.name}.${didYouMean(suggestion && `--${suggestion}`)}${suggestion ? '' : ` Its flags: ${names.map((candidate) => `--${candidate}`).join(', ')}.`}`;
    context.report({
      start: flag.name.start,
      end: flag.name.end,
      message,
      fix: suggestion ? () => ({ title: `Replace with --${suggestion}`, edits: [{ start: flag.name.start, end: flag.name.end, newText: suggestion }] }) : undefined,
    });
  }
}
