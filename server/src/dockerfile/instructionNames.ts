// The instruction keywords BuildKit's Dockerfile frontend accepts (case-insensitively).
export const INSTRUCTION_NAMES = [
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
] as const;

export type InstructionName = (typeof INSTRUCTION_NAMES)[number];

const known = new Set<string>(INSTRUCTION_NAMES);

/** The upper-cased keyword when it is a known instruction, else undefined. */
export function instructionName(keyword: string): InstructionName | undefined {
  const upper = keyword.toUpperCase();
  return known.has(upper) ? (upper as InstructionName) : undefined;
}
