// A user or group name BuildKit must look up where the image cannot have an /etc/passwd: a stage
// built from scratch with no COPY, ADD or RUN yet. WORKDIR creates its directory owned by USER,
// and COPY/ADD --chown sets an owner, both through the image's /etc/passwd and /etc/group; the
// build then fails with "invalid user index: -1" (checked against the engine). Numbers and
// `root` need no lookup; `WORKDIR /` creates nothing.
import { ADDS_FILES, needsUserLookup, workdirCreatesNothing } from '../../config/userLookup';
import type { InstructionFacts, Stage } from '../../semantic/types';
import { detach } from '../../syntax/detach';
import type { Check, CheckContext } from '../types';

export const check: Check = {
  stage(stage, context) {
    const inherited = startOf(stage, context);
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

/** Where a stage starts or ends with nothing added to scratch: the USER in force then. */
interface Bare {
  readonly user: string | undefined;
}

/** The USER in force where `stage` starts, when its chain of stages starts at scratch and adds no file; undefined otherwise. */
function startOf(stage: Stage, context: CheckContext): Bare | undefined {
  if (stage.triggers.some((trigger) => ADDS_FILES.has(trigger.instruction.name))) return undefined;
  if (stage.base.kind === 'scratch') return { user: undefined };
  if (stage.base.kind !== 'stage' || stage.base.stageIndex >= stage.index) return undefined;
  const parent = context.document.model.stages[stage.base.stageIndex];
  return parent ? endOf(parent, context) : undefined;
}

/**
 * The same where `stage` ends; kept per stage, so that a long chain of `FROM previous` stages is
 * walked once, not once from every stage (it depends only on the stage and what precedes it).
 */
function endOf(stage: Stage, context: CheckContext): Bare | undefined {
  return context.stageMemo(stage, 'user-name-on-scratch:end', () => {
    const start = startOf(stage, context);
    if (!start) return undefined;
    let user = start.user;
    for (const instruction of stage.instructions) {
      if (ADDS_FILES.has(instruction.name)) return undefined;
      if (instruction.name === 'USER') user = userOf(context.factsOf(instruction)) ?? user;
    }
    return { user: user === undefined ? undefined : detach(user) };
  });
}

/** The USER's value, when it is known. */
function userOf(facts: InstructionFacts | undefined): string | undefined {
  const word = facts?.expandedArgs?.[0];
  return word && !word.unknown ? word.value : undefined;
}
