// COPY app.tar.gz then RUN tar -x …app.tar.gz: the archive stays in the COPY layer (DL3010).
import { invocations, type InvocationSpec } from '../../shell/invocations';
import type { Instruction } from '../../syntax/types';
import { detach } from '../memory';
import type { Check } from '../types';
import { ARCHIVE } from './add-instead-of-copy';

const SPEC: InvocationSpec = { programs: ['tar', 'unzip', 'gunzip', 'bsdtar'] };

export const check: Check = {
  stage(stage, context) {
    const copied: { name: string; start: number; end: number }[] = [];
    for (const instruction of stage.instructions) {
      if (instruction.name === 'COPY') {
        copied.push(...context.memo(instruction, 'copy-archive-then-extract', () => copiedArchives(instruction)));
      } else if (instruction.name === 'RUN' && copied.length > 0) {
        const extractions = context.memo(instruction, 'copy-archive-then-extract', () => {
          const script = context.runScript(instruction);
          return script ? invocations(script, SPEC).map((invocation) => invocation.args.map((word) => detach(word.value ?? ''))) : [];
        });
        for (const words of extractions) {
          for (const archive of copied.splice(0)) {
            if (words.some((word) => word === archive.name || word.endsWith(`/${archive.name}`))) {
              context.report({ start: archive.start, end: archive.end, message: `${archive.name} is copied and then extracted: the archive stays in the COPY layer. Use ADD ${archive.name} <dir> (extracts in one layer) or RUN --mount=type=bind,source=${archive.name},target=/tmp/${archive.name} tar -x….` });
            } else copied.push(archive);
          }
        }
      }
    }
  },
};

/** The archives a COPY from the build context copies (none for COPY --from). */
function copiedArchives(instruction: Instruction): { name: string; start: number; end: number }[] {
  if (instruction.flags.some((flag) => flag.name.value === 'from')) return [];
  const archives: { name: string; start: number; end: number }[] = [];
  for (const arg of instruction.args.slice(0, -1)) {
    if (ARCHIVE.test(arg.value) && !arg.value.includes('$')) archives.push({ name: detach(arg.value.slice(arg.value.lastIndexOf('/') + 1)), start: arg.start, end: arg.end });
  }
  return archives;
}
