// Which Dockerfile instruction made which history step of an image. The image's history ends
// with one step per instruction of the built stage and of the stages it is based on (the base
// image's own steps come first), so the two lists are aligned from their ends. BuildKit records
// no step for ARG (the classic builder does), so an ARG may be skipped; anything else that does
// not line up stops the alignment. A step counts as `exact` when its recorded command is the
// instruction's text, so edits made after the build are not attributed to the old layer.
import type { DockerfileModel, Instruction, Stage } from '../../dockerfile';
import { cleanCommand } from '../analysis/history';
import type { HistoryStep } from '../model';

export interface InstructionStep {
  readonly instruction: Instruction;
  /** Index into the analysis' history. */
  readonly stepIndex: number;
  /** The recorded command is the instruction's text (not merely the same keyword). */
  readonly exact: boolean;
}

export interface InstructionMapping {
  readonly steps: readonly InstructionStep[];
  /** Every history-making instruction of the built stage chain lines up with the image. */
  readonly complete: boolean;
  /** Instructions of the chain that record a history step (ARG excluded). */
  readonly expected: number;
}

/** Instructions that make history steps, for `stage` and the stages it is built on, in build order. */
export function stageChain(model: DockerfileModel, stageIndex = model.stages.length - 1): Instruction[] {
  const seen = new Set<number>();
  const chain: Instruction[] = [];
  const visit = (index: number): void => {
    const stage: Stage | undefined = model.stages[index];
    if (!stage || seen.has(index)) return;
    seen.add(index);
    if (stage.base.kind === 'stage') visit(stage.base.stageIndex);
    for (const instruction of stage.instructions) if (instruction !== stage.from && instruction.known) chain.push(instruction);
  };
  visit(stageIndex);
  return chain;
}

export function mapInstructions(chain: readonly Instruction[], history: readonly HistoryStep[]): InstructionMapping {
  const steps: InstructionStep[] = [];
  let instructionIndex = chain.length - 1;
  let stepIndex = history.length - 1;
  while (instructionIndex >= 0 && stepIndex >= 0) {
    const instruction = chain[instructionIndex];
    const step = history[stepIndex];
    if (keywordOf(step.command) === instruction.name) {
      steps.push({ instruction, stepIndex, exact: sameCommand(instruction, step) });
      instructionIndex--;
      stepIndex--;
    } else if (instruction.name === 'ARG') {
      instructionIndex--;
    } else break;
  }
  // Leading ARGs left over are fine: BuildKit recorded nothing for them.
  while (instructionIndex >= 0 && chain[instructionIndex].name === 'ARG') instructionIndex--;
  const expected = chain.filter((instruction) => instruction.name !== 'ARG').length;
  return { steps: steps.reverse(), complete: instructionIndex < 0, expected };
}

/** Whether the image history plausibly comes from this chain: all of it lines up, exactly for layer-making steps. */
export function historyMatches(mapping: InstructionMapping): boolean {
  if (!mapping.complete || mapping.steps.length === 0) return false;
  return mapping.steps.every((step) => step.exact || !['RUN', 'COPY', 'ADD'].includes(step.instruction.name));
}

function keywordOf(command: string): string {
  const match = /^[A-Za-z]+/.exec(command);
  return match ? match[0].toUpperCase() : '';
}

function sameCommand(instruction: Instruction, step: HistoryStep): boolean {
  const recorded = normalise(cleanCommand(step.createdBy));
  const written = normalise(`${instruction.name} ${instruction.argumentsText?.value ?? ''}`);
  if (recorded === written) return true;
  // The classic builder records COPY/ADD as "COPY file:<hash> in <dest>".
  if ((instruction.name === 'COPY' || instruction.name === 'ADD') && /^(COPY|ADD) (file|dir|multi):[0-9a-f]+ in /.test(recorded)) return true;
  // ENV, LABEL and the like are recorded after BuildKit's own quoting; their keyword suffices.
  return !['RUN', 'COPY', 'ADD'].includes(instruction.name);
}

/** Flags dropped (BuildKit records RUN without its mounts), whitespace collapsed. */
function normalise(command: string): string {
  const [keyword, ...rest] = command.trim().split(/\s+/);
  let index = 0;
  while (index < rest.length && rest[index].startsWith('--')) index++;
  return [keyword.toUpperCase(), ...rest.slice(index)].join(' ');
}
