// COPY app.tar.gz then RUN tar -x …app.tar.gz: the archive stays in the COPY layer (DL3010).
import { invocations, type InvocationSpec } from '../../shell/invocations';
import type { Check } from '../types';
import { ARCHIVE } from './add-instead-of-copy';

const SPEC: InvocationSpec = { programs: ['tar', 'unzip', 'gunzip', 'bsdtar'] };

export const check: Check = {
  document(context) {
    for (const stage of context.document.model.stages) {
      const copied: { name: string; start: number; end: number }[] = [];
      for (const instruction of stage.instructions) {
        if (instruction.name === 'COPY' && !instruction.flags.some((flag) => flag.name.value === 'from')) {
          for (const arg of instruction.args.slice(0, -1)) {
            if (ARCHIVE.test(arg.value) && !arg.value.includes('$')) copied.push({ name: arg.value.slice(arg.value.lastIndexOf('/') + 1), start: arg.start, end: arg.end });
          }
        } else if (instruction.name === 'RUN' && copied.length > 0) {
          const script = context.runScript(instruction);
          if (!script) continue;
          for (const invocation of invocations(script, SPEC)) {
            const words = invocation.args.map((word) => word.value ?? '');
            for (const archive of copied.splice(0)) {
              if (words.some((word) => word === archive.name || word.endsWith(`/${archive.name}`))) {
                context.report({ start: archive.start, end: archive.end, message: `${archive.name} is copied and then extracted: the archive stays in the COPY layer. Use ADD ${archive.name} <dir> (extracts in one layer) or RUN --mount=type=bind,source=${archive.name},target=/tmp/${archive.name} tar -x….` });
              } else copied.push(archive);
            }
          }
        }
      }
    }
  },
};
