// A RUN that deletes what an earlier layer wrote: the bytes stay in the image, hidden. Reads what
// each instruction writes and removes from the semantic model's file facts (absolute paths, the
// WORKDIR followed), plus COPY/ADD destinations and the lists `apt-get update` writes, along the
// chain of stages that ship in the final image; the RUN's parsed script locates the `rm`.
import { mergeRuns } from '../../fixes/mergeRuns';
import { invocations, programsIn, type InvocationSpec } from '../../shell/invocations';
import type { RunScript } from '../../shell/runScript';
import { instructionAt, type Instruction, type Stage } from '../../index';
import { detach } from '../memory';
import type { Check, CheckContext } from '../types';
import { removes } from '../support/paths';
import { shippedStages } from '../support/stages';

const SPEC: InvocationSpec = { programs: ['rm', 'rmdir', 'mv'] };
const SPEC_2: InvocationSpec = { programs: ['apt-get', 'apt'], subcommands: ['update'] };

/** A file an earlier layer wrote: its path and where the instruction that wrote it starts. */
interface Written {
  readonly path: string;
  readonly start: number;
}

/** A deletion of files earlier layers wrote, found by a stage's walk (plain data, kept for the next versions). */
interface Waste {
  readonly removal: Removal;
  /** Where the deleting instruction starts. */
  readonly at: number;
  readonly writers: readonly Written[];
}

/** What a stage's layers hold at its end, and the wasteful deletions in it. */
interface Walk {
  readonly live: LiveFiles;
  readonly wastes: readonly Waste[];
}

const REMOVERS = ['rm', 'rmdir', 'mv', 'unlink'];

type Removal = { path: string; start: number; end: number };

export const check: Check = {
  document(context) {
    const model = context.document.model;
    const shipped = shippedStages(model);
    // First the deletions (few RUNs delete anything); then only writes that one of them could hide.
    // Both are kept per stage (by position in the stage) for the next version of the file.
    const deletionsOf = (stage: Stage): { position: number; removals: Removal[] }[] =>
      context.stageMemo(stage, 'layer-waste-delete:deletions', () =>
        stage.instructions.flatMap((instruction, position) => {
          if (instruction.name !== 'RUN') return [];
          const removals = context.memo(instruction, 'layer-waste-delete:deletes', () => {
            const script = context.runScript(instruction);
            if (script && !REMOVERS.some((program) => programsIn(script.script).has(program))) return [];
            return deletes(instruction, context);
          });
          return removals.length > 0 ? [{ position, removals }] : [];
        }),
      );
    // The words are kept per stage; their union, in the order of the shipped stages, as if read from all deletions at once.
    const wordSet = new Set<string>();
    for (const stage of shipped) for (const word of context.stageMemo(stage, 'layer-waste-delete:words', () => literalWords(deletionsOf(stage).flatMap((entry) => entry.removals.map((removal) => removal.path))))) wordSet.add(word);
    if (![...shipped].some((stage) => deletionsOf(stage).length > 0)) return;
    const words = [...wordSet];
    const wordsKey = words.join('\u0000');
    const mayWrite = (instruction: Instruction): boolean => {
      const logical = instruction.logicalText;
      return (
        words.some((word) => logical.includes(word) || instruction.heredocs.some((heredoc) => heredoc.content.includes(word))) ||
        // `apt-get update` writes /var/lib/apt/lists without naming it.
        (instruction.name === 'RUN' && /\bapt(-get)?\b/.test(logical) && words.includes('lists'))
      );
    };
    // What each stage's layers still hold, written by whom: a stage built FROM another starts with its files.
    // A stage's walk depends on the words, on the stage and those before it, and on which of it and
    // its base stages ship: kept for the next versions with that key (one per stage: a new key replaces it).
    const walks = new Map<Stage, Walk>();
    const instructions = context.document.ast.instructions;
    for (const stage of model.stages) {
      let chain = '';
      for (let current: Stage | undefined = stage, depth = 0; current && depth < model.stages.length; depth++) {
        chain += shipped.has(current) ? '1' : '0';
        current = current.base.kind === 'stage' ? model.stages[current.base.stageIndex] : undefined;
      }
      const key = `${chain}:${wordsKey}`;
      const slot = context.stageMemo(stage, 'layer-waste-delete:walk', (): { key?: string; walk?: Walk } => ({}));
      if (slot.key !== key) {
        slot.walk = walkStage(stage);
        slot.key = key;
      }
      const walk = slot.walk!;
      walks.set(stage, walk);
      for (const waste of walk.wastes) report(instructionAt(instructions, waste.at)!, waste.removal, waste.writers, context);
    }

    function walkStage(stage: Stage): Walk {
      const parent = stage.base.kind === 'stage' ? walks.get(model.stages[stage.base.stageIndex]) : undefined;
      const live = parent ? parent.live.clone() : new LiveFiles();
      const wastes: Waste[] = [];
      const removalsHere = shipped.has(stage) ? deletionsOf(stage) : [];
      const writersHere = context.stageMemo(stage, `layer-waste-delete:writers:${wordsKey}`, () =>
        stage.instructions.flatMap((instruction, position) => (mayWrite(instruction) ? [{ position, paths: context.memo(instruction, 'layer-waste-delete:writes', () => writes(instruction, context)) }] : [])),
      );
      // Both lists are in stage order: walk them together, deletions before writes at one instruction.
      let nextRemoval = 0;
      let nextWriter = 0;
      while (nextRemoval < removalsHere.length || nextWriter < writersHere.length) {
        const position = Math.min(removalsHere[nextRemoval]?.position ?? Infinity, writersHere[nextWriter]?.position ?? Infinity);
        const instruction = stage.instructions[position];
        const removals = removalsHere[nextRemoval]?.position === position ? removalsHere[nextRemoval++].removals : [];
        for (const removal of removals) {
          const writers = live.take(removal.path);
          if (writers.length > 0) wastes.push({ removal, at: instruction.start, writers });
        }
        if (writersHere[nextWriter]?.position !== position) continue;
        for (const path of writersHere[nextWriter++].paths) {
          if (!removals.some((removal) => removes(removal.path, path))) live.add({ path, start: instruction.start });
        }
      }
      return { live, wastes };
    }
  },
};

/** The literal names in deleted paths (`lists` in /var/lib/apt/lists/*): a writer must mention one. */
function literalWords(paths: readonly string[]): string[] {
  const words = new Set<string>();
  for (const path of paths) {
    const segments = path.split('/').filter((segment) => segment !== '' && !/[*?[]/.test(segment) && segment !== '.' && segment !== '..');
    const last = segments[segments.length - 1];
    if (last) words.add(last.replace(/^~/, ''));
  }
  return [...words].filter((word) => word !== '');
}

/** Files written by earlier layers and not deleted since, bucketed by their first path segment. */
class LiveFiles {
  private readonly buckets = new Map<string, Written[]>();

  clone(): LiveFiles {
    const copy = new LiveFiles();
    for (const [key, list] of this.buckets) copy.buckets.set(key, [...list]);
    return copy;
  }

  add(written: Written): void {
    const key = bucketOf(written.path);
    const list = this.buckets.get(key);
    if (list) list.push(written);
    else this.buckets.set(key, [written]);
  }

  /** Removes and returns the files a deletion of `target` hides. */
  take(target: string): Written[] {
    const key = bucketOf(target);
    const keys = /[*?[]/.test(key) ? [...this.buckets.keys()] : [key];
    const taken: Written[] = [];
    for (const bucketKey of keys) {
      const list = this.buckets.get(bucketKey);
      if (!list) continue;
      const kept: Written[] = [];
      for (const written of list) (removes(target, written.path) ? taken : kept).push(written);
      if (taken.length > 0) this.buckets.set(bucketKey, kept);
    }
    return taken;
  }
}

function bucketOf(path: string): string {
  const match = /^\/?([^/]*)/.exec(path);
  return match ? match[1] : '';
}

function deletes(instruction: Instruction, context: CheckContext): Removal[] {
  const paths = context.factsOf(instruction)?.files.deleted ?? [];
  if (paths.length === 0) return [];
  const script = context.runScript(instruction);
  return paths.map((path) => ({ path: detach(path), ...locate(path, script, instruction) }));
}

/** The `rm` (or `rmdir`) command that removes `path`, else the RUN's arguments. */
function locate(path: string, script: RunScript | undefined, instruction: Instruction): { start: number; end: number } {
  if (script) {
    const name = path.replace(/\/+$/, '').split('/').pop() ?? path;
    for (const invocation of invocations(script, SPEC)) {
      if (invocation.operands.some((operand) => (operand.value ?? operand.text).replace(/\/+$/, '').endsWith(name))) return script.sourceSpan(invocation.command);
    }
  }
  const args = instruction.argumentsText ?? instruction.keyword;
  return { start: args.start, end: args.end };
}

function writes(instruction: Instruction, context: CheckContext): string[] {
  const facts = context.factsOf(instruction);
  if (instruction.name === 'RUN') {
    const paths = [...(facts?.files.created ?? [])];
    const script = context.runScript(instruction);
    // `apt-get update` fills /var/lib/apt/lists: a later `rm -rf /var/lib/apt/lists/*` hides it.
    if (script && invocations(script, SPEC_2).length > 0) paths.push('/var/lib/apt/lists/*');
    return paths.map(detach);
  }
  const paths: string[] = [];
  if ((instruction.name === 'COPY' || instruction.name === 'ADD') && facts?.expandedArgs && facts.expandedArgs.length >= 2) {
    const args = facts.expandedArgs;
    const destination = args[args.length - 1];
    if (!destination.unknown) {
      for (const source of args.slice(0, -1)) {
        if (source.unknown || /[*?[]/.test(source.value)) continue;
        const base = source.value.replace(/\/+$/, '').split('/').pop() ?? '';
        paths.push(destination.value.endsWith('/') ? `${destination.value}${base}` : destination.value);
      }
    }
  }
  return paths.map(detach);
}

function report(instruction: Instruction, removal: Removal, writers: readonly Written[], context: CheckContext): void {
  const instructions = context.document.ast.instructions;
  const writer = writers[writers.length - 1];
  const writerInstruction = instructionAt(instructions, writer.start)!;
  const line = writerInstruction.range.start.line + 1;
  const chain = runsBetween(writerInstruction, instruction, context);
  const copied = writerInstruction.name === 'COPY' || writerInstruction.name === 'ADD';
  const advice = copied
    ? `Use the file without copying it: RUN --mount=type=bind,source=…,target=${writer.path} …`
    : 'Write and delete it in the same RUN, or build it in another stage and COPY only what you need.';
  context.report({
    start: removal.start,
    end: removal.end,
    message: `${removal.path} was written by an earlier layer (line ${line}: ${summary(writerInstruction)}): deleting it here does not make the image smaller. ${advice}`,
    related: writers.map((write) => {
      const written = instructionAt(instructions, write.start)!;
      return { start: written.start, end: written.end, message: `${write.path} written here` };
    }),
    fix: chain ? () => mergeRuns(context.document, chain, context.shells, `Merge lines ${line}–${instruction.range.start.line + 1} into one RUN`) : undefined,
  });
}

/** The RUNs from `first` to `last` when nothing but RUNs lies between them in the stage. */
function runsBetween(first: Instruction, last: Instruction, context: CheckContext): Instruction[] | undefined {
  if (first.name !== 'RUN') return undefined;
  const stage = context.stageOf(last);
  if (!stage || context.stageOf(first) !== stage) return undefined;
  const from = stage.instructions.indexOf(first);
  const to = stage.instructions.indexOf(last);
  const chain = stage.instructions.slice(from, to + 1);
  return chain.every((candidate) => candidate.name === 'RUN') ? chain : undefined;
}

function summary(instruction: Instruction): string {
  const text = instruction.logicalText.replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

