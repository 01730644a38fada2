// Where the cursor is, in Dockerfile terms: at an instruction keyword, in a directive, in a
// comment, after `$`, or among an instruction's flags and arguments (as words of its logical
// line, continuations removed). Read from the parsed tree plus the text just before the cursor,
// so half-written instructions work as well as finished ones.
import { instructionAt, type DockerfileDocument, type Instruction } from '..';
import { logicalToSource, sourceToLogical } from '../syntax/logicalLine';

/** A word of an instruction's logical line, located in the source. */
export interface Word {
  /** As written (quotes kept). */
  readonly text: string;
  /** Source offset of its first character. */
  readonly start: number;
}

export type CompletionContext =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'keyword';
      /** Source span the keyword replaces. */
      readonly start: number;
      readonly end: number;
      /** After ONBUILD: only trigger instructions. */
      readonly onbuild: boolean;
      /** No FROM before the cursor: only ARG and FROM (and directives in their slot). */
      readonly beforeFirstFrom: boolean;
      /** The line may still hold a parser directive (only directives above it). */
      readonly directiveSlot: boolean;
      /** The instruction being rewritten, if any (not counted for the file's casing). */
      readonly instruction: Instruction | undefined;
    }
  | {
      readonly kind: 'comment';
      /** Text after `#` up to the cursor, and where it starts. */
      readonly text: string;
      readonly start: number;
      /** The line may hold a parser directive (only directives above it). */
      readonly directiveSlot: boolean;
      /** Directive names already in the file. */
      readonly used: ReadonlySet<string>;
    }
  | {
      readonly kind: 'variable';
      readonly instruction: Instruction;
      /** Where the name starts (after `$` or `${`). */
      readonly start: number;
      readonly braced: boolean;
      /** A `}` already follows the cursor (VS Code closes braces by itself). */
      readonly closed: boolean;
    }
  | {
      readonly kind: 'instruction';
      /** The instruction (an ONBUILD's trigger when the cursor is in one). */
      readonly instruction: Instruction;
      readonly onbuild: boolean;
      /** Complete words between the keyword and the current word. */
      readonly words: readonly Word[];
      /** The word being typed ('' right after a space). */
      readonly current: Word;
      /** Every word before the current one is a flag: flags may still come. */
      readonly flagRegion: boolean;
    };

// The server asks twice per completion request (whether engine images are needed, then the
// items): the last answer is kept. The document is immutable (one object per version).
let last: { readonly document: DockerfileDocument; readonly offset: number; readonly context: CompletionContext } | undefined;

export function completionContext(document: DockerfileDocument, offset: number): CompletionContext {
  if (last?.document === document && last.offset === offset) return last.context;
  const context = contextAt(document, offset);
  last = { document, offset, context };
  return context;
}

function contextAt(document: DockerfileDocument, offset: number): CompletionContext {
  const { ast } = document;
  const text = ast.text;
  const lines = ast.lines;
  const line = lines.lineAt(offset);
  const lineStart = lines.lineStart(line);
  const linePrefix = text.slice(lineStart, offset);

  let instruction = instructionAt(ast.instructions, offset) ?? continuedInstruction(document, offset, lineStart);
  if (instruction) {
    const heredoc = instruction.heredocs.find((doc) => offset >= doc.body.start && offset <= (doc.terminator ? doc.terminator.end : doc.body.end));
    if (heredoc) {
      const variable = heredoc.expand ? variableContext(text, offset, lineStart, instruction) : undefined;
      return variable ?? NONE;
    }
  }

  if (/^\s*#/.test(linePrefix)) return commentContext(document, line, lineStart, offset);

  if (!instruction) {
    if (!/^\s*$/.test(linePrefix)) return NONE;
    return keywordContext(document, offset, offset, false, undefined, line);
  }

  let onbuild = false;
  if (instruction.name === 'ONBUILD' && offset > instruction.keyword.end) {
    const trigger = instruction.trigger;
    if (!trigger || offset < trigger.start) {
      return /\s$/.test(linePrefix) || offset === instruction.keyword.end ? keywordContext(document, offset, offset, true, instruction, line) : NONE;
    }
    instruction = trigger;
    onbuild = true;
  }
  if (offset <= instruction.keyword.end) {
    return keywordContext(document, instruction.keyword.start, Math.max(offset, instruction.keyword.end), onbuild, instruction, line);
  }

  const variable = variableContext(text, offset, lineStart, instruction);
  if (variable) return variable;
  return wordsContext(document, instruction, offset, lineStart, onbuild);
}

export type InstructionWords = Extract<CompletionContext, { kind: 'instruction' }>;

/** The instruction around the cursor as words, when the cursor is among its arguments (not its keyword). */
export function instructionWordsAt(document: DockerfileDocument, offset: number): InstructionWords | undefined {
  const { ast } = document;
  const lineStart = ast.lines.lineStart(ast.lines.lineAt(offset));
  if (/^\s*#/.test(ast.text.slice(lineStart, offset))) return undefined;
  let instruction = instructionAt(ast.instructions, offset) ?? continuedInstruction(document, offset, lineStart);
  if (!instruction || instruction.heredocs.some((doc) => offset >= doc.body.start)) return undefined;
  let onbuild = false;
  if (instruction.name === 'ONBUILD' && instruction.trigger && offset > instruction.trigger.keyword.end) {
    instruction = instruction.trigger;
    onbuild = true;
  }
  if (offset <= instruction.keyword.end) return undefined;
  const context = wordsContext(document, instruction, offset, lineStart, onbuild);
  return context.kind === 'instruction' ? context : undefined;
}

const NONE: CompletionContext = { kind: 'none' };

/**
 * The instruction the cursor continues although it lies past its end: after a trailing escape
 * (`RUN a \` then an empty line), or after trailing blanks on the instruction's own line.
 */
function continuedInstruction(document: DockerfileDocument, offset: number, lineStart: number): Instruction | undefined {
  const instructions = document.ast.instructions;
  let low = 0;
  let high = instructions.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (instructions[mid].start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (found < 0) return undefined;
  const previous = instructions[found];
  const text = document.ast.text;
  if (previous.end >= lineStart) return /^[ \t]*$/.test(text.slice(previous.end, offset)) ? previous : undefined;
  const last = previous.continuations[previous.continuations.length - 1];
  if (!last || last.end !== previous.end || previous.heredocs.length > 0) return undefined;
  // Only blank or comment lines between the escape and the cursor's line.
  const between = text.slice(previous.end, lineStart).split(/\r\n|\r|\n/).slice(1);
  return between.every((part) => /^\s*(#.*)?$/.test(part)) ? previous : undefined;
}

function keywordContext(document: DockerfileDocument, start: number, end: number, onbuild: boolean, instruction: Instruction | undefined, line: number): CompletionContext {
  const firstFrom = document.model.stages[0]?.from;
  const beforeFirstFrom = !firstFrom || firstFrom.start >= (instruction?.start ?? start);
  return { kind: 'keyword', start, end, onbuild, beforeFirstFrom, directiveSlot: isDirectiveSlot(document, line), instruction };
}

/** Whether `line` may still hold a parser directive: every line above it is one. */
function isDirectiveSlot(document: DockerfileDocument, line: number): boolean {
  const directives = document.ast.directives;
  if (directives.length < line) return false;
  for (let i = 0; i < line; i++) if (directives[i].range.start.line !== i) return false;
  return true;
}

function commentContext(document: DockerfileDocument, line: number, lineStart: number, offset: number): CompletionContext {
  const text = document.ast.text.slice(lineStart, offset);
  const hash = text.indexOf('#');
  const directiveSlot = isDirectiveSlot(document, line);
  const used = new Set(document.ast.directives.filter((directive) => directive.range.start.line !== line).map((directive) => directive.name));
  return { kind: 'comment', text: text.slice(hash + 1), start: lineStart + hash + 1, directiveSlot, used };
}

/** `$NAME` or `${NAME` right before the cursor (not `\$`, not `$$`). */
function variableContext(text: string, offset: number, lineStart: number, instruction: Instruction): CompletionContext | undefined {
  let nameStart = offset;
  while (nameStart > lineStart && /[A-Za-z0-9_]/.test(text[nameStart - 1])) nameStart--;
  let dollar = nameStart - 1;
  let braced = false;
  if (text[dollar] === '{') {
    braced = true;
    dollar--;
  }
  if (dollar < lineStart || text[dollar] !== '$') return undefined;
  if (/[0-9]/.test(text[nameStart] ?? '')) return undefined;
  const before = text[dollar - 1];
  if (before === '\\' || before === '`' || before === '$') return undefined;
  return { kind: 'variable', instruction, start: nameStart, braced, closed: text[offset] === '}' };
}

function wordsContext(document: DockerfileDocument, instruction: Instruction, offset: number, lineStart: number, onbuild: boolean): CompletionContext {
  const text = document.ast.text;
  const logical = instruction.logicalText;
  const map = instruction.logicalMap;
  let prefix: string;
  let toSource: (logicalOffset: number) => number;
  if (offset <= instruction.end) {
    prefix = logical.slice(0, sourceToLogical(map, offset));
    toSource = (at) => logicalToSource(map, at);
  } else {
    // Past the end: the cursor continues the instruction on a later line (or after blanks).
    const extraStart = instruction.end >= lineStart ? instruction.end : lineStart;
    prefix = logical + text.slice(extraStart, offset);
    toSource = (at) => (at < logical.length ? logicalToSource(map, at) : extraStart + at - logical.length);
  }
  const words = splitWords(prefix, instruction.keyword.value.length);
  const endsInWord = prefix.length > 0 && !isJsWhitespace(prefix.charCodeAt(prefix.length - 1)) && words.length > 0 && words[words.length - 1].end === prefix.length;
  const current = endsInWord ? words.pop()! : { start: prefix.length, end: prefix.length, text: '' };
  let flagRegion = true;
  for (const word of words) {
    if (!word.text.startsWith('--') || word.text === '--') {
      flagRegion = false;
      break;
    }
  }
  return {
    kind: 'instruction',
    instruction,
    onbuild,
    words: words.map((word) => ({ text: word.text, start: toSource(word.start) })),
    current: { text: current.text, start: endsInWord ? toSource(current.start) : offset },
    flagRegion,
  };
}

/** Whitespace-separated words; quotes group (and are kept). */
function splitWords(text: string, from: number): { start: number; end: number; text: string }[] {
  // Asked on every completion request, over the instruction up to the cursor (a RUN script can
  // be kilobytes): character codes, not one-character strings tested with a regular expression.
  const words: { start: number; end: number; text: string }[] = [];
  const length = text.length;
  let pos = from;
  while (pos < length) {
    while (pos < length && isJsWhitespace(text.charCodeAt(pos))) pos++;
    if (pos >= length) break;
    const start = pos;
    let quote = 0;
    while (pos < length) {
      const code = text.charCodeAt(pos);
      if (quote !== 0) {
        if (code === quote) quote = 0;
      } else if (code === 0x22 || code === 0x27) quote = code;
      else if (isJsWhitespace(code)) break;
      pos++;
    }
    words.push({ start, end: pos, text: text.slice(start, pos) });
  }
  return words;
}

/** What `/\s/` matches, on one UTF-16 code unit. */
function isJsWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
