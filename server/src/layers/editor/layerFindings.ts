// What the editor shows in a Dockerfile whose image was analysed: next to each instruction that
// made a layer, its size and the bytes of it that later layers removed; on an instruction that
// removes bytes written earlier, an informational finding, with a fix that merges the writing
// and the removing RUNs into one when that is mechanical. Pure: document + analysis in, data out.
import type { DockerfileDocument, Instruction, Position, Range } from '../../dockerfile';
import { applyEdits } from '../../dockerfile/fixes/text';
import { mergeRuns as mergeRunsFix } from '../../dockerfile/fixes/mergeRuns';
import { ShellCache } from '../../dockerfile/shell/cache';
import { formatBytes } from '../byteSize';
import type { ImageAnalysis } from '../model';
import type { InstructionMapping } from '../mapping/instructionMapping';

export interface LayerHint {
  /** End of the instruction. */
  readonly position: Position;
  readonly label: string;
  /** Markdown. */
  readonly tooltip: string;
  readonly line: number;
}

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

export interface WasteFinding {
  readonly range: Range;
  readonly message: string;
  readonly hiddenBytes: number;
  readonly fix?: { readonly title: string; readonly edit: TextEdit };
}

export interface LayerFindings {
  readonly hints: readonly LayerHint[];
  readonly findings: readonly WasteFinding[];
}

export interface FindingOptions {
  /** Removals smaller than this are not worth a finding (a copied-up /etc/passwd is not waste worth fixing). */
  readonly minimumWastedBytes: number;
}

export function layerFindings(document: DockerfileDocument, analysis: ImageAnalysis, mapping: InstructionMapping, options: FindingOptions): LayerFindings {
  // Layer index → the instruction of this file that made it (exact matches only).
  const instructionOfLayer = new Map<number, Instruction>();
  for (const step of mapping.steps) {
    const layerIndex = analysis.history[step.stepIndex]?.layerIndex;
    if (layerIndex !== undefined && step.exact) instructionOfLayer.set(layerIndex, step.instruction);
  }
  const where = (layerIndex: number): string => {
    const instruction = instructionOfLayer.get(layerIndex);
    return instruction ? `line ${instruction.range.start.line + 1}` : layerIndex < firstFileLayer(instructionOfLayer) ? 'the base image' : `layer ${layerIndex}`;
  };
  // Bytes by (writer, remover).
  const flows = new Map<number, Map<number, number>>();
  for (const wasted of analysis.wastedPaths) {
    const byWriter = flows.get(wasted.removedBy) ?? new Map<number, number>();
    byWriter.set(wasted.writtenBy, (byWriter.get(wasted.writtenBy) ?? 0) + wasted.sizeBytes);
    flows.set(wasted.removedBy, byWriter);
  }

  const hints: LayerHint[] = [];
  const findings: WasteFinding[] = [];
  for (const [layerIndex, instruction] of instructionOfLayer) {
    const layer = analysis.layers[layerIndex];
    const removers = new Map<string, number>();
    for (const [remover, byWriter] of flows) {
      const bytes = byWriter.get(layerIndex);
      if (bytes) removers.set(where(remover), (removers.get(where(remover)) ?? 0) + bytes);
    }
    const parts = [formatBytes(layer.sizeBytes)];
    if (layer.wastedBytes > 0) parts.push(`${formatBytes(layer.wastedBytes)} removed later (${[...removers.keys()].join(', ')})`);
    if (layer.hiddenBytes > 0) parts.push(`removes ${formatBytes(layer.hiddenBytes)}`);
    hints.push({
      position: instruction.range.end,
      label: parts.join(' · '),
      tooltip: [
        `**Layer ${layerIndex}** of \`${analysis.repoTags[0] ?? analysis.imageId.slice(0, 19)}\`: ${formatBytes(layer.sizeBytes)}`,
        `${layer.counts.added} added, ${layer.counts.modified} changed, ${layer.counts.deleted} deleted`,
        ...(layer.wastedBytes > 0 ? [`${formatBytes(layer.wastedBytes)} of it removed or replaced later: the image still carries those bytes.`] : []),
      ].join('  \n'),
      line: instruction.range.start.line,
    });

    const byWriter = flows.get(layerIndex);
    if (!byWriter || layer.hiddenBytes < options.minimumWastedBytes) continue;
    const writers = [...byWriter.entries()].sort((a, b) => a[0] - b[0]);
    const described = writers.map(([writer, bytes]) => `${formatBytes(bytes)} that ${where(writer)} wrote`);
    const keyword = instruction.name;
    const message = `This ${keyword} removes ${joinWords(described)}; the image still carries them. Remove files in the same RUN that writes them, or copy only what you need from a build stage.`;
    const earliestWriter = writers.map(([writer]) => instructionOfLayer.get(writer)).find((writer): writer is Instruction => writer !== undefined);
    const merged = earliestWriter ? mergeRuns(document, earliestWriter, instruction) : undefined;
    // What the merge saves: the bytes this RUN removes that the merged RUNs wrote.
    const savedBytes = writers.reduce((sum, [writer, bytes]) => {
      const by = instructionOfLayer.get(writer);
      return by && earliestWriter && by.start >= earliestWriter.start ? sum + bytes : sum;
    }, 0);
    const fix = merged ? { ...merged, title: `${merged.title}, saving ${formatBytes(savedBytes)}` } : undefined;
    findings.push({ range: instruction.keyword.range, message, hiddenBytes: layer.hiddenBytes, ...(fix ? { fix } : {}) });
  }
  hints.sort((a, b) => a.line - b.line);
  return { hints, findings };
}

function firstFileLayer(instructionOfLayer: ReadonlyMap<number, Instruction>): number {
  return Math.min(...instructionOfLayer.keys());
}

function joinWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * One RUN from `first` through `last`, when every instruction between them is a RUN that the
 * lint's merge fix can join without changing the build (fixes/mergeRuns.ts says when), as one
 * edit of the whole span.
 */
export function mergeRuns(document: DockerfileDocument, first: Instruction, last: Instruction): { title: string; edit: TextEdit } | undefined {
  const all = document.ast.instructions;
  const from = all.indexOf(first);
  const to = all.indexOf(last);
  if (from < 0 || to <= from) return undefined;
  const lines = `${first.range.start.line + 1}–${last.range.start.line + 1}`;
  const merged = mergeRunsFix(document, all.slice(from, to + 1), new ShellCache());
  if (!merged) return undefined;
  const newText = applyEdits(document.text.slice(first.start, last.end), merged.edits.map((edit) => ({ ...edit, start: edit.start - first.start, end: edit.end - first.start })));
  return { title: `Merge lines ${lines} into one RUN`, edit: { range: { start: first.range.start, end: last.range.end }, newText } };
}
