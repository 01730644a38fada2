// The Dockerfile formatter: instruction keywords in upper case, one space after the keyword,
// continuation lines indented one step, instructions and comments at the start of their line,
// trailing blanks removed; here-document bodies and the insides of strings untouched.
//
// Formatting must never change what BuildKit sees. Every instruction the formatter changes is
// re-parsed on its own and its BuildKit dump compared with the original's; when they differ the
// formatter falls back, step by step, to edits that keep the joined command text exactly
// (moving blanks between the two sides of a line continuation), then to none on continuation
// lines, then to no edit at all. So the guarantee holds for any input, not only the ones tested.
//
// Formatting is idempotent: formatting the result again changes nothing (see formatEdits).
import type { TextEdit } from 'vscode-languageserver-types';
import { dumpBuildkit, parseDockerfile, type DockerfileDocument, type Instruction } from '../index';
import { rangeOf } from '../navigation/ranges';
import { indentUnit, type FormatOptions } from './formatOptions';

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Blanks moved before an escape belong with the continuation line they balance. */
  readonly forLine?: number;
  /**
   * BuildKit's parser provably ignores this change (blanks it trims or skips, lines it drops,
   * joined text kept the same), so it needs no re-parse to check.
   */
  readonly safe?: boolean;
}

/**
 * Which edits an instruction may get, from most to least thorough: 'free' re-indents a
 * continuation line freely where the line break falls between two words (BuildKit splits on the
 * blanks there) and keeps the joined text elsewhere; 'preserveCommand' keeps the joined text at
 * every break; 'minimal' leaves continuation lines alone.
 */
type Strategy = 'free' | 'preserveCommand' | 'minimal';

/** Lines [startLine, endLine] (inclusive) to format; the whole document when absent. */
export interface LineSpan {
  readonly startLine: number;
  readonly endLine: number;
}

const SPACE = 32;
const TAB = 9;
// Directives look like `# name=value`; a comment at the top that could be one keeps its indentation.
const DIRECTIVE_LIKE = /^#\s*[A-Za-z][A-Za-z0-9]*\s*=/;

export function formatDocument(document: DockerfileDocument, options: FormatOptions): TextEdit[] {
  return toTextEdits(document, formatEdits(document, options, undefined));
}

export function formatLines(document: DockerfileDocument, options: FormatOptions, lines: LineSpan): TextEdit[] {
  return toTextEdits(document, formatEdits(document, options, lines));
}

/** What the formatter reads: the text and its tree (not the semantic model). */
type Parsed = Pick<DockerfileDocument, 'text' | 'ast'>;

/** Passes after the first before the formatter settles; no input seen needs more than two. */
const MAX_EXTRA_PASSES = 4;

/** The edits as offsets into the original text, sorted and non-overlapping. */
export function formatEdits(document: Parsed, options: FormatOptions, only: LineSpan | undefined): Edit[] {
  const edits = new Formatter(document, options, only).run();
  if (edits.length === 0) return edits;
  // Blanks are balanced across each line continuation one pair of lines at a time. On a line that
  // holds only an escape, the same blanks are both the end of one pair and the start of the next,
  // so balancing the second pair can leave the first one to balance again: format-on-save would
  // then change the file at every save. Formatting the result until nothing changes makes the
  // formatter idempotent; every pass keeps BuildKit's view, so the result does too. Usually the
  // second pass finds nothing and the first pass's edits are returned as they are.
  let text = applyEdits(document.text, edits);
  let settled = true;
  for (let pass = 0; pass < MAX_EXTRA_PASSES; pass++) {
    const again = new Formatter({ text, ast: parseDockerfile(text) }, options, only).run();
    if (again.length === 0) break;
    const next = applyEdits(text, again);
    if (next === text) break;
    text = next;
    settled = false;
  }
  return settled ? edits : lineEdits(document.text, text);
}

/**
 * Edits that turn `before` into `after`, one per line that differs (formatting keeps every line
 * break but those at the end of the file, so lines pair up in order), each cut to what changed.
 */
function lineEdits(before: string, after: string): Edit[] {
  const edits: Edit[] = [];
  let a = 0;
  let b = 0;
  while (a < before.length || b < after.length) {
    const aEnd = lineEndAfter(before, a);
    const bEnd = lineEndAfter(after, b);
    // The last line of either text takes the rest of the other: the file's final line breaks.
    const lastLine = aEnd === before.length || bEnd === after.length;
    const aStop = lastLine ? before.length : aEnd;
    const bStop = lastLine ? after.length : bEnd;
    let start = 0;
    while (a + start < aStop && b + start < bStop && before.charCodeAt(a + start) === after.charCodeAt(b + start)) start++;
    let end = 0;
    while (a + end < aStop - start && b + end < bStop - start && before.charCodeAt(aStop - 1 - end) === after.charCodeAt(bStop - 1 - end)) end++;
    if (a + start < aStop - end || b + start < bStop - end) edits.push({ start: a + start, end: aStop - end, text: after.slice(b + start, bStop - end) });
    if (lastLine) break;
    a = aEnd;
    b = bEnd;
  }
  return edits;
}

/** The offset just past the line break that ends the line starting at `from`, or the text's end. */
function lineEndAfter(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  return lf < 0 ? text.length : lf + 1;
}

function toTextEdits(document: DockerfileDocument, edits: readonly Edit[]): TextEdit[] {
  return edits.map((edit) => ({ range: rangeOf(document, edit.start, edit.end), newText: edit.text }));
}

/** Applies offset edits (sorted, non-overlapping) to a text. */
export function applyEdits(text: string, edits: readonly Edit[], base = 0): string {
  let out = '';
  let at = base;
  for (const edit of edits) {
    out += text.slice(at - base, edit.start - base) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at - base);
}

class Formatter {
  private readonly text: string;
  private readonly lineStarts: Int32Array;
  private readonly unit: string;
  private readonly shellAlways: boolean;
  private readonly uppercase: boolean;
  private readonly edits: Edit[] = [];

  constructor(
    private readonly document: Parsed,
    private readonly options: FormatOptions,
    private readonly only: LineSpan | undefined,
  ) {
    this.text = document.text;
    this.lineStarts = document.ast.lines.lineStarts;
    this.unit = indentUnit(options);
    this.shellAlways = options.shellContinuationIndent === 'always';
    this.uppercase = options.uppercaseKeywords !== false;
  }

  run(): Edit[] {
    const { ast } = this.document;
    const lineCount = this.lineStarts.length;
    const firstLine = this.only ? Math.max(0, this.only.startLine) : 0;
    const lastLine = this.only ? Math.min(lineCount - 1, this.only.endLine) : lineCount - 1;
    const instructions = ast.instructions;
    let index = this.firstInstructionEndingAtOrAfter(this.lineStarts[firstLine]);
    let line = firstLine;
    const directiveLines = new Set(ast.directives.map((directive) => this.lineOf(directive.start)));
    const firstInstructionLine = instructions.length > 0 ? this.lineOf(instructions[0].start) : lineCount;
    while (line <= lastLine) {
      const instruction = instructions[index];
      const instructionLine = instruction ? this.lineOf(instruction.start) : lineCount;
      if (instruction && instructionLine <= line) {
        this.formatInstruction(instruction);
        line = this.lineOf(Math.max(instruction.start, instruction.end - 1)) + 1;
        index++;
        continue;
      }
      const stop = Math.min(instructionLine - 1, lastLine);
      for (; line <= stop; line++) this.formatLooseLine(line, directiveLines.has(line) || line < firstInstructionLine);
    }
    if (!this.only || lastLine === lineCount - 1) this.formatEnd();
    return this.edits;
  }

  private firstInstructionEndingAtOrAfter(offset: number): number {
    const instructions = this.document.ast.instructions;
    let low = 0;
    let high = instructions.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (instructions[mid].end < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private lineOf(offset: number): number {
    return this.document.ast.lines.lineAt(offset);
  }

  private lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  private inRange(line: number): boolean {
    return !this.only || (line >= this.only.startLine && line <= this.only.endLine);
  }

  /** A comment, directive or blank line outside any instruction. */
  private formatLooseLine(line: number, mayBeDirective: boolean): void {
    const start = this.lineStarts[line];
    const end = this.lineEnd(line);
    const first = skipBlanks(this.text, start, end);
    const last = trimBlanksEnd(this.text, first, end);
    if (first === end) {
      if (end > start) this.edits.push({ start, end, text: '' });
      return;
    }
    const keepIndent = mayBeDirective && DIRECTIVE_LIKE.test(this.text.slice(first, last));
    if (first > start && !keepIndent) this.edits.push({ start, end: first, text: '' });
    if (last < end) this.edits.push({ start: last, end, text: '' });
  }

  private formatInstruction(instruction: Instruction): void {
    const strategies: Strategy[] = ['free', 'preserveCommand', 'minimal'];
    for (const strategy of strategies) {
      const edits = this.instructionEdits(instruction, strategy).filter((edit) => this.inRange(edit.forLine ?? this.lineOf(edit.start)));
      if (edits.length === 0) return;
      if (edits.every((edit) => edit.safe) || this.acceptable(instruction, edits, strategy)) {
        this.edits.push(...edits);
        return;
      }
    }
  }

  private instructionEdits(instruction: Instruction, strategy: Strategy): Edit[] {
    const text = this.text;
    const edits: Edit[] = [];
    const firstLine = this.lineOf(instruction.start);
    const lastLine = this.lineOf(Math.max(instruction.start, instruction.end - 1));
    const lineStart = this.lineStarts[firstLine];
    if (instruction.start > lineStart) edits.push({ start: lineStart, end: instruction.start, text: '', safe: true });
    this.keywordEdits(instruction, edits);
    if (instruction.trigger) this.keywordEdits(instruction.trigger, edits);
    if (strategy !== 'minimal') this.wordSpacing(instruction.trigger ?? instruction, edits);

    const bodyLines = this.heredocLines(instruction);
    const commentLines = new Set(instruction.comments.map((comment) => this.lineOf(comment.start)));
    // The escape character that ended the last content line, waiting for the line it joins.
    let pendingEscape = -1;
    for (let line = firstLine; line <= lastLine; line++) {
      if (bodyLines.has(line)) continue;
      const start = this.lineStarts[line];
      const end = this.lineEnd(line);
      const first = skipBlanks(text, start, end);
      const last = trimBlanksEnd(text, first, end);
      if (first === end) {
        // An empty line inside a continuation: BuildKit skips it.
        if (end > start) edits.push({ start, end, text: '', safe: line > firstLine });
        continue;
      }
      const isComment = line > firstLine && commentLines.has(line);
      if (line > firstLine) {
        if (isComment) {
          if (text.slice(start, first) !== this.unit) edits.push({ start, end: first, text: this.unit, safe: true });
        } else {
          const free = strategy === 'free' && pendingEscape >= 0 && this.betweenWords(instruction, pendingEscape);
          this.continuationIndent(free ? 'free' : strategy === 'minimal' ? 'minimal' : 'preserveCommand', pendingEscape, start, first, edits);
        }
      }
      const escape = isComment ? -1 : this.escapeEndingLine(instruction, first, last);
      if (last < end) {
        // Trailing blanks BuildKit drops: after an escape, on a dropped comment line, or at the
        // end of the logical line (it trims the whole line before splitting it).
        const safe = escape >= 0 || isComment || (line === lastLine && heredocsOf(instruction).length === 0);
        edits.push({ start: last, end, text: '', safe });
      }
      if (!isComment) pendingEscape = escape;
    }
    return withoutOverlaps(edits.sort((a, b) => a.start - b.start || a.end - b.end));
  }

  /** Indentation of a content line that continues the instruction. */
  private continuationIndent(strategy: Strategy, escape: number, start: number, first: number, edits: Edit[]): void {
    const current = this.text.slice(start, first);
    if (current === this.unit || strategy === 'minimal') return;
    if (strategy === 'free' || escape < 0) {
      edits.push({ start, end: first, text: this.unit });
      return;
    }
    // Keep the blanks BuildKit joins (before the escape + at the start of this line) identical:
    // possible when they end with one indentation step and at most one space is left before it.
    const beforeStart = trimBlanksEnd(this.text, this.lineStarts[this.lineOf(escape)], escape);
    const joined = this.text.slice(beforeStart, escape) + current;
    if (!joined.endsWith(this.unit)) return;
    const prefix = joined.slice(0, joined.length - this.unit.length);
    if (prefix !== '' && prefix !== ' ') return;
    // `a\ \`: an escape character right before the escape that ends the line makes BuildKit read
    // the pair as an escaped escape, and the line as not continued; the blank between them stays.
    if (prefix === '' && this.text.charCodeAt(beforeStart - 1) === this.document.ast.escapeChar.charCodeAt(0)) return;
    // The joined text stays byte for byte the same, so BuildKit sees no change.
    if (this.text.slice(beforeStart, escape) !== prefix) edits.push({ start: beforeStart, end: escape, text: prefix, forLine: this.lineOf(start), safe: true });
    edits.push({ start, end: first, text: this.unit, safe: true });
  }

  /**
   * Whether a line break at `escape` falls between two of the instruction's words (flags,
   * arguments, key=value pairs, JSON strings), where BuildKit splits on blanks anyway. Inside a
   * shell-form command it does not, unless the user asked to re-indent those
   * (`shellContinuationIndent: 'always'`, checked word by word afterwards).
   */
  private betweenWords(instruction: Instruction, escape: number): boolean {
    const target = instruction.trigger ?? instruction;
    const holds = (span: { readonly start: number; readonly end: number }) => span.start < escape && escape < span.end;
    if (target.flags.some(holds) || target.keyValues.some(holds) || target.heredocs.some((heredoc) => holds(heredoc.marker))) return false;
    if (target.exec) return !target.exec.elements.some(holds);
    const shellCommand = SHELL_COMMANDS.has(target.name) || target.name === 'SHELL';
    for (const arg of target.args) {
      if (!holds(arg)) continue;
      return shellCommand && this.shellAlways && target.name !== 'SHELL';
    }
    return target.known && (WORD_SPLIT.has(target.name) || target.keyValues.length > 0 || target.args.length > 0);
  }

  /** One space between the words of instructions BuildKit splits on blanks. */
  private wordSpacing(instruction: Instruction, edits: Edit[]): void {
    if (!WORD_SPLIT.has(instruction.name) || instruction.exec) return;
    const words = [...instruction.flags, ...instruction.args].sort((a, b) => a.start - b.start);
    for (let i = 1; i < words.length; i++) {
      const gapStart = words[i - 1].end;
      const gapEnd = words[i].start;
      if (gapEnd - gapStart < 2 && this.text.charCodeAt(gapStart) === SPACE) continue;
      if (skipBlanks(this.text, gapStart, gapEnd) !== gapEnd) continue;
      edits.push({ start: gapStart, end: gapEnd, text: ' ' });
    }
  }

  /** The offset of the escape character that continues this content line, or -1. */
  private escapeEndingLine(instruction: Instruction, first: number, last: number): number {
    for (const continuation of instruction.continuations) {
      if (continuation.start >= first && continuation.start < last) return continuation.start;
    }
    return -1;
  }

  private keywordEdits(instruction: Instruction, edits: Edit[]): void {
    const keyword = instruction.keyword;
    if (this.uppercase && instruction.known && keyword.text !== instruction.name && !keyword.text.includes(this.document.ast.escapeChar)) {
      edits.push({ start: keyword.start, end: keyword.end, text: instruction.name, safe: true });
    }
    // One space between the keyword and what follows it on the same line.
    const line = this.lineOf(keyword.start);
    const end = this.lineEnd(line);
    const next = skipBlanks(this.text, keyword.end, end);
    if (next > keyword.end && next < end && this.text.slice(keyword.end, next) !== ' ') {
      // BuildKit splits the keyword off at the first run of blanks, whatever its length.
      edits.push({ start: keyword.end, end: next, text: ' ', safe: true });
    }
  }

  /** Lines of here-document bodies and terminators: never touched. */
  private heredocLines(instruction: Instruction): Set<number> {
    const lines = new Set<number>();
    // ONBUILD RUN <<EOF: the here-documents are the trigger's.
    for (const heredoc of heredocsOf(instruction)) {
      const from = this.lineOf(heredoc.body.start);
      const endOffset = heredoc.terminator ? heredoc.terminator.end : heredoc.body.end;
      const to = this.lineOf(Math.max(heredoc.body.start, endOffset - (heredoc.terminator ? 0 : 1)));
      if (heredoc.terminator === undefined && heredoc.body.end === heredoc.body.start) continue;
      for (let line = from; line <= to; line++) lines.add(line);
    }
    return lines;
  }

  /**
   * Re-parses the formatted instruction alone and compares BuildKit's dumps; with
   * `shellContinuationIndent: 'always'`, a shell-form command may differ in the blanks the shell
   * splits words on, but not in its words.
   */
  private acceptable(instruction: Instruction, edits: readonly Edit[], strategy: Strategy): boolean {
    const firstLine = this.lineOf(instruction.start);
    const from = this.lineStarts[firstLine];
    const to = this.lineEnd(this.lineOf(Math.max(instruction.start, instruction.end - 1)));
    const formatted = applyEdits(this.text.slice(from, to), edits, from);
    const prefix = this.document.ast.escapeChar === '`' ? '# escape=`\n' : '';
    const reparsed = parseDockerfile(prefix + formatted);
    if (reparsed.instructions.length !== 1) return false;
    const before = dumpBuildkit({ ...this.document.ast, instructions: [instruction] });
    if (dumpBuildkit(reparsed) === before) return true;
    return strategy === 'free' && this.shellAlways && sameShellWords(instruction, reparsed.instructions[0]);
  }

  /** The end of the file: LSP's insertFinalNewline / trimFinalNewlines. */
  private formatEnd(): void {
    if (!this.options.insertFinalNewline && !this.options.trimFinalNewlines) return;
    const lines = this.lineStarts.length;
    let lastContent = lines - 1;
    while (lastContent >= 0 && skipBlanks(this.text, this.lineStarts[lastContent], this.lineEnd(lastContent)) === this.lineEnd(lastContent)) lastContent--;
    if (lastContent < 0) return;
    const tailStart = this.lineEnd(lastContent);
    const tail = this.text.slice(tailStart);
    const eol = this.firstLineBreak();
    let wanted = tail;
    if (this.options.trimFinalNewlines && tail.length > 0) wanted = eol;
    if (this.options.insertFinalNewline && wanted === '') wanted = eol;
    if (wanted === tail) return;
    for (let i = this.edits.length - 1; i >= 0; i--) if (this.edits[i].start >= tailStart) this.edits.splice(i, 1);
    this.edits.push({ start: tailStart, end: this.text.length, text: wanted });
  }

  private firstLineBreak(): string {
    const lf = this.text.indexOf('\n');
    if (lf < 0) return this.text.includes('\r') ? '\r' : '\n';
    return lf > 0 && this.text.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
  }
}

const SHELL_COMMANDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);
/** Instructions whose shell-form arguments BuildKit splits into words on blanks. */
const WORD_SPLIT = new Set(['FROM', 'COPY', 'ADD', 'EXPOSE', 'VOLUME', 'ARG']);

/**
 * Same instruction, same flags and here-documents, shell-form command whose words (split on
 * blanks outside quotes, as /bin/sh does) are the same: only blanks between words differ.
 */
function sameShellWords(before: Instruction, after: Instruction): boolean {
  const a = before.trigger ?? before;
  const b = after.trigger ?? after;
  if (a.name !== b.name || !SHELL_COMMANDS.has(a.name) || a.form === 'exec' || b.form === 'exec') return false;
  if (a.flags.map((flag) => flag.raw).join('\0') !== b.flags.map((flag) => flag.raw).join('\0')) return false;
  if (a.heredocs.map((heredoc) => heredoc.content).join('\0') !== b.heredocs.map((heredoc) => heredoc.content).join('\0')) return false;
  if (a.args.length !== b.args.length) return false;
  return a.args.every((arg, index) => {
    const other = b.args[index].value;
    if (arg.value === other) return true;
    const wordsA = shellWords(arg.value);
    const wordsB = shellWords(other);
    return wordsA !== undefined && wordsB !== undefined && wordsA.join('\0') === wordsB.join('\0');
  });
}

/** Words split on blanks outside quotes and escapes; undefined when a quote is left open. */
export function shellWords(command: string): string[] | undefined {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote = 0;
  for (let i = 0; i < command.length; i++) {
    const code = command.charCodeAt(i);
    // Blanks as sh reads them: a carriage return is part of a word (BuildKit keeps one that is not
    // before a line feed), though editors count it as a line break.
    if (quote === 0 && (code === SPACE || code === TAB || code === 10)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    word += command[i];
    if (code === 92 /* \\ */ && quote !== 39 && i + 1 < command.length) {
      word += command[++i];
    } else if (quote === 0 && (code === 39 || code === 34)) {
      quote = code;
    } else if (code === quote) {
      quote = 0;
    }
  }
  if (quote !== 0) return undefined;
  if (inWord) words.push(word);
  return words;
}


function skipBlanks(text: string, from: number, end: number): number {
  while (from < end) {
    const code = text.charCodeAt(from);
    if (code !== SPACE && code !== TAB) break;
    from++;
  }
  return from;
}

function trimBlanksEnd(text: string, start: number, end: number): number {
  while (end > start) {
    const code = text.charCodeAt(end - 1);
    if (code !== SPACE && code !== TAB) break;
    end--;
  }
  return end;
}

/** The here-documents an instruction reads: its own, or its ONBUILD trigger's. */
function heredocsOf(instruction: Instruction): readonly Instruction['heredocs'][number][] {
  return instruction.trigger ? [...instruction.heredocs, ...instruction.trigger.heredocs] : instruction.heredocs;
}

/**
 * Sorted edits with exact repeats removed: a line that is both the instruction's first and the
 * line before a continuation (` \` at the very start) has its leading blank removed by both
 * rules, and editors refuse overlapping edits. Any other overlap: no edit at all for it.
 */
function withoutOverlaps(edits: Edit[]): Edit[] {
  const kept: Edit[] = [];
  for (const edit of edits) {
    const last = kept[kept.length - 1];
    if (last && last.start === edit.start && last.end === edit.end && last.text === edit.text) continue;
    if (last && edit.start < last.end) return [];
    kept.push(edit);
  }
  return kept;
}
