// ADD https://…: the download stays in its own layer, even if a later RUN extracts and deletes it.
import type { Check } from '../types';

export const check: Check = {
  instructions: ['ADD'],
  visit(instruction, context) {
    const expanded = context.factsOf(instruction)?.expandedArgs;
    instruction.args.slice(0, -1).forEach((arg, index) => {
      const source = expanded?.[index]?.value ?? arg.value;
      if (!/^https?:\/\//i.test(source)) return;
      const checksum = instruction.flags.some((flag) => flag.name.value === 'checksum');
      const archive = /\.(tar(\.\w+)?|tgz|zip|txz|tbz2?)([?#].*)?$/i.test(source);
      context.report({
        start: arg.start,
        end: arg.end,
        message: archive
          ? 'ADD of a remote archive keeps the download in its own layer: download, extract and delete in one RUN (RUN curl -fsSL … | tar -xz -C /opt).'
          : `ADD of a URL keeps the file in its own layer${checksum ? '' : ' and is not verified'}: if a later step processes and deletes it, download it in that RUN instead (curl -fsSLO …)${checksum ? '' : ', or add --checksum=sha256:… if you keep it'}.`,
      });
    });
  },
};
