// Whether an absolute WORKDIR is set before an instruction, in its stage or the stages it is built FROM.
import type { DockerfileModel, InstructionFacts, Stage } from '../../semantic/types';
import type { Instruction } from '../../syntax/types';

export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\');
}

export function absoluteWorkdirBefore(model: DockerfileModel, stage: Stage, before: Instruction, factsOf: (instruction: Instruction) => InstructionFacts | undefined): boolean {
  let current: Stage | undefined = stage;
  let limit = before.start;
  for (let depth = 0; current && depth <= model.stages.length; depth++) {
    for (const instruction of current.instructions) {
      if (instruction.start >= limit) break;
      if (instruction.name !== 'WORKDIR') continue;
      const value = factsOf(instruction)?.expandedArgs?.[0];
      // A WORKDIR whose value is not known here may well be absolute: give it the benefit of the doubt.
      if (!value || value.unknown || isAbsolutePath(value.value)) return true;
    }
    if (current.base.kind === 'scratch') return true; // scratch starts at /
    if (current.base.kind !== 'stage') return false;
    current = model.stages[current.base.stageIndex];
    limit = Infinity;
  }
  return false;
}
