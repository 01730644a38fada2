// An instruction's logical line split into flags and arguments the way BuildKit does
// (splitCommand + the per-instruction line parsers). The parser splits only the instructions
// that can have a syntax problem there (ENV, LABEL, ONBUILD, text holding `[`, here-documents);
// every other instruction is split the first time one of its parts is read. Most of a big
// file's tokens are then never created, and those that are do not all live through the parse.
import { indexIn, isBlank, isSpace, NATIVE_SEARCH_LENGTH, skipSpace, trimSpaceEnd } from './chars';
import { detach } from './detach';
import { shownText } from './shownText';
import type { ForwardSearch } from './forwardSearch';
import { listOf } from './lists';
import { instructionName, INSTRUCTION_NAMES } from '../instructionNames';
import { parseJsonArray } from './jsonArray';
import { SpanNode, TokenNode, type SourceText } from './located';
import { EMPTY, FlagNode, JsonFallbackNode, KeyValueNode, ProblemNode } from './nodes';
import { logicalEndToSource, logicalToSource, shiftLogicalMap } from './logicalLine';
import { extractFlags, found, splitBlank, splitWords, type Piece } from './splitting';
import type { Comment, ExecForm, Flag, Heredoc, Instruction, JsonFallback, KeyValue, Problem, ProblemCode, Span, Token } from './types';

// Nested ONBUILD triggers are invalid anyway; past this depth we stop descending.
const MAX_TRIGGER_DEPTH = 16;

export interface LogicalLine {
  readonly text: string;
  readonly map: readonly number[];
}

/**
 * What splitting an instruction yields (the lazily computed fields of an Instruction), filled in
 * by the splitter. The arguments' token is made when first read for the instructions whose other
 * parts do not hold it (ENV, ARG, LABEL, FROM, COPY …): the model never reads it there, and those
 * are most of a file's instructions.
 */
class Parts {
  declare flags: readonly Flag[];
  declare argumentsText: Token | undefined;
  /** Where the arguments are in the logical line (-1: none), for making `argumentsText` on demand. */
  declare readonly textStart: number;
  declare readonly textEnd: number;
  declare args: readonly Token[];
  declare form: 'exec' | 'shell' | undefined;
  declare exec: ExecForm | undefined;
  declare jsonFallback: JsonFallback | undefined;
  declare keyValues: readonly KeyValue[];
  declare legacyKeyValue: boolean;
  declare trigger: Instruction | undefined;

  constructor(flags: readonly Flag[], argumentsText: Token | undefined, textStart: number, textEnd: number) {
    this.flags = flags;
    this.argumentsText = argumentsText;
    this.textStart = textStart;
    this.textEnd = textEnd;
    this.args = EMPTY;
    this.form = undefined;
    this.exec = undefined;
    this.jsonFallback = undefined;
    this.keyValues = EMPTY;
    this.legacyKeyValue = false;
    this.trigger = undefined;
  }
}

/** The keyword of a logical line: where it is and which instruction it names. */
export interface Keyword {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Upper-cased name; the canonical name when known. */
  readonly name: string;
  readonly known: boolean;
}

export function readKeyword(s: string, from: number, to: number): Keyword {
  const read = readKeywordTransient(s, from, to);
  return { start: read.start, end: read.end, text: read.text, name: read.name, known: read.known };
}

const transientKeyword: { -readonly [K in keyof Keyword]: Keyword[K] } = { start: 0, end: 0, text: '', name: '', known: false };

/**
 * `readKeyword` into one shared record, overwritten by the next call: for readers that take its
 * fields at once (the parser, a lazy split), so that reading 10,000 instructions allocates no
 * keyword record each — garbage that made the young-generation collector run more often.
 */
export function readKeywordTransient(s: string, from: number, to: number): Keyword {
  const a = skipSpace(s, from, to);
  const b = trimSpaceEnd(s, a, to);
  let k = a;
  while (k < b && !isBlank(s.charCodeAt(k))) k++;
  const read = transientKeyword;
  read.start = a;
  read.end = k;
  const name = knownKeywordAt(s, a, k);
  if (name !== undefined) {
    read.text = name;
    read.name = name;
    read.known = true;
    return read;
  }
  const text = s.slice(a, k);
  const known = instructionName(text);
  read.text = text;
  read.name = known ?? text.toUpperCase();
  read.known = known !== undefined;
  return read;
}

/**
 * The keyword record of a known instruction whose keyword starts at `start`, as
 * `readKeywordTransient` would read it (a known keyword is as long as its name), into the same
 * shared record: for a lazy split, which would otherwise read the keyword the parser read already.
 */
function knownKeywordTransient(start: number, name: string): Keyword {
  const read = transientKeyword;
  read.start = start;
  read.end = start + name.length;
  read.text = name;
  read.name = name;
  read.known = true;
  return read;
}

// Instruction names by length and first letter, to recognise a keyword in place (no slice, no
// upper-casing) with one name to compare at most times: by length alone, a three-letter keyword
// was compared with RUN, CMD, ENV, ADD and ARG in turn (the keyword reader was 6% of a dense file).
const NAMES_BY_SHAPE: readonly (readonly string[] | undefined)[] = (() => {
  const byShape: string[][] = [];
  for (const name of INSTRUCTION_NAMES) (byShape[shapeOf(name.length, name.charCodeAt(0))] ??= []).push(name);
  return byShape;
})();

const LONGEST_NAME = Math.max(...INSTRUCTION_NAMES.map((name) => name.length));

/** A key from a word's length and first character, the same for both letter cases. */
function shapeOf(length: number, first: number): number {
  return length * 32 + (first & 31);
}

/** The instruction `s[start, end)` names in any letter case (ASCII only), or undefined. */
function knownKeywordAt(s: string, start: number, end: number): string | undefined {
  const length = end - start;
  if (length <= 0 || length > LONGEST_NAME) return undefined;
  const candidates = NAMES_BY_SHAPE[shapeOf(length, s.charCodeAt(start))];
  if (!candidates) return undefined;
  next: for (const name of candidates) {
    for (let i = 0; i < name.length; i++) {
      const c = s.charCodeAt(start + i);
      // Upper-case an ASCII letter; anything else must match exactly.
      if ((c >= 0x61 && c <= 0x7a ? c - 0x20 : c) !== name.charCodeAt(i)) continue next;
    }
    return name;
  }
  return undefined;
}

/**
 * Whether splitting this instruction can report a problem, so the parser must split it now:
 * ENV/LABEL pairs, ONBUILD's trigger, JSON that may hold non-strings, here-document markers.
 */
export function mustSplitEagerly(name: string, text: string, from: number, to: number, inText?: DocumentSearches): boolean {
  switch (name) {
    case 'ENV':
    case 'LABEL':
    case 'ONBUILD':
      return true;
    case 'RUN':
    case 'COPY':
    case 'ADD':
      if (inText) return inText.heredocMarkers.within(from, to) || (inText.brackets.within(from, to) && mayHoldNonStringJson(text, from, to));
      return heredocOrJson(text, from, to);
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL':
    case 'VOLUME':
    case 'HEALTHCHECK':
      if (inText && !inText.brackets.within(from, to)) return false;
      return mayHoldNonStringJson(text, from, to);
    default:
      return false;
  }
}

/**
 * The searches a parse makes in the document's text itself, for the instructions it reads in
 * place (one line each): `<<` and `[` found once per occurrence for the whole parse.
 */
export interface DocumentSearches {
  readonly heredocMarkers: ForwardSearch;
  readonly brackets: ForwardSearch;
}

/**
 * `hasHeredocMarker || mayHoldNonStringJson`, for a short one-line text in one pass (most RUN
 * and COPY lines hold neither `<` nor `[`, and two scans of every one showed in profiles).
 */
function heredocOrJson(text: string, from: number, to: number): boolean {
  if (to - from > NATIVE_SEARCH_LENGTH) return hasHeredocMarker(text, from, to) || mayHoldNonStringJson(text, from, to);
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3c /* < */) {
      if (i + 1 < to && text.charCodeAt(i + 1) === 0x3c) return true;
    } else if (c === 0x5b /* [ */) {
      // Past the first `[`: a here-document marker after it still counts.
      return hasHeredocMarker(text, i, to) || mayHoldNonStringJson(text, from, to);
    }
  }
  return false;
}

/**
 * Whether the arguments may be a JSON array holding a non-string (a problem the split reports).
 * Without flags the arguments start at or before the first `[`: JSON from there decides it.
 * With flags (`--x=[`…) the split is left to decide.
 */
function mayHoldNonStringJson(text: string, from: number, to: number): boolean {
  const bracket = indexIn(text, from, to, 0x5b /* [ */);
  if (bracket < 0) return false;
  for (let dash = indexIn(text, from, bracket, 0x2d /* - */); dash >= 0; dash = indexIn(text, dash + 1, bracket, 0x2d)) {
    if (text.charCodeAt(dash + 1) === 0x2d) return true;
  }
  return parseJsonArray(text, bracket, trimSpaceEnd(text, bracket, to), false).kind === 'non-strings';
}

/**
 * A set of ASCII characters looked for in instruction texts: a table for the character loop of a
 * short line (one lookup per character instead of a comparison per code) and the characters for
 * the native search of a long one.
 */
export class AsciiCodes {
  readonly table = new Uint8Array(0x80);
  readonly chars: readonly string[];

  constructor(codes: readonly number[]) {
    for (const code of codes) if (code < 0x80) this.table[code] = 1;
    this.chars = [...new Set(codes)].map((code) => String.fromCharCode(code));
  }

  /** Whether `text[from, to)` holds one of the codes, by the table (for short ranges). */
  foundIn(text: string, from: number, to: number): boolean {
    const table = this.table;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80 && table[c] === 1) return true;
    }
    return false;
  }
}


/** Whether `text[from, to)` holds `<<` (BuildKit looks for here-documents only then). */
export function hasHeredocMarker(text: string, from: number, to: number): boolean {
  if (to - from > NATIVE_SEARCH_LENGTH) return (from === 0 && to === text.length ? text : text.slice(from, to)).includes('<<');
  for (let i = indexIn(text, from, to - 1, 0x3c); i >= 0; i = indexIn(text, i + 1, to - 1, 0x3c)) {
    if (text.charCodeAt(i + 1) === 0x3c) return true;
  }
  return false;
}

/** Splits instructions of one parse; problems go to `problems` when given (eager splitting only). */
export class InstructionSplitter {
  constructor(
    /** The source the nodes it makes compute their ranges from (one per parse). */
    readonly source: SourceText,
    private readonly escape: number,
    private readonly problems: Problem[] | undefined,
    /** Copies the strings its nodes keep instead of slicing the text (see Parser.reuse). */
    private readonly detachTexts = false,
  ) {}

  /**
   * Splits the logical line after the keyword (BuildKit's splitCommand + dispatch). The
   * instruction's text ends at `end` in `line` (the source itself for an instruction on one line:
   * the offsets, `keyword`'s and the parts', are then source offsets).
   */
  split(line: LogicalLine, keyword: Keyword, depth: number, end: number): Parts {
    // The keyword may be the transient record: every field is read here, before anything reads another.
    const s = line.text;
    const b = trimSpaceEnd(s, keyword.start, end);
    const k = keyword.end;
    const name = keyword.name;
    const known = keyword.known;
    let m = k;
    while (m < b && isBlank(s.charCodeAt(m))) m++;
    let flags: readonly Flag[] = EMPTY;
    let rest = skipSpace(s, m, b);
    // Only words that start with `--` can be flags: most instructions have none, and are not
    // handed to extractFlags (they share the frozen empty list).
    if (rest + 1 < b && s.charCodeAt(rest) === 0x2d && s.charCodeAt(rest + 1) === 0x2d) {
      rest = extractFlags(s, rest, b);
      if (found.count > 0) flags = this.flags(line);
    }
    const ra = skipSpace(s, rest, b);
    const rb = trimSpaceEnd(s, ra, b);
    const argumentsText = ra < rb && ARGUMENTS_AS_ARG.has(known ? name : '') ? this.token(line, ra, rb, s.slice(ra, rb)) : undefined;

    // Filled in place and returned: one object per instruction. (A closure over the locals here
    // made V8 allocate a context and a function on every call, for every instruction.) Made by a
    // constructor, not a literal: semantic/values.ts says why.
    const parts = new Parts(flags, argumentsText, ra < rb ? ra : -1, rb);

    switch (known ? name : '') {
      case 'RUN':
      case 'CMD':
      case 'ENTRYPOINT':
      case 'SHELL':
        this.execOrShell(parts, line, ra, ra, rb, false);
        break;
      case 'ADD':
      case 'COPY':
      case 'VOLUME':
        this.execOrShell(parts, line, ra, ra, rb, true);
        break;
      case 'FROM':
      case 'EXPOSE':
        if (ra < rb) parts.args = this.blankSeparated(line, ra, rb);
        break;
      case 'MAINTAINER':
      case 'STOPSIGNAL':
      case 'USER':
      case 'WORKDIR':
        if (argumentsText) parts.args = listOf(argumentsText);
        break;
      case 'ARG':
        if (splitWords(s, ra, rb, this.escape) > 0) parts.keyValues = this.keyValues(line, true, name);
        break;
      case 'ENV':
      case 'LABEL': {
        if (splitWords(s, ra, rb, this.escape) === 0) break;
        if (indexIn(s, found.offsets.get(0), found.offsets.get(2), 0x3d /* = */) < 0) {
          parts.legacyKeyValue = true;
          const pieces = splitBlank(s, ra, rb, 2);
          const key = this.pieceToken(line, pieces[0]);
          const value = pieces.length > 1 ? this.pieceToken(line, pieces[1]) : undefined;
          if (!value) {
            this.logicalProblem(line, 'key-value-missing-value', ra, rb, `${name} ${key.value} has no value: write ${name} ${key.value}=value.`);
          }
          const at = this.logicalSpan(line, ra, rb);
          parts.keyValues = listOf(new KeyValueNode(at.start, at.end, this.source, key, -1, value));
        } else {
          parts.keyValues = this.keyValues(line, false, name);
        }
        break;
      }
      case 'HEALTHCHECK': {
        if (ra >= rb) break;
        let sep = ra;
        while (sep < rb && !isSpace(s.charCodeAt(sep))) sep++;
        const type = this.token(line, ra, sep, s.slice(ra, sep));
        this.execOrShell(parts, line, ra, skipSpace(s, sep, rb), rb, false);
        parts.args = [type, ...parts.args];
        break;
      }
      case 'ONBUILD':
        if (ra < rb) {
          if (depth >= MAX_TRIGGER_DEPTH) {
            this.logicalProblem(line, 'unknown-instruction', ra, rb, 'ONBUILD cannot trigger ONBUILD: remove the nested ONBUILD.');
          } else {
            parts.trigger = this.instruction({ text: s.slice(ra, end), map: shiftLogicalMap(line.map, ra) }, depth + 1);
          }
        }
        break;
      default:
        break;
    }
    return parts;
  }

  /**
   * The arguments from `start` to `end` in exec form when they are a JSON array of strings, else in
   * shell form: one token (`toList` false; the whole arguments' token when they start at `ra`, the
   * start of the arguments) or blank-separated words.
   */
  private execOrShell(parts: Parts, line: LogicalLine, ra: number, start: number, end: number, toList: boolean): void {
    if (start >= end) return;
    const s = line.text;
    if (s.charCodeAt(start) === 0x5b /* [ */) {
      const json = parseJsonArray(s, start, end);
      if (json.kind !== 'invalid') {
        const args = json.elements.length === 0 ? EMPTY : json.elements.map((element) => this.token(line, element.start, element.end, element.value));
        parts.form = 'exec';
        parts.args = args;
        parts.exec = { open: this.logicalSpan(line, start, start + 1), close: this.logicalSpan(line, json.close, json.close + 1), elements: args };
        if (json.kind === 'non-strings') {
          this.logicalProblem(line, 'json-array-not-strings', json.at, end, 'In the JSON (exec) form every element must be a string: quote it, e.g. ["sleep", "10"].');
        }
        return;
      }
      const at = this.logicalSpan(line, start, end);
      parts.jsonFallback = new JsonFallbackNode(at.start, at.end, this.source, json.reason);
    }
    parts.form = 'shell';
    if (toList) parts.args = this.blankSeparated(line, start, end);
    else parts.args = start === ra && parts.argumentsText ? [parts.argumentsText] : [this.token(line, start, end, s.slice(start, end))];
  }

  /** A whole instruction from a logical line that starts with its keyword (ONBUILD's trigger). */
  instruction(line: LogicalLine, depth: number): Instruction {
    const keyword = readKeyword(line.text, 0, line.text.length);
    const token = this.token(line, keyword.start, keyword.end, keyword.name);
    if (!keyword.known && keyword.text !== '') {
      this.logicalProblem(line, 'unknown-instruction', keyword.start, keyword.end, unknownInstructionMessage(keyword.text));
    }
    const at = this.logicalSpan(line, keyword.start, trimSpaceEnd(line.text, keyword.start, line.text.length));
    const node = new InstructionNode(at.start, at.end, this.source, token, keyword.name, line.text, line.map);
    node.setParts(this.split(line, keyword, depth, line.text.length));
    node.continuations = EMPTY;
    return node;
  }

  /** Words separated by blanks, as tokens (BuildKit's parseStringsWhitespaceDelimited). */
  private blankSeparated(line: LogicalLine, start: number, end: number): Token[] {
    const s = line.text;
    // Counted first so the array is allocated at its final size (a growing array over-allocates).
    let count = 0;
    for (let pos = start; pos < end; ) {
      count++;
      while (pos < end && !isBlank(s.charCodeAt(pos))) pos++;
      while (pos < end && isBlank(s.charCodeAt(pos))) pos++;
    }
    const tokens = new Array<Token>(count);
    let pos = start;
    for (let i = 0; i < count; i++) {
      const wordStart = pos;
      while (pos < end && !isBlank(s.charCodeAt(pos))) pos++;
      tokens[i] = this.token(line, wordStart, pos, s.slice(wordStart, pos));
      while (pos < end && isBlank(s.charCodeAt(pos))) pos++;
    }
    return tokens;
  }

  /** The key-value pairs of the words `splitWords` found. */
  private keyValues(line: LogicalLine, isArg: boolean, name: string): KeyValue[] {
    const count = found.count;
    const offsets = found.offsets;
    if (count === 1) return listOf(this.keyValue(line, offsets.get(0), offsets.get(1), offsets.get(2), isArg, name));
    // A list grown by push over-allocates: one or two pairs (most instructions) are made at their size.
    if (count === 2) return listOf(this.keyValue(line, offsets.get(0), offsets.get(1), offsets.get(2), isArg, name), this.keyValue(line, offsets.get(3), offsets.get(4), offsets.get(5), isArg, name));
    const pairs: KeyValue[] = listOf();
    for (let i = 0; i < count * 3; i += 3) pairs.push(this.keyValue(line, offsets.get(i), offsets.get(i + 1), offsets.get(i + 2), isArg, name));
    return pairs;
  }

  /** A `key=value` word from `start` to `end`, its value (quotes kept) ending at `valueEnd`. */
  private keyValue(line: LogicalLine, start: number, end: number, valueEnd: number, isArg: boolean, name: string): KeyValue {
    const s = line.text;
    const equalsAt = indexIn(s, start, valueEnd, 0x3d /* = */);
    // The pair's span, from its offsets (a span object made for them would be garbage at once).
    const spanStart = logicalToSource(line.map, start);
    const spanEnd = logicalEndToSource(line.map, start, end);
    if (equalsAt < 0) {
      const value = s.slice(start, valueEnd);
      if (!isArg) {
        this.logicalProblem(line, 'key-value-missing-equals', start, end, `${name} ${value} has no "=": write ${name} ${value}=value.`);
      }
      return new KeyValueNode(spanStart, spanEnd, this.source, this.token(line, start, valueEnd, value), -1, undefined);
    }
    if (equalsAt === start && !isArg) {
      // BuildKit's parseNameVal: "ENV names can not be blank" / "LABEL names can not be blank".
      this.logicalProblem(line, 'key-value-blank-name', start, end, `${name} names can not be blank: write a name before the "=" (${name} name${s.slice(start, valueEnd)}).`);
    }
    return new KeyValueNode(
      spanStart,
      spanEnd,
      this.source,
      this.token(line, start, equalsAt, s.slice(start, equalsAt)),
      logicalToSource(line.map, equalsAt),
      this.token(line, equalsAt + 1, valueEnd, s.slice(equalsAt + 1, valueEnd)),
    );
  }

  /** The flags `extractFlags` found. */
  private flags(line: LogicalLine): Flag[] {
    const count = found.count;
    if (count === 1) return listOf(this.flag(line, 0));
    if (count === 2) return listOf(this.flag(line, 0), this.flag(line, 1));
    const flags: Flag[] = listOf();
    for (let i = 0; i < count; i++) flags.push(this.flag(line, i));
    return flags;
  }

  private flag(line: LogicalLine, index: number): Flag {
    const offsets = found.offsets;
    const start = offsets.get(index * 4);
    const end = offsets.get(index * 4 + 1);
    const equalsAt = offsets.get(index * 4 + 2);
    const equalsIndex = offsets.get(index * 4 + 3);
    const raw = this.detachTexts ? detach(found.texts[index]) : found.texts[index];
    found.texts[index] = '';
    const nameEnd = equalsAt >= 0 ? equalsAt : end;
    const nameValue = raw.slice(2, equalsIndex >= 0 ? equalsIndex : undefined);
    return new FlagNode(
      logicalToSource(line.map, start),
      logicalEndToSource(line.map, start, end),
      this.source,
      this.token(line, Math.min(start + 2, nameEnd), nameEnd, nameValue),
      equalsAt >= 0 ? this.token(line, equalsAt + 1, end, raw.slice(equalsIndex + 1)) : undefined,
      raw,
    );
  }

  // ---- locations

  logicalSpan(line: LogicalLine, start: number, end: number): Span {
    return new SpanNode(logicalToSource(line.map, start), logicalEndToSource(line.map, start, end), this.source);
  }

  token(line: LogicalLine, start: number, end: number, value: string): Token {
    return new TokenNode(logicalToSource(line.map, start), logicalEndToSource(line.map, start, end), this.source, this.detachTexts ? detach(value) : value);
  }

  private pieceToken(line: LogicalLine, piece: Piece): Token {
    return this.token(line, piece.start, piece.start + piece.value.length, piece.value);
  }

  logicalProblem(line: LogicalLine, code: ProblemCode, start: number, end: number, message: string): void {
    if (!this.problems) return;
    const sourceStart = logicalToSource(line.map, start);
    this.problems.push(new ProblemNode(sourceStart, logicalEndToSource(line.map, start, end), this.source, code, 'error', message));
  }
}

export function unknownInstructionMessage(keyword: string): string {
  const suggestion = closestInstruction(keyword);
  const shown = shownText(keyword);
  return suggestion
    ? `Unknown instruction ${shown}: did you mean ${suggestion}?`
    : `Unknown instruction ${shown}: use one of ${INSTRUCTION_NAMES.join(', ')}.`;
}

function closestInstruction(keyword: string): string | undefined {
  const upper = keyword.toUpperCase();
  if (upper.length > 16) return undefined;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(upper.length / 3)) + 1;
  for (const candidate of INSTRUCTION_NAMES) {
    const distance = editDistance(upper, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * An instruction. The parser sets its eager fields; the split ones (flags, arguments, pairs,
 * exec form, trigger) are computed on first read unless the parser had to split it. For an
 * instruction on one line, the keyword token is made on first read too, and the logical text
 * and its map on every read: they are a slice of the source.
 */
export class InstructionNode extends SpanNode implements Instruction {
  declare name: string;
  private declare extras: InstructionExtras;
  private declare keywordSlot: Token | undefined;
  private declare textSlot: string | undefined;
  private declare mapSlot: readonly number[] | undefined;
  private declare parts: Parts | undefined;

  constructor(
    start: number,
    end: number,
    source: SourceText,
    keyword: Token | undefined,
    name: string,
    logicalText: string | undefined,
    logicalMap: readonly number[] | undefined,
  ) {
    super(start, end, source);
    // Every field is assigned here, in one order, so all instructions share one shape.
    this.name = name;
    // A joined logical text means several lines: their continuation characters are found when asked.
    this.extras = logicalText === undefined ? ONE_LINE : SEVERAL_LINES;
    this.keywordSlot = keyword;
    this.textSlot = logicalText;
    this.mapSlot = logicalMap;
    this.parts = undefined;
  }

  /**
   * Where the first line's content ends: the logical text of a one-line instruction is
   * `source[start, lineEnd)`. That is its end, unless here-documents follow (see relocate): not
   * a field, which every instruction would carry for the few that need it.
   */
  private get lineEnd(): number {
    return this.extras.lineEnd ?? this.end;
  }

  get known(): boolean {
    return KNOWN_NAMES.has(this.name);
  }

  get heredocs(): readonly Heredoc[] {
    return this.extras.heredocs;
  }

  set heredocs(heredocs: readonly Heredoc[]) {
    this.ownExtras().heredocs = heredocs;
  }

  get comments(): readonly Comment[] {
    return this.extras.comments;
  }

  set comments(comments: readonly Comment[]) {
    if (comments.length > 0 || this.extras.comments.length > 0) this.ownExtras().comments = comments;
  }

  get precedingComments(): readonly Comment[] {
    return this.extras.precedingComments;
  }

  set precedingComments(comments: readonly Comment[]) {
    if (comments.length > 0 || this.extras.precedingComments.length > 0) this.ownExtras().precedingComments = comments;
  }

  get emptyContinuationLines(): readonly number[] {
    return this.extras.emptyContinuationLines;
  }

  set emptyContinuationLines(lines: readonly number[]) {
    if (lines.length > 0 || this.extras.emptyContinuationLines.length > 0) this.ownExtras().emptyContinuationLines = lines;
  }

  get keyword(): Token {
    if (this.keywordSlot) return this.keywordSlot;
    const { text, map } = this.readingLine();
    const keyword = readKeyword(text, this.textSlot === undefined ? this.start : 0, this.readingEnd);
    this.keywordSlot = new TokenNode(logicalToSource(map, keyword.start), logicalEndToSource(map, keyword.start, keyword.end), this.source, this.name);
    return this.keywordSlot;
  }

  // A one-line instruction's logical text and map are made on each read, not kept: a kept slice
  // would hold this version's whole text after a later version takes the node over, and a kept
  // map is one more array per instruction. Read them once where they are used more than once.
  get logicalText(): string {
    return this.textSlot ?? this.source.text.slice(this.start, this.lineEnd);
  }

  get logicalMap(): readonly number[] {
    return this.mapSlot ?? [0, this.start];
  }

  /**
   * The logical line for reading it once: a one-line instruction's text and map are made for the
   * occasion and not kept (the tokens read from them keep source offsets and their own values).
   */
  line(): LogicalLine {
    return { text: this.textSlot ?? this.source.text.slice(this.start, this.lineEnd), map: this.mapSlot ?? [0, this.start] };
  }

  /**
   * The line to read the instruction in place, up to `readingEnd`: for an instruction on one
   * line, the source itself (offsets in it are source offsets), so that nothing is made for it.
   */
  readingLine(): LogicalLine {
    return this.textSlot === undefined ? this.source : { text: this.textSlot, map: this.mapSlot! };
  }

  /** Where the instruction's text ends in `readingLine()`. */
  get readingEnd(): number {
    return this.textSlot === undefined ? this.lineEnd : this.textSlot.length;
  }

  /** Whether the logical text holds one of `codes`, without slicing a one-line instruction's text. */
  logicalIncludesAny(codes: AsciiCodes): boolean {
    const sliced = this.lineEnd - this.start > NATIVE_SEARCH_LENGTH ? this.logicalText : this.textSlot;
    if (sliced !== undefined) {
      // A joined multi-line text can be long: the native search is the fastest there.
      for (const char of codes.chars) if (sliced.indexOf(char) >= 0) return true;
      return false;
    }
    return codes.foundIn(this.source.text, this.start, this.lineEnd);
  }

  /** Whether the logical text holds one of `codes` or `lowerCaseWord` (any letter case), in one pass over a one-line instruction. */
  logicalIncludesAnyOrWord(codes: AsciiCodes, lowerCaseWord: string): boolean {
    if (this.textSlot !== undefined || this.lineEnd - this.start > NATIVE_SEARCH_LENGTH) {
      return this.logicalIncludesAny(codes) || this.logicalIncludesIgnoringCase(lowerCaseWord);
    }
    const text = this.source.text;
    const table = codes.table;
    const first = lowerCaseWord.charCodeAt(0);
    const end = this.lineEnd;
    const last = end - lowerCaseWord.length;
    outer: for (let i = this.start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80 && table[c] === 1) return true;
      if ((c | 0x20) !== first || i > last) continue;
      for (let j = 1; j < lowerCaseWord.length; j++) if ((text.charCodeAt(i + j) | 0x20) !== lowerCaseWord.charCodeAt(j)) continue outer;
      return true;
    }
    return false;
  }

  /** Whether the logical text holds `lowerCaseWord` in any letter case. */
  logicalIncludesIgnoringCase(lowerCaseWord: string): boolean {
    if (this.textSlot !== undefined || this.lineEnd - this.start > NATIVE_SEARCH_LENGTH) return caseInsensitive(lowerCaseWord).test(this.logicalText);
    const text = this.source.text;
    const from = this.start;
    const to = this.lineEnd;
    const first = lowerCaseWord.charCodeAt(0);
    const last = to - lowerCaseWord.length;
    outer: for (let i = from; i <= last; i++) {
      if ((text.charCodeAt(i) | 0x20) !== first) continue;
      for (let j = 1; j < lowerCaseWord.length; j++) if ((text.charCodeAt(i + j) | 0x20) !== lowerCaseWord.charCodeAt(j)) continue outer;
      return true;
    }
    return false;
  }

  get continuations(): readonly Span[] {
    const known = this.extras.continuations;
    if (known) return known;
    const spans = continuationsFrom(this.source, this.start);
    this.ownExtras().continuations = spans;
    return spans;
  }

  set continuations(spans: readonly Span[]) {
    if (spans !== this.extras.continuations) this.ownExtras().continuations = spans;
  }

  get flags(): readonly Flag[] {
    return this.split().flags;
  }

  get argumentsText(): Token | undefined {
    const parts = this.split();
    if (parts.argumentsText === undefined && parts.textStart >= 0) {
      // The offsets are in the line the split read.
      const { text, map } = this.readingLine();
      const value = text.slice(parts.textStart, parts.textEnd);
      parts.argumentsText = new TokenNode(logicalToSource(map, parts.textStart), logicalEndToSource(map, parts.textStart, parts.textEnd), this.source, this.source.detachTexts === true ? detach(value) : value);
    }
    return parts.argumentsText;
  }

  get args(): readonly Token[] {
    return this.split().args;
  }

  get form(): 'exec' | 'shell' | undefined {
    return this.split().form;
  }

  get exec(): ExecForm | undefined {
    return this.split().exec;
  }

  get jsonFallback(): JsonFallback | undefined {
    return this.split().jsonFallback;
  }

  get keyValues(): readonly KeyValue[] {
    return this.split().keyValues;
  }

  get legacyKeyValue(): boolean {
    return this.split().legacyKeyValue;
  }

  get trigger(): Instruction | undefined {
    return this.split().trigger;
  }

  /** Whether the parts are split already (the parser split it, or a part was read). */
  get isSplit(): boolean {
    return this.parts !== undefined;
  }

  setParts(parts: Parts): void {
    this.parts = parts;
  }

  private ownExtras(): InstructionExtras {
    if (this.extras === ONE_LINE || this.extras === SEVERAL_LINES) this.extras = new InstructionExtras(this.extras, undefined);
    return this.extras;
  }

  /** Moves the instruction to its final span (continuations and here-documents included). */
  relocate(start: number, end: number): void {
    // A one-line instruction that here-documents extend keeps where its line ends.
    if (this.textSlot === undefined && end !== this.end && this.extras.lineEnd === undefined) this.ownExtras().lineEnd = this.end;
    (this as { start: number }).start = start;
    (this as { end: number }).end = end;
  }

  override toJSON(): Record<string, unknown> {
    const json = super.toJSON();
    for (const key of ['parts', 'extras', 'keywordSlot', 'textSlot', 'mapSlot']) delete json[key];
    json.known = this.known;
    json.heredocs = this.heredocs;
    json.comments = this.comments;
    json.precedingComments = this.precedingComments;
    json.emptyContinuationLines = this.emptyContinuationLines;
    json.keyword = this.keyword;
    json.logicalText = this.logicalText;
    json.logicalMap = this.logicalMap;
    json.continuations = this.continuations;
    const parts = this.split();
    for (const key of PART_KEYS) json[key] = key === 'argumentsText' ? this.argumentsText : parts[key];
    return json;
  }

  private split(): Parts {
    if (this.parts) return this.parts;
    // Nothing in a lazily split instruction can be a problem (mustSplitEagerly), so none is kept.
    const line = this.readingLine();
    const end = this.readingEnd;
    const from = this.textSlot === undefined ? this.start : 0;
    // The parser read the keyword: a known one is the first word of the instruction's text (a
    // stray continuation before it leaves blanks in front).
    const keyword = KNOWN_NAMES.has(this.name) ? knownKeywordTransient(skipSpace(line.text, from, end), this.name) : readKeywordTransient(line.text, from, end);
    this.parts = new InstructionSplitter(this.source, this.source.escape, undefined, this.source.detachTexts === true).split(line, keyword, 0, end);
    return this.parts;
  }
}

const caseInsensitiveWords = new Map<string, RegExp>();

/** A literal word as a case-insensitive regular expression (no backtracking: letters only). */
function caseInsensitive(lowerCaseWord: string): RegExp {
  let regExp = caseInsensitiveWords.get(lowerCaseWord);
  if (!regExp) {
    regExp = new RegExp(lowerCaseWord.replace(/[^a-z0-9]/g, (ch) => `\\${ch}`), 'i');
    caseInsensitiveWords.set(lowerCaseWord, regExp);
  }
  return regExp;
}

/**
 * Offset of the escape character that continues `text[start, end)` onto the next line, or -1.
 * BuildKit: the escape character as the last non-blank character, not itself escaped
 * (`([^\\])\\[ \t]*$|^\\[ \t]*$`).
 */
export function continuationAt(text: string, start: number, end: number, escape: number): number {
  let j = end;
  while (j > start) {
    const c = text.charCodeAt(j - 1);
    if (c !== 0x20 && c !== 0x09) break;
    j--;
  }
  if (j <= start || text.charCodeAt(j - 1) !== escape) return -1;
  if (j - 1 === start || text.charCodeAt(j - 2) !== escape) return j - 1;
  return -1;
}

/** The continuation characters of the instruction starting at `start`, read the way the parser gathers lines. */
function continuationsFrom(source: SourceText, start: number): readonly Span[] {
  const text = source.text;
  const length = text.length;
  let spans: Span[] | undefined;
  let pos = start;
  let first = true;
  while (pos < length) {
    const lineStart = pos;
    const newline = text.indexOf('\n', pos);
    const lineEnd = newline < 0 ? length : newline;
    pos = newline < 0 ? length : newline + 1;
    let end = lineEnd;
    while (end > lineStart && text.charCodeAt(end - 1) === 0x0d) end--;
    if (!first) {
      const content = skipSpace(text, lineStart, end);
      // Comment lines and empty lines inside a continuation do not end it.
      if (content === end || text.charCodeAt(content) === 0x23) continue;
    }
    first = false;
    const at = continuationAt(text, lineStart, end, source.escape);
    if (at < 0) break;
    (spans ??= []).push(new SpanNode(at, at + 1, source));
  }
  return spans ?? EMPTY;
}

/**
 * What few instructions have, kept apart so the many without it share one record. A class, so
 * that an instruction's own copy is made by its constructor (a spread of the shared record went
 * through V8's generic object copy).
 */
class InstructionExtras {
  declare heredocs: readonly Heredoc[];
  declare comments: readonly Comment[];
  declare precedingComments: readonly Comment[];
  declare emptyContinuationLines: readonly number[];
  /** Undefined until read for an instruction of several lines. */
  declare continuations: readonly Span[] | undefined;
  /** Where the line of a one-line instruction ends when here-documents follow it (its end is theirs); else undefined. */
  declare lineEnd: number | undefined;

  constructor(from: InstructionExtras | undefined, continuations: readonly Span[] | undefined) {
    this.heredocs = from ? from.heredocs : EMPTY;
    this.comments = from ? from.comments : EMPTY;
    this.precedingComments = from ? from.precedingComments : EMPTY;
    this.emptyContinuationLines = from ? from.emptyContinuationLines : EMPTY;
    this.continuations = from ? from.continuations : continuations;
    this.lineEnd = from ? from.lineEnd : undefined;
  }
}

const ONE_LINE = Object.freeze(new InstructionExtras(undefined, EMPTY));
const SEVERAL_LINES = Object.freeze(new InstructionExtras(undefined, undefined));
const KNOWN_NAMES: ReadonlySet<string> = new Set<string>(INSTRUCTION_NAMES);

/** The instructions whose arguments' token is also one of their parts (their single argument, or their shell-form command), made eagerly. */
const ARGUMENTS_AS_ARG: ReadonlySet<string> = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'HEALTHCHECK', 'MAINTAINER', 'STOPSIGNAL', 'USER', 'WORKDIR']);

const PART_KEYS = ['flags', 'argumentsText', 'args', 'form', 'exec', 'jsonFallback', 'keyValues', 'legacyKeyValue', 'trigger'] as const;
