// Semantic tokens in one pass over the instructions: each instruction's own tokens (already in
// source order) are merged with the variable uses inside it, split at line breaks, and encoded
// relative to the previous token. Time is linear in the size of the file, whatever its length.
import type { SemanticTokens, SemanticTokensEdit } from 'vscode-languageserver-types';
import { AUTOMATIC_PLATFORM_ARGS, BUILDKIT_ARGS, PROXY_ARGS, type DockerfileDocument, type Flag, type Instruction } from '../index';
import type { StageReference, VariableReference } from '../semantic/types';
import { MODIFIER_BIT, TYPE_INDEX, type TokenType } from './legend';

interface RawToken {
  start: number;
  end: number;
  type: number;
  modifiers: number;
}

const PREDEFINED = new Set<string>([...AUTOMATIC_PLATFORM_ARGS, ...PROXY_ARGS, ...BUILDKIT_ARGS]);
const FIELD_FLAGS = new Set(['mount', 'secret', 'ssh', 'network', 'security']);

/** Lines [startLine, endLine] to cover; the whole document when absent. */
export interface TokenLines {
  readonly startLine: number;
  readonly endLine: number;
}

export function semanticTokens(document: DockerfileDocument, lines?: TokenLines): SemanticTokens {
  return { data: encode(document, collect(document, lines)) };
}

function collect(document: DockerfileDocument, only: TokenLines | undefined): RawToken[] {
  const { ast, model, text } = document;
  const lineStarts = ast.lines.lineStarts;
  const from = only ? lineStarts[Math.max(0, Math.min(only.startLine, lineStarts.length - 1))] : 0;
  const to = only ? (only.endLine + 1 < lineStarts.length ? lineStarts[only.endLine + 1] : text.length) : text.length;
  const out: RawToken[] = [];
  const push = (start: number, end: number, type: TokenType, modifiers = 0) => {
    if (end > start) out.push({ start, end, type: TYPE_INDEX[type], modifiers });
  };

  for (const directive of ast.directives) {
    if (directive.end < from || directive.start > to) continue;
    push(directive.nameToken.start, directive.nameToken.end, 'macro');
    push(directive.valueToken.start, directive.valueToken.end, 'string');
  }

  const stageReferences = model.stageReferences;
  const references = model.references;
  let stageReferenceIndex = 0;
  let referenceIndex = 0;
  let commentIndex = 0;
  const comments = ast.comments;
  const stageDeclarations = new Map<number, true>();
  for (const stage of model.stages) if (stage.nameToken) stageDeclarations.set(stage.nameToken.start, true);

  for (const instruction of ast.instructions) {
    if (instruction.end < from) continue;
    if (instruction.start > to) break;
    while (commentIndex < comments.length && comments[commentIndex].start < instruction.start) {
      const comment = comments[commentIndex++];
      if (comment.end >= from) push(comment.start, comment.end, 'comment');
    }
    while (stageReferenceIndex < stageReferences.length && stageReferences[stageReferenceIndex].start < instruction.start) stageReferenceIndex++;
    const ownStageReferences: StageReference[] = [];
    for (let i = stageReferenceIndex; i < stageReferences.length && stageReferences[i].start <= instruction.end; i++) ownStageReferences.push(stageReferences[i]);
    const own: RawToken[] = [];
    const pushOwn = (start: number, end: number, type: TokenType, modifiers = 0) => {
      if (end > start) own.push({ start, end, type: TYPE_INDEX[type], modifiers });
    };
    instructionTokens(document, instruction, ownStageReferences, stageDeclarations, pushOwn);
    while (commentIndex < comments.length && comments[commentIndex].start <= instruction.end) {
      const comment = comments[commentIndex++];
      pushOwn(comment.start, comment.end, 'comment');
    }
    own.sort((a, b) => a.start - b.start);

    while (referenceIndex < references.length && references[referenceIndex].start < instruction.start) referenceIndex++;
    const uses: RawToken[] = [];
    for (; referenceIndex < references.length && references[referenceIndex].start <= instruction.end; referenceIndex++) {
      const reference = references[referenceIndex];
      const next = references[referenceIndex + 1];
      const holdsAnother = next !== undefined && next.start < reference.end;
      const modifiers = isPredefined(reference) ? MODIFIER_BIT.defaultLibrary : 0;
      const previous = uses[uses.length - 1];
      if (previous && previous.end > reference.start) {
        // Nested in the previous use (`${a:-$b}`): that one keeps only its name.
        continue;
      }
      if (holdsAnother) uses.push({ start: reference.nameSpan.start, end: reference.nameSpan.end, type: TYPE_INDEX.variable, modifiers });
      else uses.push({ start: reference.start, end: reference.end, type: TYPE_INDEX.variable, modifiers });
    }
    mergeInto(out, own, uses);
  }
  while (commentIndex < comments.length) {
    const comment = comments[commentIndex++];
    if (comment.start > to) break;
    if (comment.end >= from) push(comment.start, comment.end, 'comment');
  }
  if (only) return out.filter((token) => token.end > from && token.start < to);
  return out;
}

function isPredefined(reference: VariableReference): boolean {
  const kind = reference.definition?.kind;
  return kind === 'automatic' || kind === 'image' || (!reference.definition && PREDEFINED.has(reference.name));
}

function instructionTokens(
  document: DockerfileDocument,
  instruction: Instruction,
  stageReferences: readonly StageReference[],
  stageDeclarations: ReadonlyMap<number, true>,
  push: (start: number, end: number, type: TokenType, modifiers?: number) => void,
): void {
  const text = document.text;
  push(instruction.keyword.start, instruction.keyword.end, 'keyword');
  const stageReferenceAt = (start: number) => stageReferences.find((reference) => reference.start === start);
  for (const flag of instruction.flags) flagTokens(text, flag, stageReferenceAt, push);

  switch (instruction.name) {
    case 'FROM': {
      const [base, as, name] = instruction.args;
      if (base) {
        const reference = stageReferenceAt(base.start);
        if (!base.value.includes('$')) push(base.start, base.end, reference?.stageIndex !== undefined ? 'class' : 'type');
      }
      if (as && as.value.toUpperCase() === 'AS') push(as.start, as.end, 'keyword');
      if (name) push(name.start, name.end, 'class', stageDeclarations.has(name.start) ? MODIFIER_BIT.declaration : 0);
      break;
    }
    case 'ARG':
    case 'ENV':
      for (const pair of instruction.keyValues) {
        const predefined = PREDEFINED.has(pair.key.value) ? MODIFIER_BIT.defaultLibrary : 0;
        push(pair.key.start, pair.key.end, 'variable', MODIFIER_BIT.declaration | predefined);
      }
      break;
    case 'LABEL':
      for (const pair of instruction.keyValues) push(pair.key.start, pair.key.end, 'property');
      break;
    case 'HEALTHCHECK': {
      const kind = instruction.args[0];
      if (kind && (kind.value.toUpperCase() === 'CMD' || kind.value.toUpperCase() === 'NONE')) push(kind.start, kind.end, 'keyword');
      break;
    }
    default:
      break;
  }
  if (instruction.exec) for (const element of instruction.exec.elements) push(element.start, element.end, 'string');
  for (const heredoc of instruction.heredocs) {
    push(heredoc.marker.start, heredoc.marker.end, 'label');
    if (heredoc.terminator) push(heredoc.terminator.start, heredoc.terminator.end, 'label');
  }
  if (instruction.trigger) instructionTokens(document, instruction.trigger, stageReferences, stageDeclarations, push);
}

function flagTokens(
  text: string,
  flag: Flag,
  stageReferenceAt: (start: number) => StageReference | undefined,
  push: (start: number, end: number, type: TokenType, modifiers?: number) => void,
): void {
  push(flag.start, flag.name.end, 'parameter');
  const value = flag.value;
  if (!value) return;
  const stage = (start: number, end: number): boolean => {
    const reference = stageReferenceAt(start);
    if (!reference || reference.end !== end) return false;
    push(start, end, reference.stageIndex !== undefined ? 'class' : 'type');
    return true;
  };
  if (!FIELD_FLAGS.has(flag.name.value)) {
    if (!stage(value.start, value.end)) push(value.start, value.end, 'string');
    return;
  }
  // `type=cache,target=/root/.cache,from=build`: keys as properties, values as strings.
  let fieldStart = value.start;
  for (let i = value.start; i <= value.end; i++) {
    if (i < value.end && text.charCodeAt(i) !== 44) continue;
    const equals = text.indexOf('=', fieldStart);
    if (equals > fieldStart && equals < i) {
      push(fieldStart, equals, 'property');
      if (!stage(equals + 1, i)) push(equals + 1, i, 'string');
    } else {
      push(fieldStart, i, 'string');
    }
    fieldStart = i + 1;
  }
}

/** Merges the instruction's tokens with the variable uses (which win where they overlap). */
function mergeInto(out: RawToken[], own: readonly RawToken[], uses: readonly RawToken[]): void {
  let u = 0;
  for (const token of own) {
    let start = token.start;
    while (u < uses.length && uses[u].end <= start) out.push(uses[u++]);
    let v = u;
    while (v < uses.length && uses[v].start < token.end) {
      const use = uses[v];
      if (use.start > start) out.push({ start, end: use.start, type: token.type, modifiers: token.modifiers });
      out.push(use);
      start = Math.max(start, use.end);
      v++;
    }
    u = v;
    if (start < token.end) out.push({ start, end: token.end, type: token.type, modifiers: token.modifiers });
  }
  while (u < uses.length) out.push(uses[u++]);
}

/** Relative encoding; a token spanning lines is split at each line break. */
function encode(document: DockerfileDocument, tokens: readonly RawToken[]): number[] {
  const lines = document.ast.lines;
  const lineStarts = lines.lineStarts;
  const text = document.text;
  const data: number[] = [];
  let previousLine = 0;
  let previousCharacter = 0;
  let lastEnd = 0;
  for (const token of tokens) {
    let start = Math.max(token.start, lastEnd);
    if (start >= token.end) continue;
    let line = lines.lineAt(start);
    while (start < token.end) {
      const nextLineStart = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
      let end = Math.min(token.end, nextLineStart);
      while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
      if (end > start) {
        const character = start - lineStarts[line];
        data.push(line - previousLine, line === previousLine ? character - previousCharacter : character, end - start, token.type, token.modifiers);
        previousLine = line;
        previousCharacter = character;
      }
      start = nextLineStart;
      line++;
    }
    lastEnd = token.end;
  }
  return data;
}

/** The edits that turn `previous` token data into `next`: one splice around the common ends. */
export function semanticTokensEdits(previous: readonly number[], next: readonly number[]): SemanticTokensEdit[] {
  let prefix = 0;
  const shortest = Math.min(previous.length, next.length);
  while (prefix < shortest && previous[prefix] === next[prefix]) prefix++;
  if (prefix === previous.length && prefix === next.length) return [];
  let suffix = 0;
  while (suffix < shortest - prefix && previous[previous.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
  // Edits must keep whole tokens (5 integers) aligned for clients that re-decode them.
  prefix -= prefix % 5;
  suffix -= suffix % 5;
  return [{ start: prefix, deleteCount: previous.length - prefix - suffix, data: next.slice(prefix, next.length - suffix) }];
}
