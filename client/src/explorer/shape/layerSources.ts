// Which Dockerfile instruction made each layer of an image: the image's history (as the Images
// view lists it) aligned with the file's build stage chain by the same mapping the editor's layer
// hints use. Pure: text and history in, locations out.
import { analyzeText } from '../../../../server/src/dockerfile';
import { cleanCommand } from '../../../../server/src/layers/analysis/history';
import { historyMatches, mapInstructions, stageChain } from '../../../../server/src/layers/mapping/instructionMapping';
import type { HistoryStep } from '../../../../server/src/layers/model';
import type { HistoryEntry } from '../../engine';

/** Where an instruction stands in its Dockerfile (0-based, end exclusive like an LSP range). */
export interface InstructionLocation {
  readonly startLine: number;
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
  /** Upper-case keyword, e.g. `RUN`. */
  readonly keyword: string;
  /** The instruction's text differs from what the image recorded: the file changed since the build. */
  readonly changed: boolean;
}

export interface LayerMappingOptions {
  /** The stage the image was built for (`--target`); the last stage when omitted. */
  readonly target?: string;
  /**
   * Nothing says this file made the image: accept it only when its history is the file's (every
   * file-changing step recorded exactly as written), trying each stage as the built one.
   */
  readonly requireMatch: boolean;
}

/**
 * Layer index (build order, base image first, as the Images view numbers layers) → the
 * instruction that made it; undefined when the file does not line up with the history.
 */
export function mapLayersToDockerfile(text: string, history: readonly HistoryEntry[], options: LayerMappingOptions): Map<number, InstructionLocation> | undefined {
  const { model } = analyzeText(text);
  if (model.stages.length === 0) return undefined;
  const steps: HistoryStep[] = [...history].reverse().map((entry) => ({
    command: cleanCommand(entry.createdBy, entry.comment),
    createdBy: entry.createdBy,
    emptyLayer: entry.sizeBytes === 0,
  }));
  const named = options.target ? model.stages.find((stage) => stage.name === options.target!.toLowerCase()) : undefined;
  const candidates = named ? [named.index] : options.requireMatch ? model.stages.map((stage) => stage.index).reverse() : [model.stages.length - 1];
  for (const stageIndex of candidates) {
    const mapping = mapInstructions(stageChain(model, stageIndex), steps);
    if (mapping.steps.length === 0 || (options.requireMatch && !historyMatches(mapping))) continue;
    const locations = new Map<number, InstructionLocation>();
    for (const step of mapping.steps) {
      const { range } = step.instruction;
      locations.set(step.stepIndex, {
        startLine: range.start.line,
        startCharacter: range.start.character,
        endLine: range.end.line,
        endCharacter: range.end.character,
        keyword: step.instruction.name,
        changed: !step.exact,
      });
    }
    return locations;
  }
  return undefined;
}
