// A user or group name BuildKit must look up where the image cannot have an /etc/passwd: a stage
// built from scratch with no COPY, ADD or RUN yet. WORKDIR creates its directory owned by USER,
// and COPY/ADD --chown sets an owner, both through the image's /etc/passwd and /etc/group; the
// build then fails with "invalid user index: -1" (checked against the engine). Numbers and
// `root` need no lookup; `WORKDIR /` creates nothing.
import { ADDS_FILES, needsUserLookup, workdirCreatesNothing } from '../../config/userLookup';
import type { InstructionFacts, Stage } from '../../semantic/types';
import type { Check, CheckContext } from '../types';

export const check: Check = {
  stage(stage, context) {
    const inherited = fromBareScratch(stage, context, new Set());
    if (!inherited) return;
    let user = inherited.user;
    for (const instruction of stage.instructions) {
      if (instruction === stage.from) continue;
      const facts = context.factsOf(instruction);
      if (instruction.name === 'COPY' || instruction.name === 'ADD') {
        const chown = instruction.flags.find((flag) => flag.name.value === 'chown');
        // A value with a variable in it is not judged (flags are expanded when the build runs).
        const owner = chown?.value && !chown.value.value.includes('$') ? chown.value.value : undefined;
        if (chown && owner !== undefined && needsUserLookup(owner)) {
          context.report({ start: chown.start, end: chown.end, message: `--chown=${owner} is looked up in the image's /etc/passwd, and this stage (from scratch, nothing copied in yet) has none: the build fails ("invalid user index"). Use numbers (--chown=65532:65532), or copy an /etc/passwd in first.` });
        }
      }
      if (ADDS_FILES.has(instruction.name)) return;
      if (instruction.name === 'USER') user = userOf(facts) ?? user;
      if (instruction.name === 'WORKDIR' && user !== undefined && needsUserLookup(user)) {
        const path = facts?.expandedArgs?.[0];
        if (!path || path.unknown || workdirCreatesNothing(path.value)) continue;
        const argument = instruction.args[0] ?? instruction.keyword;
        context.report({
          start: argument.start,
          end: argument.end,
          message: `WORKDIR creates ${path.value} owned by USER ${user}, looked up in the image's /etc/passwd, and this stage (from scratch, nothing copied in yet) has none: the build fails ("invalid user index"). Use a numeric USER (65532:65532), or copy an /etc/passwd in first.`,
        });
      }
    }
  },
};

/** The USER in force where `stage` starts, when its chain of stages starts at scratch and adds no file; undefined otherwise. */
function fromBareScratch(stage: Stage, context: CheckContext, visiting: Set<number>): { user: string | undefined } | undefined {
  if (stage.triggers.some((trigger) => ADDS_FILES.has(trigger.instruction.name))) return undefined;
  if (stage.base.kind === 'scratch') return { user: undefined };
  if (stage.base.kind !== 'stage' || visiting.has(stage.index)) return undefined;
  visiting.add(stage.index);
  const parent = context.document.model.stages[stage.base.stageIndex];
  const start = parent ? fromBareScratch(parent, context, visiting) : undefined;
  if (!parent || !start) return undefined;
  let user = start.user;
  for (const instruction of parent.instructions) {
    if (ADDS_FILES.has(instruction.name)) return undefined;
    if (instruction.name === 'USER') user = userOf(context.factsOf(instruction)) ?? user;
  }
  return { user };
}

/** The USER's value, when it is known. */
function userOf(facts: InstructionFacts | undefined): string | undefined {
  const word = facts?.expandedArgs?.[0];
  return word && !word.unknown ? word.value : undefined;
}
