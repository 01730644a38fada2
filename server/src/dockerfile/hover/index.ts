/**
 * Hover for Dockerfiles: text (already analysed) and a cursor offset in, an LSP Hover (or null)
 * out. Pure: what the engine knows about base images comes in through `options`.
 *
 *     hover(analyzeText(text), offset, { images, imageDetails })
 *     baseImageAt(doc, offset)   // the FROM image a hover would describe: fetch its details first
 *
 * Covers instructions, flags and their values, RUN --mount options, variables (value at that
 * point, where defined), stage names and references (FROM line, what depends on it), FROM lines
 * (the stage's predicted image config; the base image with engine facts), directives and check
 * names, EXPOSE ports, STOPSIGNAL signals and HEALTHCHECK's CMD/NONE.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { instructionAt, referenceAt, type DockerfileDocument, type Instruction, type Stage } from '..';
import { stageOf } from '../completion/scope';
import { markdownToPlainText } from '../reference/markdown';
import { commentHover } from './comments';
import { stageConfigMarkdown, stageRunsMarkdown } from './config';
import { baseImageOf, imageHover } from './image';
import { argumentHover, flagHover, keywordHover, type Found } from './instruction';
import { stageHover } from './stages';
import { definitionHover, referenceHover } from './variables';
import type { HoverOptions, ImageDetails } from './types';

export type { HoverOptions, ImageDetails } from './types';

export function hover(document: DockerfileDocument, offset: number, options: HoverOptions = {}): Hover | null {
  const found = find(document, offset, options);
  // What is found must be under the cursor (a stray escape before a keyword is not the keyword).
  if (!found || offset < found.start || offset > found.end) return null;
  const value = options.markdown === false ? markdownToPlainText(found.markdown) : found.markdown;
  return {
    contents: { kind: options.markdown === false ? MarkupKind.PlainText : MarkupKind.Markdown, value },
    range: document.ast.lines.rangeOf(found.start, found.end),
  };
}

/** The image reference (after substitution) of the FROM line under the cursor (on FROM or the base), if any. */
export function baseImageAt(document: DockerfileDocument, offset: number): string | undefined {
  const instruction = instructionAt(document.ast.instructions, offset);
  if (!instruction || instruction.name !== 'FROM') return undefined;
  const stage = document.model.stages.find((entry) => entry.from === instruction);
  const base = stage?.baseToken;
  if (!stage || !base || referenceAt(document.model, offset)) return undefined;
  const onKeyword = offset <= instruction.keyword.end;
  if (!onKeyword && (offset < base.start || offset > base.end)) return undefined;
  return baseImageOf(stage)?.text;
}

function find(document: DockerfileDocument, offset: number, options: HoverOptions): Found | undefined {
  const { ast, model } = document;
  const lines = ast.lines;
  const line = lines.lineAt(offset);
  const lineStart = lines.lineStart(line);
  const lineEnd = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : ast.text.length;
  let instruction = instructionAt(ast.instructions, offset);

  const reference = referenceAt(model, offset);
  if (reference && offset >= reference.start && offset <= reference.end) {
    return { markdown: referenceHover(document, reference), start: reference.start, end: reference.end };
  }
  if (instruction?.heredocs.some((heredoc) => offset >= heredoc.body.start && offset <= (heredoc.terminator?.end ?? heredoc.body.end))) return undefined;
  if (/^\s*#/.test(ast.text.slice(lineStart, lineEnd))) return commentHover(document, offset, lineStart, lineEnd);
  if (!instruction) return undefined;

  const onbuild = instruction.name === 'ONBUILD' && instruction.trigger !== undefined && offset >= instruction.trigger.start;
  if (onbuild) instruction = instruction.trigger!;
  if (offset <= instruction.keyword.end) {
    const keyword = keywordHover(instruction);
    // FROM: what the stage's image will be, then the instruction's documentation.
    const stage = instruction.name === 'FROM' ? stageOf(model, instruction) : undefined;
    let config = stage && stage.from === instruction ? stageConfigMarkdown(document, stage, detailsOf(stage, options)) : undefined;
    // CMD / ENTRYPOINT: what the container ends up running.
    if ((instruction.name === 'CMD' || instruction.name === 'ENTRYPOINT') && !onbuild) {
      const owner = stageOf(model, instruction);
      if (owner) config = stageRunsMarkdown(document, owner, instruction);
    }
    return keyword && config ? { ...keyword, markdown: `${config}\n\n---\n\n${keyword.markdown}` } : keyword;
  }

  const flag = instruction.flags.find((entry) => offset >= entry.start && offset <= entry.end);
  const stageReference = model.stageReferences.find((entry) => entry.kind !== 'from' && offset >= entry.start && offset <= entry.end && entry.stageIndex !== undefined);
  if (stageReference) return { markdown: stageHover(document, model.stages[stageReference.stageIndex!]), start: stageReference.start, end: stageReference.end };
  if (flag) return flagHover(instruction, flag, offset);

  if (instruction.name === 'FROM') return fromHover(document, instruction, offset, options);
  const pair = instruction.keyValues.find((entry) => offset >= entry.key.start && offset <= entry.key.end);
  if (pair && (instruction.name === 'ARG' || instruction.name === 'ENV')) {
    const definition = model.variables.find((entry) => entry.nameToken === pair.key);
    if (definition) return { markdown: definitionHover(document, definition), start: pair.key.start, end: pair.key.end };
  }
  return argumentHover(instruction, offset);
}

function fromHover(document: DockerfileDocument, instruction: Instruction, offset: number, options: HoverOptions): Found | undefined {
  const stage = stageOf(document.model, instruction);
  if (!stage || stage.from !== instruction) return undefined;
  if (stage.nameToken && offset >= stage.nameToken.start && offset <= stage.nameToken.end) {
    return { markdown: stageHover(document, stage), start: stage.nameToken.start, end: stage.nameToken.end };
  }
  const base = stage.baseToken;
  if (base && offset >= base.start && offset <= base.end) {
    if (stage.base.kind === 'stage') return { markdown: stageHover(document, document.model.stages[stage.base.stageIndex]), start: base.start, end: base.end };
    const config = stageConfigMarkdown(document, stage, detailsOf(stage, options));
    return { markdown: config ? `${imageHover(stage, options)}\n\n---\n\n${config}` : imageHover(stage, options), start: base.start, end: base.end };
  }
  const as = instruction.args[1];
  if (as && offset >= as.start && offset <= as.end) return { markdown: asMarkdown(stage), start: as.start, end: as.end };
  return undefined;
}

function detailsOf(stage: Stage, options: HoverOptions): ImageDetails | undefined {
  const reference = baseImageOf(stage);
  return reference && options.imageDetails?.get(reference.text);
}

function asMarkdown(stage: Stage): string {
  return `**AS ${stage.name ?? '<name>'}** — names this stage, so that \`FROM ${stage.name ?? 'name'}\`, \`COPY --from=${stage.name ?? 'name'}\`, \`RUN --mount=from=${stage.name ?? 'name'}\` and \`docker build --target ${stage.name ?? 'name'}\` can refer to it.`;
}
