// BuildKit's word lexer (frontend/dockerfile/shell/lex.go), re-implemented with source offsets:
// quote removal, escapes, word splitting and every substitution form BuildKit supports —
// $v ${v} ${v:-w} ${v-w} ${v:+w} ${v+w} ${v:?w} ${v?w} ${v#p} ${v##p} ${v%p} ${v%%p}
// ${v/p/r} ${v//p/r}. Its quirks are kept on purpose: the result must equal what the builder
// computes. Variables whose value is not known (they come from outside the file) make the
// result `unknown`; the expression is then kept as written in the value.
import { indexIn, isNameChar, isSpace, isUnicodeDigit } from './chars';
import { listOf } from './lists';
import { sortByStart } from './located';

export type VariableState =
  | { readonly kind: 'set'; readonly value: string }
  | { readonly kind: 'unset' }
  | { readonly kind: 'unknown'; readonly reason: string };

export type VariableLookup = (name: string) => VariableState;

export interface LexOptions {
  /** `\` (default) or `` ` ``. */
  readonly escapeChar?: string;
  /** Keep quote characters in the result. */
  readonly rawQuotes?: boolean;
  /** Keep escape characters in the result. */
  readonly rawEscapes?: boolean;
  /** Treat quotes as ordinary characters. */
  readonly skipProcessQuotes?: boolean;
  /** Leave references to unset variables as written instead of expanding them to "". */
  readonly skipUnsetEnv?: boolean;
}

/** A word after splitting; offsets are into the lexed string. */
export interface LexWord {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/** One `$name` or `${name…}` in the lexed string. */
export interface SubstitutionReference {
  /** The whole expression, `$` to the closing `}`. */
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly braced: boolean;
  /** `:-` `-` `:+` `+` `:?` `?` `#` `##` `%` `%%` `/` `//`, or undefined for `$v` / `${v}`. */
  readonly operator: string | undefined;
  /** The variable's state when the expression was evaluated. */
  readonly state: VariableState;
}

export interface LexError {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

export interface LexResult {
  /** The processed text (quotes removed, variables substituted). */
  readonly value: string;
  /** The processed text split into words (only when asked for). */
  readonly words: readonly LexWord[];
  readonly references: readonly SubstitutionReference[];
  /** True when a variable whose value is unknown contributed to the value. */
  readonly unknown: boolean;
  /** Set when BuildKit would reject the text; value and words are then best effort. */
  readonly error: LexError | undefined;
}

const NO_VARIABLES: VariableLookup = () => ({ kind: 'unset' });
const NO_OPTIONS: LexOptions = {};
const NO_WORDS: readonly LexWord[] = Object.freeze([]);
// Most lexed words refer to one variable or none: the list is made at the first reference (an
// empty list that is pushed to grows to 17 slots at once). Not frozen: V8 walks a frozen array
// in a for-of through an allocated iterator. Results hand it out read-only.
const NO_REFERENCES: SubstitutionReference[] = [];
const EOF = -1;
// BuildKit's lexer recurses for nested `${…}`; past this depth we stop instead of overflowing.
const MAX_SUBSTITUTION_DEPTH = 200;
// Pattern operators on huge values could take quadratic time: past this budget the value is
// reported as not computable instead.
const PATTERN_WORK_BUDGET = 5_000_000;

class LexFailure {
  constructor(readonly error: LexError) {}
}

interface WordCollector {
  readonly words: LexWord[];
  word: string;
  inWord: boolean;
  start: number;
  end: number;
}

/** The lexer lexShellWord reuses, when no lex is running. */
let idleLexer: Lexer | undefined;

/** Lexes `text[from, to)` the way BuildKit processes one instruction argument. */
export function lexShellWord(
  text: string,
  lookup: VariableLookup = NO_VARIABLES,
  options: LexOptions = NO_OPTIONS,
  collectWords = false,
  from = 0,
  to = text.length,
): LexResult {
  // One lexer is reused: lexing runs for every substituted word of a file. A lex that starts
  // while another runs (nothing does today: lookups do not lex) makes its own.
  const lexer = idleLexer ?? new Lexer();
  idleLexer = undefined;
  lexer.start(text, from, to, lookup, options);
  try {
    return lexWith(lexer, collectWords, from);
  } finally {
    lexer.finish();
    idleLexer = lexer;
  }
}

function lexWith(lexer: Lexer, collectWords: boolean, from: number): LexResult {
  let value = '';
  // Words are collected for a few callers; the others share one empty list.
  let words: readonly LexWord[] = NO_WORDS;
  let error: LexError | undefined;
  try {
    const collector: WordCollector | undefined = collectWords ? { words: [], word: '', inWord: false, start: from, end: from } : undefined;
    value = lexer.processStopOn(EOF, lexer.rawEscapes, collector);
    if (collector) {
      finishWord(collector);
      words = collector.words;
    }
  } catch (failure) {
    if (!(failure instanceof LexFailure)) throw failure;
    error = failure.error;
    words = NO_WORDS;
  }
  const references = sortByStart(lexer.references);
  return { value, words, references, unknown: lexer.unknown, error };
}

class Lexer {
  declare pos: number;
  declare rawEscapes: boolean;
  declare unknown: boolean;
  declare references: SubstitutionReference[];
  private declare s: string;
  private declare end: number;
  private declare lookup: VariableLookup;
  private declare escape: number;
  private declare rawQuotes: boolean;
  private declare processQuotes: boolean;
  private declare skipUnset: boolean;
  private declare depth: number;

  constructor() {
    this.start('', 0, 0, NO_VARIABLES, NO_OPTIONS);
  }

  // Every field is assigned here, in one order, so that a reused lexer keeps one shape.
  start(s: string, from: number, end: number, lookup: VariableLookup, options: LexOptions): void {
    this.s = s;
    this.pos = from;
    this.end = end;
    this.lookup = lookup;
    this.unknown = false;
    this.references = NO_REFERENCES;
    this.depth = 0;
    this.escape = (options.escapeChar ?? '\\').charCodeAt(0);
    this.rawQuotes = options.rawQuotes ?? false;
    this.rawEscapes = options.rawEscapes ?? false;
    this.processQuotes = !(options.skipProcessQuotes ?? false);
    this.skipUnset = options.skipUnsetEnv ?? false;
  }

  /** Lets go of what the lex was given (a text, a scope), so that an idle lexer keeps nothing alive. */
  finish(): void {
    this.s = '';
    this.lookup = NO_VARIABLES;
    this.references = NO_REFERENCES;
  }

  private addReference(reference: SubstitutionReference): void {
    if (this.references === NO_REFERENCES) this.references = listOf(reference);
    else this.references.push(reference);
  }

  processStopOn(stop: number, rawEscapes: boolean, words: WordCollector | undefined): string {
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      return this.scanUntil(stop, words);
    } finally {
      this.rawEscapes = saved;
    }
  }

  private scanUntil(stop: number, words: WordCollector | undefined): string {
    const s = this.s;
    const end = this.end;
    let result = '';
    while (this.pos < end) {
      const start = this.pos;
      let ch = s.charCodeAt(start);
      if (stop !== EOF && ch === stop) {
        this.pos++;
        return result;
      }
      if (ch === 0x24 /* $ */) {
        const expanded = this.processDollar();
        result += expanded;
        if (words) addString(words, expanded, start, this.pos);
      } else if (this.processQuotes && ch === 0x27 /* ' */) {
        const quoted = this.processSingleQuote();
        result += quoted;
        if (words) addRawString(words, quoted, start, this.pos);
      } else if (this.processQuotes && ch === 0x22 /* " */) {
        const quoted = this.processDoubleQuote();
        result += quoted;
        if (words) addRawString(words, quoted, start, this.pos);
      } else if (words && ch === 0x3c /* < */ && s.charCodeAt(start + 1) === 0x3c) {
        // BuildKit's processPossibleHeredoc: `<<` keeps the blanks after it in its word, so
        // `<< EOF` is one word (the value is the text as written either way).
        let markerEnd = start + 2;
        while (markerEnd < end && isHeredocBlank(s.charCodeAt(markerEnd))) markerEnd++;
        // The ordinary characters after it (the delimiter, usually) join the same slice.
        while (markerEnd < end) {
          const c = s.charCodeAt(markerEnd);
          if (c === 0x24 || c === 0x27 || c === 0x22 || c === this.escape || c === stop || c === 0x3c || isSpace(c)) break;
          markerEnd++;
        }
        const marker = s.slice(start, markerEnd);
        this.pos = markerEnd;
        result += marker;
        addRawString(words, marker, start, markerEnd);
      } else if (ch !== this.escape && !isSpace(ch)) {
        // A run of ordinary characters is copied in one slice.
        let runEnd = start + 1;
        while (runEnd < end) {
          const c = s.charCodeAt(runEnd);
          if (c === 0x24 || c === 0x27 || c === 0x22 || c === this.escape || c === stop || isSpace(c) || (c === 0x3c && words)) break;
          runEnd++;
        }
        const run = s.slice(start, runEnd);
        this.pos = runEnd;
        result += run;
        if (words) addRawString(words, run, start, runEnd);
      } else {
        this.pos++;
        if (ch === this.escape) {
          if (this.rawEscapes) {
            result += String.fromCharCode(ch);
            if (words) addRawString(words, String.fromCharCode(ch), start, this.pos);
          }
          if (this.pos >= end) break;
          ch = s.charCodeAt(this.pos++);
          if (words) addRawString(words, String.fromCharCode(ch), start, this.pos);
        } else if (words) {
          addChar(words, ch, start, this.pos);
        }
        result += String.fromCharCode(ch);
      }
    }
    if (stop !== EOF) {
      throw new LexFailure({
        message: `missing '${String.fromCharCode(stop)}'`,
        start: this.pos,
        end: this.pos,
      });
    }
    return result;
  }

  private processSingleQuote(): string {
    const start = this.pos;
    // Bounded: the text may be the whole source (an instruction lexed in place), not just the word.
    const close = indexIn(this.s, start + 1, this.end, 0x27 /* ' */);
    if (close < 0) {
      throw new LexFailure({ message: 'unterminated single quote: add the closing \'', start, end: this.end });
    }
    this.pos = close + 1;
    return this.rawQuotes ? this.s.slice(start, close + 1) : this.s.slice(start + 1, close);
  }

  private processDoubleQuote(): string {
    const s = this.s;
    const start = this.pos++;
    let result = this.rawQuotes ? '"' : '';
    for (;;) {
      if (this.pos >= this.end) {
        throw new LexFailure({ message: 'unterminated double quote: add the closing "', start, end: this.end });
      }
      let ch = s.charCodeAt(this.pos);
      if (ch === 0x22) {
        this.pos++;
        if (this.rawQuotes) result += '"';
        return result;
      }
      if (ch === 0x24) {
        result += this.processDollar();
        continue;
      }
      this.pos++;
      if (ch === this.escape) {
        if (this.rawEscapes) result += String.fromCharCode(ch);
        if (this.pos >= this.end) continue;
        const next = s.charCodeAt(this.pos);
        // Only ", $ and the escape character itself can be escaped inside double quotes.
        if (next === 0x22 || next === 0x24 || next === this.escape) {
          this.pos++;
          ch = next;
        }
      }
      result += String.fromCharCode(ch);
    }
  }

  private processName(): string {
    const s = this.s;
    const start = this.pos;
    if (start >= this.end) return '';
    const first = s.charCodeAt(start);
    if (isUnicodeDigit(first)) {
      while (this.pos < this.end && isUnicodeDigit(s.charCodeAt(this.pos))) this.pos++;
      return s.slice(start, this.pos);
    }
    if (isSpecialParameter(first)) {
      this.pos++;
      return s[start];
    }
    while (this.pos < this.end && isNameChar(s.charCodeAt(this.pos))) this.pos++;
    return s.slice(start, this.pos);
  }

  private processDollar(): string {
    const s = this.s;
    const dollar = this.pos++;
    if (this.pos >= this.end || s.charCodeAt(this.pos) !== 0x7b /* { */) {
      const nameStart = this.pos;
      const name = this.processName();
      if (name === '') return '$';
      // `$$`, `$1`, `$@` … belong to a shell: no Dockerfile or image defines them.
      if (isSpecialParameter(name.charCodeAt(0)) || isUnicodeDigit(name.charCodeAt(0))) return this.skipUnset ? '$' + name : '';
      const state = this.lookup(name);
      this.addReference({ start: dollar, end: this.pos, name, nameStart, nameEnd: this.pos, braced: false, operator: undefined, state });
      if (state.kind === 'unset') return this.skipUnset ? '$' + name : '';
      if (state.kind === 'unknown') {
        this.unknown = true;
        return s.slice(dollar, this.pos);
      }
      return state.value;
    }
    this.pos++;
    if (this.pos >= this.end) throw new LexFailure({ message: "missing '}'", start: dollar, end: this.pos });
    const afterBrace = s.charCodeAt(this.pos);
    if (afterBrace === 0x7b || afterBrace === 0x7d || afterBrace === 0x3a) {
      throw new LexFailure({ message: 'bad substitution: a variable name must follow ${', start: dollar, end: this.pos + 1 });
    }
    const nameStart = this.pos;
    const name = this.processName();
    const nameEnd = this.pos;
    if (this.pos >= this.end) throw new LexFailure({ message: "missing '}'", start: dollar, end: this.pos });
    let ch = s.charCodeAt(this.pos++);

    if (ch === 0x7d /* } */) {
      const state = this.lookup(name);
      this.addReference({ start: dollar, end: this.pos, name, nameStart, nameEnd, braced: true, operator: undefined, state });
      if (state.kind === 'unset') return this.skipUnset ? '${' + name + '}' : '';
      if (state.kind === 'unknown') {
        this.unknown = true;
        return s.slice(dollar, this.pos);
      }
      return state.value;
    }

    if (ch === 0x3a || ch === 0x2b || ch === 0x2d || ch === 0x3f || ch === 0x23 || ch === 0x25) {
      let operator = String.fromCharCode(ch);
      const nullIsUnset = ch === 0x3a;
      if (nullIsUnset) {
        if (this.pos >= this.end) throw new LexFailure({ message: "missing '}'", start: dollar, end: this.pos });
        ch = s.charCodeAt(this.pos++);
        operator += String.fromCharCode(ch);
      }
      const patternOperator = ch === 0x23 || ch === 0x25;
      const unknownBefore = this.unknown;
      let word = this.nested(() => this.processStopOn(0x7d, patternOperator, undefined), dollar, "missing '}'");
      const wordUnknown = this.unknown;
      this.unknown = unknownBefore;
      const state = this.lookup(name);
      if (patternOperator && word.charCodeAt(0) === ch) operator += String.fromCharCode(ch);
      this.addReference({ start: dollar, end: this.pos, name, nameStart, nameEnd, braced: true, operator, state });
      if (this.skipUnset && state.kind === 'unset') return '${' + name + (nullIsUnset ? ':' : '') + String.fromCharCode(ch) + word + '}';
      if (ch !== 0x2d && ch !== 0x2b && ch !== 0x3f && !patternOperator) {
        throw new LexFailure({ message: `unsupported modifier (${operator}) in substitution: use :- - :+ + :? ? # ## % %% / or //`, start: dollar, end: this.pos });
      }
      if (state.kind === 'unknown') {
        this.unknown = true;
        return s.slice(dollar, this.pos);
      }
      const value = state.kind === 'set' ? state.value : '';
      const absent = state.kind === 'unset' || (nullIsUnset && value === '');
      switch (ch) {
        case 0x2d /* - */:
          if (absent) {
            if (wordUnknown) this.unknown = true;
            return word;
          }
          return value;
        case 0x2b /* + */:
          if (absent) return '';
          if (wordUnknown) this.unknown = true;
          return word;
        case 0x3f /* ? */:
          if (state.kind === 'unset') {
            throw new LexFailure({ message: `${name}: ${word || 'is not allowed to be unset'}`, start: dollar, end: this.pos });
          }
          if (absent) throw new LexFailure({ message: `${name}: ${word || 'is not allowed to be empty'}`, start: dollar, end: this.pos });
          return value;
        default: {
          const greedy = word.charCodeAt(0) === ch;
          if (greedy) word = word.slice(1);
          if (wordUnknown) {
            this.unknown = true;
            return s.slice(dollar, this.pos);
          }
          const pattern = this.compilePattern(word, dollar);
          const trimmed = ch === 0x25 ? trimSuffix(value, pattern, greedy) : trimPrefix(value, pattern, greedy);
          if (trimmed === undefined) return this.tooLarge(dollar);
          return trimmed;
        }
      }
    }

    if (ch === 0x2f /* / */) {
      const replaceAll = this.pos < this.end && s.charCodeAt(this.pos) === 0x2f;
      if (replaceAll) this.pos++;
      const unknownBefore = this.unknown;
      const pattern = this.nested(() => this.processStopOn(0x2f, true, undefined), dollar, "missing '/' in ${}");
      const replacement = this.nested(() => this.processStopOn(0x7d, true, undefined), dollar, "missing '}'");
      const partsUnknown = this.unknown;
      this.unknown = unknownBefore;
      const state = this.lookup(name);
      this.addReference({ start: dollar, end: this.pos, name, nameStart, nameEnd, braced: true, operator: replaceAll ? '//' : '/', state });
      if (this.skipUnset && state.kind === 'unset') return '${' + name + '/' + pattern + '/' + replacement + '}';
      if (state.kind === 'unknown' || partsUnknown) {
        this.unknown = true;
        return s.slice(dollar, this.pos);
      }
      const compiled = this.compilePattern(pattern, dollar);
      const replaced = replacePattern(state.kind === 'set' ? state.value : '', compiled, replacement, replaceAll);
      return replaced ?? this.tooLarge(dollar);
    }

    throw new LexFailure({
      message: `unsupported modifier (${String.fromCharCode(ch)}) in substitution: use :- - :+ + :? ? # ## % %% / or //`,
      start: dollar,
      end: this.pos,
    });
  }

  private nested(body: () => string, dollar: number, missing: string): string {
    if (++this.depth > MAX_SUBSTITUTION_DEPTH) {
      throw new LexFailure({ message: `substitutions nested more than ${MAX_SUBSTITUTION_DEPTH} deep`, start: dollar, end: this.pos });
    }
    try {
      return body();
    } catch (failure) {
      if (failure instanceof LexFailure && this.pos >= this.end && failure.error.message.startsWith('missing')) {
        throw new LexFailure({ message: missing, start: dollar, end: this.end });
      }
      throw failure;
    } finally {
      this.depth--;
    }
  }

  private compilePattern(pattern: string, dollar: number): number[] {
    const compiled = compileGlob(pattern);
    if (typeof compiled === 'string') {
      throw new LexFailure({ message: `invalid pattern (${pattern}) in substitution: ${compiled}`, start: dollar, end: this.pos });
    }
    return compiled;
  }

  private tooLarge(dollar: number): string {
    this.unknown = true;
    return this.s.slice(dollar, this.pos);
  }
}

/** lex.go's isWhitespace: what `<<` takes into its word. */
function isHeredocBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d;
}

function isSpecialParameter(code: number): boolean {
  // @ * # ? - $ ! 0
  return code === 0x40 || code === 0x2a || code === 0x23 || code === 0x3f || code === 0x2d || code === 0x24 || code === 0x21 || code === 0x30;
}

function addChar(words: WordCollector, ch: number, start: number, end: number): void {
  if (isSpace(ch)) {
    if (words.inWord && words.word.length !== 0) finishWord(words);
    return;
  }
  addRawString(words, String.fromCharCode(ch), start, end);
}

function addString(words: WordCollector, value: string, start: number, end: number): void {
  for (let i = 0; i < value.length; i++) addChar(words, value.charCodeAt(i), start, end);
}

function addRawString(words: WordCollector, value: string, start: number, end: number): void {
  // A word starts where its first content came from, unless an empty quoted string right
  // before already opened it (`''abc`).
  if (words.word.length === 0 && !(words.inWord && words.end === start)) words.start = start;
  words.word += value;
  words.inWord = true;
  words.end = end;
}

function finishWord(words: WordCollector): void {
  if (words.word.length > 0) words.words.push({ value: words.word, start: words.start, end: words.end });
  words.word = '';
  words.inWord = false;
}

// ---- shell patterns (`?` one character, `*` any run, `\` escapes), as BuildKit turns them into
// Go regular expressions; like those, wildcards do not match a newline. Matching simulates the
// pattern as an automaton: time is length × pattern size, never exponential.

const STAR = -1;
const ANY = -2;

function compileGlob(pattern: string): number[] | string {
  const tokens: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c === 0x2a) tokens.push(STAR);
    else if (c === 0x3f) tokens.push(ANY);
    else if (c === 0x5c) {
      const next = pattern.charCodeAt(i + 1);
      // `\}` and `\/` only protect the delimiter; the backslash is not part of the pattern.
      if (next === 0x7d || next === 0x2f) continue;
      if (next !== 0x2a && next !== 0x3f && next !== 0x5c) {
        return `invalid escape '\\${i + 1 < pattern.length ? pattern[i + 1] : ''}'`;
      }
      tokens.push(next);
      i++;
    } else tokens.push(c);
  }
  return tokens;
}

/**
 * Runs the pattern over `value` from `start` in direction `step` and reports the shortest and
 * longest lengths it matches (-1 when none), or undefined when the work budget ran out.
 */
function matchLengths(tokens: readonly number[], value: string, start: number, step: 1 | -1, budget: { left: number }): [number, number] | undefined {
  const size = tokens.length;
  let current = new Uint8Array(size + 1);
  let next = new Uint8Array(size + 1);
  current[0] = 1;
  closeOverStars(tokens, current);
  let shortest = current[size] ? 0 : -1;
  let longest = shortest;
  const limit = step === 1 ? value.length - start : start;
  for (let k = 0; k < limit; k++) {
    budget.left -= size + 1;
    if (budget.left < 0) return undefined;
    const c = value.charCodeAt(step === 1 ? start + k : start - 1 - k);
    next.fill(0);
    let alive = false;
    for (let i = 0; i < size; i++) {
      if (!current[i]) continue;
      const t = tokens[i];
      if (t === STAR) {
        if (c !== 10) {
          next[i] = 1;
          alive = true;
        }
      } else if (t === ANY ? c !== 10 : t === c) {
        next[i + 1] = 1;
        alive = true;
      }
    }
    if (!alive) break;
    closeOverStars(tokens, next);
    if (next[size]) {
      if (shortest < 0) shortest = k + 1;
      longest = k + 1;
    }
    const swap = current;
    current = next;
    next = swap;
  }
  return [shortest, longest];
}

function closeOverStars(tokens: readonly number[], states: Uint8Array): void {
  for (let i = 0; i < tokens.length; i++) if (states[i] && tokens[i] === STAR) states[i + 1] = 1;
}

function trimPrefix(value: string, tokens: readonly number[], greedy: boolean): string | undefined {
  const lengths = matchLengths(tokens, value, 0, 1, { left: PATTERN_WORK_BUDGET });
  if (!lengths) return undefined;
  const length = greedy ? lengths[1] : lengths[0];
  return length < 0 ? value : value.slice(length);
}

function trimSuffix(value: string, tokens: readonly number[], greedy: boolean): string | undefined {
  const reversed = tokens.slice().reverse();
  const lengths = matchLengths(reversed, value, value.length, -1, { left: PATTERN_WORK_BUDGET });
  if (!lengths) return undefined;
  const length = greedy ? lengths[1] : lengths[0];
  return length < 0 ? value : value.slice(0, value.length - length);
}

function replacePattern(value: string, tokens: readonly number[], replacement: string, all: boolean): string | undefined {
  const budget = { left: PATTERN_WORK_BUDGET };
  let out = '';
  let copyFrom = 0;
  let lastMatchEnd = -1;
  for (let i = 0; i <= value.length; ) {
    const lengths = matchLengths(tokens, value, i, 1, budget);
    if (!lengths) return undefined;
    const length = lengths[1];
    // An empty match right where the previous match ended does not count (Go's ReplaceAll).
    if (length >= 0 && !(length === 0 && i === lastMatchEnd)) {
      out += value.slice(copyFrom, i) + replacement;
      copyFrom = i + length;
      lastMatchEnd = copyFrom;
      if (!all) break;
      i = length > 0 ? i + length : i + 1;
    } else i++;
  }
  return out + value.slice(copyFrom);
}
