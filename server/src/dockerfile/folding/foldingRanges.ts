// Folding: each build stage (FROM to its last instruction), each instruction that spans lines
// (continuations, here-documents), each here-document body after the first of an instruction,
// and each block of two or more comment lines. Line based, as every client folds.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { DockerfileDocument } from '../index';

export interface FoldingOptions {
  /** The most ranges the client wants (LSP `rangeLimit`); the outermost are kept. */
  readonly rangeLimit?: number;
}

export function foldingRanges(document: DockerfileDocument, options: FoldingOptions = {}): FoldingRange[] {
  const { ast, model } = document;
  const lines = ast.lines;
  const lineOf = (offset: number) => lines.lineAt(offset);
  // The end of a span is exclusive: a span ending right after a line break ends on the line before.
  const endLineOf = (start: number, end: number) => lineOf(Math.max(start, end - 1));
  const ranges: FoldingRange[] = [];

  for (const stage of model.stages) {
    const last = stage.instructions[stage.instructions.length - 1] ?? stage.from;
    const startLine = lineOf(stage.from.start);
    const endLine = endLineOf(last.start, last.end);
    if (endLine > startLine) ranges.push({ startLine, endLine });
  }

  for (const instruction of ast.instructions) {
    const startLine = lineOf(instruction.start);
    const endLine = endLineOf(instruction.start, instruction.end);
    if (endLine > startLine) ranges.push({ startLine, endLine });
    for (let i = 1; i < instruction.heredocs.length; i++) {
      const heredoc = instruction.heredocs[i];
      const previous = instruction.heredocs[i - 1];
      const from = previous.terminator ? endLineOf(previous.terminator.start, previous.terminator.end) : lineOf(heredoc.body.start) - 1;
      const to = heredoc.terminator ? endLineOf(heredoc.terminator.start, heredoc.terminator.end) : endLineOf(heredoc.body.start, heredoc.body.end);
      if (to > from) ranges.push({ startLine: from, endLine: to });
    }
  }

  // Comment blocks outside instructions (those inside a continuation fold with it).
  let blockStart = -1;
  let blockEnd = -1;
  const flush = () => {
    if (blockEnd > blockStart) ranges.push({ startLine: blockStart, endLine: blockEnd, kind: FoldingRangeKind.Comment });
    blockStart = blockEnd = -1;
  };
  let instructionIndex = 0;
  const instructions = ast.instructions;
  for (const comment of ast.comments) {
    while (instructionIndex < instructions.length && instructions[instructionIndex].end < comment.start) instructionIndex++;
    const inside = instructionIndex < instructions.length && instructions[instructionIndex].start <= comment.start;
    if (inside) {
      flush();
      continue;
    }
    const line = lineOf(comment.start);
    if (blockEnd >= 0 && line === blockEnd + 1) blockEnd = line;
    else {
      flush();
      blockStart = blockEnd = line;
    }
  }
  flush();

  ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  const unique = ranges.filter((range, index) => index === 0 || range.startLine !== ranges[index - 1].startLine);
  const limit = options.rangeLimit;
  if (limit !== undefined && unique.length > limit) {
    // Keep the outermost ranges: sort by size, keep the largest, return in document order.
    const kept = new Set([...unique].sort((a, b) => b.endLine - b.startLine - (a.endLine - a.startLine)).slice(0, limit));
    return unique.filter((range) => kept.has(range));
  }
  return unique;
}
