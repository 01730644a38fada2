// The Dockerfile parser: BuildKit's grammar (frontend/dockerfile/parser) with exact source
// ranges, and fault tolerant — where BuildKit stops at the first error, this records a
// problem and goes on, so the editor always has a whole tree. One pass over the text, no
// regular expressions on user text: time is linear in the size of the input.
import { commonPrefixLength, isAsciiLetter, isDigit, isSpace, skipSpace, trimSpaceEnd } from './chars';
import { detach } from './detach';
import { ForwardSearch } from './forwardSearch';
import { continuationAt, hasHeredocMarker, InstructionNode, InstructionSplitter, mustSplitEagerly, readKeywordTransient, unknownInstructionMessage, type DocumentSearches, type LogicalLine } from './instructionParts';
import { hiddenSlot } from './hiddenSlot';
import { Int32List } from './int32List';
import { LineIndex } from './lineIndex';
import { listOf } from './lists';
import { SOURCE_MAP, SpanNode, TokenNode, sortByStart, type SourceText } from './located';
import { CommentNode, DirectiveNode, EMPTY, HeredocNode, ProblemNode } from './nodes';
import { lexShellWord } from './shellLexer';
import { detectSyntax } from './syntaxDirective';
import type { Comment, Directive, DockerfileAst, Heredoc, Instruction, Problem, ProblemCode, Span, Token } from './types';

/** A parsed Dockerfile plus the line index its ranges were computed with. */
export interface ParsedDockerfile extends DockerfileAst {
  readonly lines: LineIndex;
  /** The text and line index every located value computes its range from. */
  readonly source: SourceText;
}

// bufio.Scanner's limit: BuildKit rejects a physical line longer than this many UTF-8 bytes.
const MAX_LINE_BYTES = 65535;

const HEREDOC_INSTRUCTIONS = new Set(['ADD', 'COPY', 'RUN']);
// Shared empty lists, replaced by a list made at its first item: never pushed to.
const NO_COMMENTS: Comment[] = [];
const NO_HEREDOCS: Heredoc[] = [];


/**
 * Where the parser stood after each top-level instruction of one parse: what a parse of the
 * next version of the document needs to start after the instructions it keeps.
 */
interface ParseMemory {
  /**
   * Two numbers per instruction: the offset reading went on from (the start of the line after
   * it, here-documents included; past the end of the text when reading stopped there wanting
   * more: a continuation, an unterminated here-document, a last line without a line break), and
   * the parser's line count there.
   */
  readonly resume: Int32Array;
}

/**
 * The resume points of the parse under way, copied out at their size when it ends. One list
 * serves every parse (a parse never starts during another): a list per parse was two typed
 * arrays more to allocate, which costs more than the parse of a small file's lines.
 */
const resumePoints = new Int32List(1024);

// What the next version's parse reuses, kept on the result (see hiddenSlot.ts for why not a WeakMap).
const memories = hiddenSlot<ParsedDockerfile, ParseMemory>('parse memory');

/**
 * Parses a Dockerfile. Never throws: problems are reported in `problems`.
 *
 * Given the parse of an earlier version of the same document (`previous`), the instructions that
 * lie wholly before the first changed character — their lines, line breaks and here-documents
 * included, none of them read up to the end of that version — are the same objects in the new
 * tree (their ranges then read the new text, identical up to there); reading resumes after the
 * last of them. The result is exactly what parsing the text from scratch gives.
 */
export function parseDockerfile(text: string, previous?: ParsedDockerfile): ParsedDockerfile {
  if (!previous) return new Parser(text, undefined, 0).parse();
  const unchanged = commonPrefixLength(previous.text, text);
  const parser = new Parser(text, previous.lines, unchanged);
  parser.reuse(previous, unchanged);
  return parser.parse();
}

/** How many leading instructions of `previous` a parse of a text that starts with its first `unchanged` characters keeps. */
function reusableInstructions(previous: ParsedDockerfile, unchanged: number): number {
  const memory = memories.get(previous);
  if (!memory) return 0;
  const resume = memory.resume;
  // Everything the reading of the instruction looked at is unchanged.
  let count = 0;
  while (count * 2 < resume.length && resume[count * 2] <= unchanged) count++;
  return count;
}

class Parser {
  private readonly lines: LineIndex;
  private readonly source: { text: string; lines: LineIndex; escape: number; map: readonly number[]; detachTexts: boolean };
  /**
   * The source of the nodes this parse reads (instructions, and the comments, directives and
   * problems among them). A later parse that keeps some of them points this object at its own
   * text without touching the nodes; the nodes it did not keep then read that text too, but
   * they belong to the superseded version, which nothing reads after. (One object per
   * instruction kept those right, at the cost of 8,500 objects on a 10,000-line file, each one
   * copied by the young-generation collector: 5% of parse + model.)
   */
  private chunk: { text: string; lines: LineIndex; escape: number; map: readonly number[]; detachTexts: boolean };
  private splitter: InstructionSplitter;
  /** `<<` and `[` in the text, for the instructions read in place (they come in order). */
  private readonly searches: DocumentSearches;
  /** Per instruction (the kept ones first): where reading went on, and the line count there. */
  private readonly resume: Int32List;
  /** Set by `reuse`: where reading starts, the line count there, and the instructions kept. */
  private resumeAt = -1;
  private resumeLineNumber = 0;
  /** The instruction being read reached the end of the text wanting more (a continuation, a here-document). */
  private wantsMore = false;
  private readonly problems: Problem[] = [];
  private readonly comments: Comment[] = [];
  private readonly directives: Directive[] = [];
  private instructions: Instruction[] = [];
  private escapeChar: '\\' | '`' = '\\';
  private escape = 0x5c;
  private lineTooLongReported = false;
  // The instruction being read (gatherInstruction → finishInstruction), and the reading position.
  private pos = 0;
  private heredocLines = 0;
  private gatheredStart = 0;
  private gatheredEnd = 0;
  private gatheredLineEnd = 0;
  private gatheredNext = 0;
  private gatheredLineNumber = 0;
  private gatheredFirstContinuation = -1;
  private gatheredText: string | undefined = undefined;
  private gatheredMap: number[] | undefined = undefined;
  private gatheredComments: readonly Comment[] = EMPTY;
  private gatheredEmptyLines: readonly number[] = EMPTY;
  private readonly pieceScratch: string[] = [];
  private readonly mapScratch: number[] = [];

  constructor(
    private readonly text: string,
    previousLines: LineIndex | undefined,
    unchanged: number,
  ) {
    this.lines = new LineIndex(text, previousLines, unchanged);
    resumePoints.length = 0;
    this.resume = resumePoints;
    this.source = { text, lines: this.lines, escape: 0x5c, map: SOURCE_MAP, detachTexts: false };
    this.chunk = { text, lines: this.lines, escape: 0x5c, map: SOURCE_MAP, detachTexts: false };
    this.splitter = new InstructionSplitter(this.chunk, 0x5c, this.problems);
    this.searches = { heredocMarkers: new ForwardSearch(text, '<<'), brackets: new ForwardSearch(text, '[') };
  }

  /** Keeps the leading instructions of an earlier version's parse that this text leaves as they were. */
  reuse(previous: ParsedDockerfile, unchanged: number): void {
    const count = reusableInstructions(previous, unchanged);
    if (count === 0) return;
    const memory = memories.get(previous) as ParseMemory;
    const resumeAt = memory.resume[(count - 1) * 2];
    this.resumeAt = resumeAt;
    this.resumeLineNumber = memory.resume[(count - 1) * 2 + 1];
    this.escapeChar = previous.escapeChar;
    this.escape = this.escapeChar.charCodeAt(0);
    this.source.escape = this.escape;
    this.chunk.escape = this.escape;
    // A V8 slice keeps its whole text alive. The kept nodes hold slices of the versions that
    // read them, and this version's nodes will be kept in turn by later versions: had they
    // slices of this text too, every edit below the earlier ones would leave one more whole
    // text behind (50 edits moving down a 10,000-line file kept 51 texts, 18 MB). So the
    // strings read from here on are copies; only the first version's text stays, for its nodes.
    this.chunk.detachTexts = true;
    this.splitter = new InstructionSplitter(this.chunk, this.escape, this.problems, true);
    const instructions = previous.instructions;
    // The kept nodes (and the comments, directives and problems before them) read the new text
    // from now on. Each points at the source of the parse that read it: a few objects in all.
    let moved: { text: string; lines: LineIndex; detachTexts: boolean } | undefined;
    for (let i = 0; i < count; i++) {
      const chunk = (instructions[i] as InstructionNode).source as { text: string; lines: LineIndex; detachTexts: boolean };
      if (chunk === moved) continue;
      chunk.text = this.text;
      chunk.lines = this.lines;
      // A kept node split only now (on its first read) copies its strings too.
      chunk.detachTexts = true;
      moved = chunk;
    }
    this.instructions = instructions.slice(0, count);
    this.resume.pushAll(memory.resume.subarray(0, count * 2));
    this.directives.push(...previous.directives);
    for (const comment of previous.comments) {
      if (comment.start >= resumeAt) break;
      this.comments.push(comment);
    }
    for (const problem of previous.problems) {
      if (problem.start >= resumeAt) break;
      this.problems.push(problem);
      if (problem.code === 'line-too-long') this.lineTooLongReported = true;
    }
  }

  parse(): ParsedDockerfile {
    const text = this.text;
    const length = text.length;
    const hasBom = text.charCodeAt(0) === 0xfeff;
    const resuming = this.resumeAt >= 0;
    let pos = resuming ? this.resumeAt : hasBom ? 1 : 0;
    let lineNumber = resuming ? this.resumeLineNumber : 0;
    let directivesDone = resuming;
    const seenDirectives = new Set<string>();
    // Lists are made at their first item (see lists.ts): most hold one comment, and a list grown
    // from empty by push keeps room for 17.
    let preceding = NO_COMMENTS;

    while (pos < length) {
      const lineStart = pos;
      const newline = text.indexOf('\n', pos);
      const lineEnd = newline < 0 ? length : newline;
      const next = newline < 0 ? length : newline + 1;
      const contentEnd = trimCarriageReturns(text, lineStart, lineEnd);
      this.checkLineLength(lineStart, contentEnd);
      const start = skipSpace(text, lineStart, contentEnd);
      const isComment = start < contentEnd && text.charCodeAt(start) === 0x23;

      if (!directivesDone) {
        const directive = isComment ? this.matchDirective(start, contentEnd) : undefined;
        if (directive && !seenDirectives.has(directive.name)) {
          seenDirectives.add(directive.name);
          this.directives.push(directive);
          if (directive.name === 'escape') this.setEscape(directive);
          pos = next;
          lineNumber++;
          continue;
        }
        if (directive) {
          this.problem('duplicate-directive', directive.start, directive.end, `Only one ${directive.name} parser directive can be used: remove this one.`);
          pos = next;
          lineNumber++;
          continue;
        }
        directivesDone = true;
      }

      if (isComment) {
        const comment = this.comment(start, contentEnd);
        this.comments.push(comment);
        // BuildKit's "previous comments": an empty `#` line starts a new block.
        if (comment.value === '') preceding = NO_COMMENTS;
        else if (preceding === NO_COMMENTS) preceding = listOf(comment);
        else preceding.push(comment);
        pos = next;
        lineNumber++;
        continue;
      }
      if (start === contentEnd) {
        pos = next;
        lineNumber++;
        continue;
      }

      this.wantsMore = false;
      this.gatherInstruction(start, contentEnd, next, lineNumber);
      this.pos = this.gatheredNext;
      const instruction = this.finishInstruction(preceding);
      pos = this.pos;
      lineNumber = this.gatheredLineNumber + this.heredocLines;
      this.instructions.push(instruction);
      // An instruction whose reading ended at the end of the text would read on if text were added.
      this.resume.push(this.wantsMore || text.charCodeAt(pos - 1) !== 0x0a ? length + 1 : pos);
      this.resume.push(lineNumber);
      preceding = NO_COMMENTS;
    }

    if (this.instructions.length === 0) {
      this.problem('no-instructions', length, length, 'The file has no instructions: a Dockerfile needs at least a FROM instruction.');
    }
    sortByStart(this.problems);
    const ast: ParsedDockerfile = {
      text,
      lines: this.lines,
      source: this.source,
      directives: this.directives,
      instructions: this.instructions,
      comments: this.comments,
      problems: this.problems,
      escapeChar: this.escapeChar,
      hasBom,
      syntax: detectSyntax(this.source),
    };
    memories.set(ast, { resume: this.resume.toArray() });
    return ast;
  }

  // ---- lines, comments, directives

  private checkLineLength(start: number, end: number): void {
    if (this.lineTooLongReported || (end - start) * 3 <= MAX_LINE_BYTES) return;
    if (utf8Length(this.text, start, end) <= MAX_LINE_BYTES) return;
    this.lineTooLongReported = true;
    this.problem('line-too-long', start, end, `This line is longer than ${MAX_LINE_BYTES} bytes, the most BuildKit reads: split it with line continuations.`);
  }

  private comment(start: number, end: number): Comment {
    const text = this.text;
    const valueStart = skipSpace(text, start + 1, end);
    const valueEnd = trimSpaceEnd(text, valueStart, end);
    const value = text.slice(valueStart, valueEnd);
    return new CommentNode(start, end, this.chunk, this.chunk.detachTexts ? detach(value) : value);
  }

  /** `# name=value` with BuildKit's rules (`^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$`). */
  private matchDirective(start: number, end: number): Directive | undefined {
    const text = this.text;
    const keyStart = skipSpace(text, start + 1, end);
    let i = keyStart;
    if (i >= end || !isAsciiLetter(text.charCodeAt(i))) return undefined;
    while (i < end && (isAsciiLetter(text.charCodeAt(i)) || isDigit(text.charCodeAt(i)))) i++;
    const keyEnd = i;
    while (i < end && isRegexSpace(text.charCodeAt(i))) i++;
    if (i >= end || text.charCodeAt(i) !== 0x3d) return undefined;
    i++;
    const afterEquals = i;
    if (afterEquals >= end) return undefined;
    while (i < end && isRegexSpace(text.charCodeAt(i))) i++;
    // The value is at least one character, even when only spaces follow the `=`.
    const valueStart = i < end ? i : end - 1;
    let valueEnd = end;
    while (valueEnd > valueStart + 1 && isRegexSpace(text.charCodeAt(valueEnd - 1))) valueEnd--;
    const name = text.slice(keyStart, keyEnd).toLowerCase();
    if (name !== 'syntax' && name !== 'escape' && name !== 'check') return undefined;
    return new DirectiveNode(
      start,
      end,
      this.chunk,
      name,
      this.sourceToken(keyStart, keyEnd, name),
      this.sourceToken(valueStart, valueEnd, text.slice(valueStart, valueEnd)),
    );
  }

  private setEscape(directive: Directive): void {
    const value = directive.valueToken.value;
    if (value === '\\' || value === '`') {
      this.escapeChar = value;
      this.escape = value.charCodeAt(0);
      this.source.escape = this.escape;
      this.chunk.escape = this.escape;
      this.splitter = new InstructionSplitter(this.chunk, this.escape, this.problems);
      return;
    }
    this.problem('invalid-escape-directive', directive.valueToken.start, directive.valueToken.end, `Invalid escape character '${value}': use \` or \\.`);
  }

  // ---- instructions

  /**
   * Reads an instruction's lines (continuations, comment and empty lines inside them) into the
   * `gathered…` fields: one instruction at a time, so nothing is allocated to hand them over.
   * A one-line instruction's logical text is left unsliced (`gatheredText` undefined).
   */
  private gatherInstruction(start: number, contentEnd: number, next: number, lineNumber: number): void {
    const text = this.text;
    const length = text.length;
    let comments: Comment[] | undefined;
    let emptyLines: number[] | undefined;
    let continued = this.continuationAt(start, contentEnd);
    this.gatheredStart = start;
    this.gatheredFirstContinuation = continued;
    this.gatheredLineEnd = contentEnd;
    this.gatheredText = undefined;
    this.gatheredMap = undefined;
    if (continued < 0) {
      this.gatheredEnd = contentEnd;
      this.gatheredNext = next;
      this.gatheredLineNumber = lineNumber + 1;
      this.gatheredComments = EMPTY;
      this.gatheredEmptyLines = EMPTY;
      return;
    }
    const firstPiece = text.slice(start, continued);
    // Pieces are joined once at the end: appending to a string line by line would build a chain
    // of thousands of partial strings for a long continuation. They and the map are gathered in
    // the parser's scratch lists, and copied out at their size.
    const pieces = this.pieceScratch;
    let pieceCount = 1;
    pieces[0] = firstPiece;
    let logicalLength = firstPiece.length;
    const map = this.mapScratch;
    let mapLength = 2;
    map[0] = 0;
    map[1] = start;
    let lastContentEnd = contentEnd;
    let pos = next;
    lineNumber++;
    while (continued >= 0 && pos < length) {
      const lineStart = pos;
      const newline = text.indexOf('\n', pos);
      const lineEnd = newline < 0 ? length : newline;
      pos = newline < 0 ? length : newline + 1;
      const end = trimCarriageReturns(text, lineStart, lineEnd);
      this.checkLineLength(lineStart, end);
      const first = skipSpace(text, lineStart, end);
      if (first < end && text.charCodeAt(first) === 0x23) {
        const comment = this.comment(first, end);
        if (comments === undefined) comments = listOf(comment);
        else comments.push(comment);
        this.comments.push(comment);
        lineNumber++;
        continue;
      }
      if (first === end) {
        (emptyLines ??= []).push(lineNumber);
        lineNumber++;
        continue;
      }
      continued = this.continuationAt(lineStart, end);
      const pieceEnd = continued >= 0 ? continued : end;
      if (pieceEnd > lineStart) {
        if (logicalLength === 0) {
          map[1] = lineStart;
        } else {
          map[mapLength++] = logicalLength;
          map[mapLength++] = lineStart;
        }
        pieces[pieceCount++] = text.slice(lineStart, pieceEnd);
        logicalLength += pieceEnd - lineStart;
      }
      lastContentEnd = end;
      lineNumber++;
    }
    if (continued >= 0) this.wantsMore = true;
    this.gatheredEnd = lastContentEnd;
    this.gatheredNext = pos;
    this.gatheredLineNumber = lineNumber;
    this.gatheredText = pieceCount === 1 ? firstPiece : pieces.slice(0, pieceCount).join('');
    this.gatheredMap = mapLength === 2 ? listOf(map[0], map[1]) : mapLength === 4 ? listOf(map[0], map[1], map[2], map[3]) : map.slice(0, mapLength);
    this.gatheredComments = comments ?? EMPTY;
    this.gatheredEmptyLines = emptyLines ?? EMPTY;
  }

  private continuationAt(start: number, end: number): number {
    return continuationAt(this.text, start, end, this.escape);
  }

  /** Makes the instruction the `gathered…` fields describe, reading its here-documents; sets `pos` and `lineNumber` past them. */
  private finishInstruction(preceding: readonly Comment[]): InstructionNode {
    const text = this.text;
    const start = this.gatheredStart;
    const lineText = this.gatheredText;
    const oneLine = lineText === undefined;
    // The keyword is read where the logical text is: the source itself for a one-line instruction.
    // Transient (one shared record): nothing below reads another keyword before the split has taken its fields.
    const keyword = oneLine ? readKeywordTransient(text, start, this.gatheredLineEnd) : readKeywordTransient(lineText, 0, lineText.length);
    // A one-line instruction ends where its line does (gatheredEnd is gatheredLineEnd then).
    const node = new InstructionNode(start, this.gatheredEnd, this.chunk, undefined, keyword.name, lineText, this.gatheredMap);
    if (keyword.name === '') {
      const stray = this.gatheredFirstContinuation >= 0 ? this.span(this.gatheredFirstContinuation, this.gatheredFirstContinuation + 1) : this.span(start, this.gatheredEnd);
      this.problem('unknown-instruction', stray.start, stray.end, 'A line continuation with no instruction: remove the stray escape character.');
    } else if (!keyword.known) {
      if (oneLine) this.problem('unknown-instruction', keyword.start, keyword.end, unknownInstructionMessage(keyword.text));
      else this.splitter.logicalProblem({ text: lineText, map: node.logicalMap }, 'unknown-instruction', keyword.start, keyword.end, unknownInstructionMessage(keyword.text));
    }
    const scanned = oneLine ? text : lineText;
    const scanFrom = oneLine ? start : 0;
    const scanTo = oneLine ? this.gatheredLineEnd : lineText.length;
    let end = this.gatheredEnd;
    this.heredocLines = 0;
    if (keyword.known && mustSplitEagerly(keyword.name, scanned, scanFrom, scanTo, oneLine ? this.searches : undefined)) {
      // Split where the keyword was read: in place in the source for one line (no line is made).
      node.setParts(this.splitter.split(oneLine ? this.chunk : node.readingLine(), keyword, 0, scanTo));
      const target = node.name === 'ONBUILD' && node.trigger instanceof InstructionNode ? node.trigger : node;
      const marked = oneLine ? this.searches.heredocMarkers.within(scanFrom, scanTo) : hasHeredocMarker(scanned, scanFrom, scanTo);
      if (HEREDOC_INSTRUCTIONS.has(target.name) && marked && target.form !== 'exec') {
        const read = this.readHeredocs(node.line(), this.pos);
        this.pos = read.next;
        this.heredocLines = read.lines;
        if (read.heredocs.length > 0) {
          target.heredocs = read.heredocs;
          end = Math.max(end, read.heredocs[read.heredocs.length - 1].end);
        }
      }
    }
    node.relocate(start, end);
    node.comments = this.gatheredComments;
    if (preceding.length > 0) node.precedingComments = preceding;
    node.emptyContinuationLines = this.gatheredEmptyLines;
    // A first line that does not continue: no continuation characters (a stray `\` line alone has one).
    if (this.gatheredFirstContinuation < 0) node.continuations = EMPTY;
    return node;
  }

  // ---- here-documents

  /**
   * BuildKit's heredocsFromLine: the shell words of the whole line that read `[n]<<[-]word`,
   * each followed, in order, by its body. Reading stops at the first here-document the file
   * ends in: BuildKit rejects the file there, and the markers after it have no body.
   */
  private readHeredocs(line: LogicalLine, next: number): { heredocs: Heredoc[]; next: number; lines: number } {
    let heredocs = NO_HEREDOCS;
    const lexed = lexShellWord(line.text, undefined, { rawQuotes: true, rawEscapes: true, skipUnsetEnv: true }, true);
    if (lexed.error) {
      // BuildKit ignores the lexer's error here and finds no here-document on the line.
      this.unterminatedHeredocQuote(line, lexed.error.start);
      return { heredocs, next, lines: 0 };
    }
    const text = this.text;
    const length = text.length;
    let pos = next;
    let lines = 0;
    for (const word of lexed.words) {
      const marker = this.heredocMarker(line, word);
      if (!marker) continue;
      const bodyStart = pos;
      let terminator: Span | undefined;
      while (pos < length) {
        const lineStart = pos;
        const newline = text.indexOf('\n', pos);
        const lineEnd = newline < 0 ? length : newline;
        pos = newline < 0 ? length : newline + 1;
        lines++;
        const end = trimCarriageReturns(text, lineStart, lineEnd);
        this.checkLineLength(lineStart, end);
        let candidate = lineStart;
        if (marker.stripTabs) while (candidate < end && text.charCodeAt(candidate) === 0x09) candidate++;
        if (end - candidate === marker.name.length && text.startsWith(marker.name, candidate)) {
          terminator = this.span(lineStart, end);
          break;
        }
      }
      const bodyEnd = terminator ? terminator.start : pos;
      const body = heredocContent(text, bodyStart, bodyEnd);
      const content = this.chunk.detachTexts ? detach(body) : body;
      const end = terminator ? terminator.end : bodyEnd;
      const heredoc = new HeredocNode(
        marker.token.start,
        end,
        this.chunk,
        marker.token,
        marker.name,
        marker.fileDescriptor,
        marker.expand,
        marker.stripTabs,
        content,
        this.span(bodyStart, bodyEnd),
        terminator,
      );
      if (heredocs === NO_HEREDOCS) heredocs = listOf<Heredoc>(heredoc);
      else heredocs.push(heredoc);
      if (!terminator) {
        this.wantsMore = true;
        this.problem(
          'unterminated-heredoc',
          marker.token.start,
          marker.token.end,
          `The here-document ${marker.token.text} is not terminated: add a line containing only ${marker.name}.`,
        );
        break;
      }
    }
    return { heredocs, next: pos, lines };
  }

  /** A quote left open in a `<<'EOF` word: the line has no here-document for BuildKit. */
  private unterminatedHeredocQuote(line: LogicalLine, quoteAt: number): void {
    const s = line.text;
    let wordStart = quoteAt;
    while (wordStart > 0 && !isSpace(s.charCodeAt(wordStart - 1))) wordStart--;
    // `<< 'EOF`: the blanks after `<<` belong to its word.
    let blanks = wordStart;
    while (blanks > 0 && (s.charCodeAt(blanks - 1) === 0x20 || s.charCodeAt(blanks - 1) === 0x09)) blanks--;
    if (blanks < wordStart && blanks >= 2 && s.startsWith('<<', blanks - 2)) {
      wordStart = blanks - 2;
      while (wordStart > 0 && !isSpace(s.charCodeAt(wordStart - 1))) wordStart--;
    }
    let i = wordStart;
    while (i < quoteAt && isDigit(s.charCodeAt(i))) i++;
    if (!s.startsWith('<<', i) || i + 2 > quoteAt) return;
    let wordEnd = quoteAt;
    while (wordEnd < s.length && !isSpace(s.charCodeAt(wordEnd))) wordEnd++;
    const word = s.slice(wordStart, wordEnd);
    const quote = s[quoteAt];
    this.splitter.logicalProblem(
      line,
      'heredoc-quote-unterminated',
      wordStart,
      wordEnd,
      `The here-document delimiter ${word} has a ${quote} quote left open: close it (${word}${quote}). Until then BuildKit reads no here-document here, and the lines below are read as instructions.`,
    );
  }

  /** The here-document a shell word opens, if it is one: `[n]<<[-]word`. */
  private heredocMarker(line: LogicalLine, word: { value: string; start: number; end: number }): HeredocMarker | undefined {
    const value = word.value;
    let i = 0;
    while (i < value.length && isDigit(value.charCodeAt(i))) i++;
    if (!value.startsWith('<<', i)) return undefined;
    const digits = value.slice(0, i);
    i += 2;
    const stripTabs = value.charCodeAt(i) === 0x2d;
    if (stripTabs) i++;
    // `^(\d*)<<(-?)\s*([^<]*)$`: blanks may separate the marker from the delimiter.
    while (i < value.length && isRegexSpace(value.charCodeAt(i))) i++;
    const rest = value.slice(i);
    if (rest === '' || rest.includes('<')) return undefined;
    const fileDescriptor = digits === '' ? undefined : Number(digits);
    if (isPlainWord(rest)) return { token: this.splitter.token(line, word.start, word.end, value), name: rest, fileDescriptor, expand: true, stripTabs };
    const unquoted = lexShellWord(rest, undefined, { skipUnsetEnv: true }, true);
    if (unquoted.error) {
      this.splitter.logicalProblem(line, 'heredoc-word-invalid', word.start, word.end, `Invalid here-document delimiter ${value}: ${unquoted.error.message}.`);
      return undefined;
    }
    if (unquoted.words.length !== 1) return undefined;
    const raw = lexShellWord(rest, undefined, { rawQuotes: true, skipUnsetEnv: true }, true);
    const name = unquoted.words[0].value;
    // Quoting any part of the delimiter turns expansion off.
    const expand = countQuotes(name) === countQuotes(raw.words[0]?.value ?? name);
    return { token: this.splitter.token(line, word.start, word.end, value), name, fileDescriptor, expand, stripTabs };
  }

  // ---- locations

  private span(start: number, end: number): Span {
    return new SpanNode(start, end, this.chunk);
  }

  private sourceToken(start: number, end: number, value: string): Token {
    return new TokenNode(start, end, this.chunk, value);
  }




  private problem(code: ProblemCode, start: number, end: number, message: string, severity: 'error' | 'warning' = 'error'): void {
    this.problems.push(new ProblemNode(start, end, this.chunk, code, severity, message));
  }

}


interface HeredocMarker {
  readonly token: Token;
  readonly name: string;
  readonly fileDescriptor: number | undefined;
  readonly expand: boolean;
  readonly stripTabs: boolean;
}

function trimCarriageReturns(text: string, start: number, end: number): number {
  while (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
  return end;
}

/**
 * The body lines as BuildKit's line scanner hands them over: each line's trailing CR (of a
 * CRLF line break) dropped.
 */
function heredocContent(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  if (!raw.includes('\r')) return raw;
  let out = '';
  let from = 0;
  for (let i = raw.indexOf('\r'); i >= 0; i = raw.indexOf('\r', i + 1)) {
    if (i + 1 === raw.length || raw.charCodeAt(i + 1) === 0x0a) {
      out += raw.slice(from, i);
      from = i + 1;
    }
  }
  return out + raw.slice(from);
}

/** Go's `\s` in regular expressions. */
function isRegexSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

/** A delimiter the lexer would leave as it is: no quotes, escapes, variables or blanks. */
function isPlainWord(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x27 || c === 0x22 || c === 0x5c || c === 0x24 || c === 0x60 || isSpace(c)) return false;
  }
  return true;
}

function countQuotes(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x27 || c === 0x22) count++;
  }
  return count;
}

function utf8Length(text: string, start: number, end: number): number {
  let bytes = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < end) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
