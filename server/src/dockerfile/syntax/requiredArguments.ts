// How many arguments each instruction needs (BuildKit's instructions/parse.go). Without them
// the whole build fails, whichever stage is built: the instructions of every stage are parsed
// before any is dispatched.
import type { Instruction, Span } from './types';

// RUN, CMD and ENTRYPOINT may be empty: they run or record `/bin/sh -c ""` (the engine builds them).
const AT_LEAST_ONE = new Set(['EXPOSE', 'VOLUME', 'ENV', 'LABEL', 'ARG', 'ONBUILD', 'HEALTHCHECK', 'SHELL']);
const EXACTLY_ONE = new Set(['USER', 'WORKDIR', 'STOPSIGNAL', 'MAINTAINER']);

/** Why the instruction's arguments fail the build, and where to point; undefined when they do not. */
export function missingArguments(instruction: Instruction): { readonly message: string; readonly at: Span } | undefined {
  const name = instruction.name;
  if (name === 'COPY' || name === 'ADD') {
    if (instruction.args.length >= 2) return undefined;
    const given = instruction.args.length === 1 ? ` (only "${instruction.args[0].value}" is given)` : '';
    return { message: `${name} requires a source and a destination: ${name} <src>… <dest>${given}.`, at: instruction.argumentsText ?? instruction.keyword };
  }
  if (!AT_LEAST_ONE.has(name) && !EXACTLY_ONE.has(name)) return undefined;
  if (instruction.argumentsText || instruction.heredocs.length > 0 || instruction.trigger) return undefined;
  const message = EXACTLY_ONE.has(name)
    ? `${name} requires exactly one argument.`
    : name === 'ONBUILD'
      ? 'ONBUILD requires an instruction to run later, e.g. ONBUILD COPY . /app.'
      : `${name} requires at least one argument.`;
  return { message, at: instruction.keyword };
}

/** Whether a RUN, CMD or ENTRYPOINT has no command at all (nothing after the keyword and its flags). */
export function emptyCommand(instruction: Instruction): boolean {
  return (instruction.name === 'RUN' || instruction.name === 'CMD' || instruction.name === 'ENTRYPOINT') && !instruction.argumentsText && instruction.heredocs.length === 0;
}

/** The instructions `missingArguments` judges. */
export const INSTRUCTIONS_WITH_ARGUMENTS: readonly string[] = [...AT_LEAST_ONE, ...EXACTLY_ONE, 'COPY', 'ADD'];
