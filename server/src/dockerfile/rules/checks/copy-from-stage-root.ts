// COPY --from=stage / …: the whole filesystem of the stage in one layer (DL3067).
import type { DockerfileModel } from '../../semantic/types';
import type { Check } from '../types';

export const check: Check = {
  instructions: ['COPY'],
  visit(instruction, context) {
    if (!instruction.flags.some((flag) => flag.name.value === 'from') || instruction.args.length < 2) return;
    // Stages built FROM scratch hold only what was put there (the usual "binaries" stage), and a
    // stage that only names an image (`FROM moby/moby-bin:28 AS engine`) may be such an image:
    // copying those whole is the point.
    const source = context.document.model.stageReferences.find((reference) => reference.instruction === instruction && reference.kind === 'copy-from');
    // Only an earlier stage is judged by what it holds: whether the name or index means a stage
    // defined later (BuildKit finds it) or an image depends on the file after this instruction,
    // which the lint of an edit there does not read again. Both are reported.
    const current = context.stageOf(instruction)?.index ?? 0;
    const stage = source?.stageIndex !== undefined && source.stageIndex < current ? context.document.model.stages[source.stageIndex] : undefined;
    if (stage && (stage.instructions.length === 1 || fromScratch(context.document.model, stage.index))) return;
    const expanded = context.factsOf(instruction)?.expandedArgs;
    instruction.args.slice(0, -1).forEach((arg, index) => {
      const value = expanded?.[index]?.value ?? arg.value;
      if (value !== '/' && value !== '/.' && value !== '/*') return;
      context.report({ start: arg.start, end: arg.end, message: 'Do not copy the entire filesystem of another stage: copy only the files the image needs.' });
    });
  },
};

function fromScratch(model: DockerfileModel, index: number): boolean {
  let stage = model.stages[index];
  for (let depth = 0; stage && depth < model.stages.length; depth++) {
    if (stage.base.kind === 'scratch') return true;
    if (stage.base.kind !== 'stage') return false;
    stage = model.stages[stage.base.stageIndex];
  }
  return false;
}
