// Formatting as you type: after Enter, the line just finished is formatted (keyword case,
// spacing, trailing blanks), and a new line that continues an instruction (the previous line
// ends with the escape character) is indented one step.
import type { Position, TextEdit } from 'vscode-languageserver-types';
import type { DockerfileDocument } from '../index';
import { rangeOf } from '../navigation/ranges';
import { formatLines } from './formatter';
import { indentUnit, type FormatOptions } from './formatOptions';

export const ON_TYPE_TRIGGERS = ['\n'] as const;

export function formatOnType(document: DockerfileDocument, position: Position, typed: string, options: FormatOptions): TextEdit[] {
  if (typed !== '\n' || position.line === 0) return [];
  const { ast, text } = document;
  const lines = ast.lines;
  const previous = position.line - 1;
  const previousStart = lines.lineStarts[previous];
  const previousEnd = lineContentEnd(text, lines.lineStarts, previous);
  if (insideHeredocBody(document, previousStart)) return [];

  const edits = formatLines(document, options, { startLine: previous, endLine: previous });
  let contentEnd = previousEnd;
  while (contentEnd > previousStart && (text[contentEnd - 1] === ' ' || text[contentEnd - 1] === '\t')) contentEnd--;
  const continues = contentEnd > previousStart && text[contentEnd - 1] === ast.escapeChar && !isCommentLine(text, previousStart, contentEnd);
  if (continues) {
    const start = lines.lineStarts[position.line];
    const end = lineContentEnd(text, lines.lineStarts, position.line);
    let first = start;
    while (first < end && (text[first] === ' ' || text[first] === '\t')) first++;
    const unit = indentUnit(options);
    if (text.slice(start, first) !== unit) edits.push({ range: rangeOf(document, start, first), newText: unit });
  }
  return edits;
}

function lineContentEnd(text: string, lineStarts: Int32Array, line: number): number {
  let end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
  if (end > lineStarts[line] && text[end - 1] === '\n') end--;
  if (end > lineStarts[line] && text[end - 1] === '\r') end--;
  return end;
}

function isCommentLine(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  return text[i] === '#';
}

function insideHeredocBody(document: DockerfileDocument, offset: number): boolean {
  for (const instruction of document.ast.instructions) {
    if (instruction.start > offset) return false;
    if (instruction.end < offset) continue;
    return instruction.heredocs.some((heredoc) => offset >= heredoc.body.start && offset <= (heredoc.terminator?.end ?? heredoc.body.end));
  }
  return false;
}
