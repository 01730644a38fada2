// Smart selection: from the token under the cursor outwards — a variable's name, the variable
// reference, the word or JSON string, a flag's field and value, the flag, the arguments, the
// instruction, its stage, the whole file. Each step strictly contains the one before.
import type { SelectionRange } from 'vscode-languageserver-types';
import { instructionAt, type DockerfileDocument, type Instruction } from '../index';
import { rangeOf } from '../navigation/ranges';

interface Extent {
  readonly start: number;
  readonly end: number;
}

export function selectionRanges(document: DockerfileDocument, offsets: readonly number[]): SelectionRange[] {
  return offsets.map((offset) => chainAt(document, offset));
}

function chainAt(document: DockerfileDocument, offset: number): SelectionRange {
  const candidates: Extent[] = [{ start: 0, end: document.text.length }];
  const { ast, model } = document;
  const instruction = instructionAt(ast.instructions, offset);
  if (instruction) {
    const stage = model.stages.find((candidate) => candidate.start <= instruction.start && instruction.start <= candidate.end);
    if (stage) {
      const last = stage.instructions[stage.instructions.length - 1] ?? stage.from;
      candidates.push({ start: stage.from.start, end: last.end });
    }
    addInstruction(document, instruction, offset, candidates);
    for (const reference of model.references) {
      if (reference.start > offset) break;
      if (reference.end >= offset) candidates.push(reference, reference.nameSpan);
    }
  } else {
    addComment(document, offset, candidates);
  }
  return nest(document, candidates, offset);
}

function addInstruction(document: DockerfileDocument, instruction: Instruction, offset: number, out: Extent[]): void {
  out.push(instruction, instruction.keyword);
  if (instruction.argumentsText) out.push(instruction.argumentsText);
  if (instruction.flags.length > 1) out.push({ start: instruction.flags[0].start, end: instruction.flags[instruction.flags.length - 1].end });
  for (const flag of instruction.flags) {
    out.push(flag, flag.name);
    if (flag.value) {
      out.push(flag.value);
      addFields(flag.value, document.text, out);
    }
  }
  for (const pair of instruction.keyValues) {
    out.push(pair, pair.key);
    if (pair.value) out.push(pair.value);
  }
  if (instruction.exec) {
    const { open, close, elements } = instruction.exec;
    out.push({ start: open.start, end: close.end }, { start: open.end, end: close.start }, ...elements);
  } else {
    for (const arg of instruction.args) {
      out.push(arg);
      addWord(document.text, arg, offset, out);
    }
  }
  for (const heredoc of instruction.heredocs) {
    out.push(heredoc.marker, heredoc.body);
    out.push({ start: heredoc.body.start, end: heredoc.terminator?.end ?? heredoc.body.end });
  }
  for (const comment of instruction.comments) out.push(comment);
  if (instruction.trigger) addInstruction(document, instruction.trigger, offset, out);
}

/** `type=cache,target=/root/.cache`: each comma-separated field and, in it, its key and value. */
function addFields(value: Extent, text: string, out: Extent[]): void {
  let fieldStart = value.start;
  for (let i = value.start; i <= value.end; i++) {
    if (i === value.end || text.charCodeAt(i) === 44 /* , */) {
      if (i > fieldStart) {
        out.push({ start: fieldStart, end: i });
        const equals = text.indexOf('=', fieldStart);
        if (equals > fieldStart && equals < i) out.push({ start: fieldStart, end: equals }, { start: equals + 1, end: i });
      }
      fieldStart = i + 1;
    }
  }
}

/** The blank-delimited word of a shell command under the cursor (on its own line). */
function addWord(text: string, arg: Extent, offset: number, out: Extent[]): void {
  if (offset < arg.start || offset > arg.end) return;
  const isBreak = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;
  let start = offset;
  while (start > arg.start && !isBreak(text.charCodeAt(start - 1))) start--;
  let end = offset;
  while (end < arg.end && !isBreak(text.charCodeAt(end))) end++;
  if (end > start) out.push({ start, end });
}

function addComment(document: DockerfileDocument, offset: number, out: Extent[]): void {
  const { ast } = document;
  for (const directive of ast.directives) {
    if (directive.start <= offset && offset <= directive.end) out.push(directive, directive.nameToken, directive.valueToken);
  }
  const comments = ast.comments;
  const index = comments.findIndex((comment) => comment.start <= offset && offset <= comment.end);
  if (index < 0) return;
  out.push(comments[index]);
  const lines = ast.lines;
  let first = index;
  while (first > 0 && lines.lineAt(comments[first - 1].start) === lines.lineAt(comments[first].start) - 1) first--;
  let last = index;
  while (last + 1 < comments.length && lines.lineAt(comments[last + 1].start) === lines.lineAt(comments[last].start) + 1) last++;
  out.push({ start: comments[first].start, end: comments[last].end });
}

/** Outermost first, keep each extent that holds the cursor and lies inside the one kept before it. */
function nest(document: DockerfileDocument, candidates: Extent[], offset: number): SelectionRange {
  const holding = candidates
    .filter((extent) => extent.start <= offset && offset <= extent.end && extent.end >= extent.start)
    .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  let parent: SelectionRange | undefined;
  let outer: Extent | undefined;
  for (const extent of holding) {
    if (outer && (extent.start < outer.start || extent.end > outer.end || (extent.start === outer.start && extent.end === outer.end))) continue;
    parent = { range: rangeOf(document, extent.start, extent.end), parent };
    outer = extent;
  }
  return parent ?? { range: rangeOf(document, offset, offset) };
}
