// COPY --from=<word> that names no stage of the file: BuildKit pulls it as an image (DL3022).
// Only plain words are reported (a typo of a stage name is the usual cause); references with a
// tag, registry or path (`nginx:1.27`, `ghcr.io/x/y`) are clearly images.
import type { Check } from '../types';
import { closest, didYouMean } from '../support/suggest';

export const check: Check = {
  document(context) {
    const model = context.document.model;
    for (const reference of model.stageReferences) {
      if (reference.kind === 'from' || reference.stageIndex !== undefined) continue;
      const name = reference.name;
      if (/[:/@.]/.test(name) || /^\d+$/.test(name) || name === '' || name.includes('$')) continue;
      // Any stage may be meant (BuildKit finds a later one too), but not the reference's own.
      const candidates = model.stages.filter((stage) => stage.name && !(stage.start <= reference.instruction.start && reference.instruction.start <= stage.end)).map((stage) => stage.name!);
      const suggestion = closest(name, candidates);
      context.report({
        start: reference.start,
        end: reference.end,
        message: `"${name}" is not a stage of this file, so unless the build passes --build-context ${name}=…, it is pulled as the image docker.io/library/${name.toLowerCase()}.${didYouMean(suggestion)}`,
        fix: suggestion ? () => ({ title: `Use stage ${suggestion}`, edits: [{ start: reference.start, end: reference.end, newText: suggestion }] }) : undefined,
      });
    }
  },
};
