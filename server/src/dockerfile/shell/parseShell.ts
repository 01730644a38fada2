// Reads a shell script with a real POSIX/bash parser and keeps what the lint rules need.
//
// The parser is mvdan-sh: mvdan/sh's `syntax` package (the parser behind shfmt, complete for
// POSIX sh and bash, actively developed in Go) compiled to plain JavaScript with GopherJS. We
// chose it over the alternatives on npm after running all 1,599 RUN bodies of the real-Dockerfile
// corpus through each: mvdan-sh rejected only the 35 PowerShell bodies; @ericcornelissen/bash-parser
// (the maintained fork of bash-parser) rejected 140, valid shell among them (`$(… "$(…)" …)`,
// quotes inside `$(…)`), and was 4–8× slower; sh-syntax (the same Go parser as WebAssembly) only
// has an asynchronous API and needs its .wasm file read at run time, which the pure core cannot
// do; tree-sitter-bash needs a native or WebAssembly build. mvdan-sh is synchronous, has no
// runtime dependency and bundles with esbuild as one file.
//
// Reading the tree: mvdan-sh's JavaScript API converts every node and string between Go and
// JavaScript on each property access (`syntax.Walk` costs ~30 µs per node, more than parsing).
// So we read the Go structures GopherJS keeps behind it (`__internal_object__`): struct fields
// are properties, slices are {$array, $offset, $length}, pointer types are named by
// `constructor.string`, Go strings hold UTF-8 bytes, positions are byte offsets (`Pos().offs`).
// For the same reason scripts go straight into the Go parser (directParser below), not through
// the API's Parse, which wraps each parsed file for JavaScript. The version is pinned;
// test/unit/shell checks this reading, and that both routes read every script alike.
import type * as MvdanSh from 'mvdan-sh';
import type { ShellCommand, ShellRedirect, ShellScript, ShellWord } from './types';

/** A Go value as GopherJS represents it. */
type GoValue = { readonly [field: string]: any } & { readonly constructor: { readonly string?: string; readonly nil?: unknown } };
interface GoSlice {
  readonly $array: readonly GoValue[];
  readonly $offset: number;
  readonly $length: number;
}

const PIPE = 12;
const PIPE_ALL = 13;

/** mvdan/sh's redirection operator tokens (syntax/tokens.go). */
const REDIRECT_OPERATORS: Readonly<Record<number, string>> = {
  54: '>',
  55: '>>',
  56: '<',
  57: '<>',
  58: '<&',
  59: '>&',
  60: '>|',
  61: '<<',
  62: '<<-',
  63: '<<<',
  64: '&>',
  65: '&>>',
};

type ApiParser = ReturnType<(typeof MvdanSh)['syntax']['NewParser']>;

/**
 * Go's `(*syntax.Parser).Parse`, called without mvdan-sh's JavaScript API around it. The API's
 * Parse wraps the parsed file for JavaScript on every call (js.MakeFullWrapper: an object with a
 * getter per field and a function per method), which we never read: we read the Go structures.
 * That wrapping was most of what parsing allocated, and much of it outlived young-generation
 * collections: the 5,234 RUN scripts of the LSP harness's 10,000-line file promoted 27 MB to the
 * old space through the API and 4 MB this way, in a third less time.
 */
interface DirectParser {
  /** The parsed file and Go's error value (`nil` when there is none). */
  parse(goText: string): [GoValue, GoValue];
  readonly nil: GoValue;
}

let parsers: { readonly api: ApiParser; readonly direct: DirectParser | undefined } | undefined;

/**
 * mvdan-sh is loaded on the first script (its ~70 ms of start-up would otherwise delay the
 * language server's initialize for every feature).
 */
function newParsers(): NonNullable<typeof parsers> {
  const { syntax } = require('mvdan-sh') as typeof MvdanSh;
  const api = syntax.NewParser(syntax.KeepComments(false), syntax.Variant(syntax.LangBash));
  return { api, direct: directParser(api) };
}

/**
 * The Go parser inside the API's: a parse through the API leaves its `*strings.Reader` in the
 * parser's `src`, whose type (and that of its int64 field) a direct call needs to make its own.
 * Undefined when the structures are not those of the pinned mvdan-sh: the API is used then.
 */
function directParser(api: ApiParser): DirectParser | undefined {
  try {
    api.Parse('true', '');
    const go = (api as unknown as { __internal_object__?: GoValue }).__internal_object__?.Parser as GoValue | undefined;
    const source = go?.src as GoValue | undefined;
    if (!go || typeof go.Parse !== 'function' || source?.constructor.string !== '*strings.Reader' || typeof source.i?.constructor !== 'function') return undefined;
    const Reader = (source.constructor as unknown as { elem: { ptr: new (text: string, offset: unknown, previousRune: number) => GoValue } }).elem.ptr;
    const Int64 = source.i.constructor as new (high: number, low: number) => unknown;
    const parse = (goText: string): [GoValue, GoValue] => go.Parse(new Reader(goText, new Int64(0, 0), -1), '') as [GoValue, GoValue];
    const [file, nil] = parse('true');
    return file?.constructor.string === '*syntax.File' ? { parse, nil } : undefined;
  } catch {
    return undefined;
  }
}

/** Which way scripts are parsed: straight into the Go parser, or through mvdan-sh's API. */
export function shellParserRoute(): 'direct' | 'api' {
  parsers ??= newParsers();
  return parsers.direct ? 'direct' : 'api';
}

/** Parses `text` as a bash script (bash is a superset of what `/bin/sh -c` accepts). Never throws. */
export function parseShell(text: string): ShellScript {
  parsers ??= newParsers();
  return readScript(text, parsers.direct ? directFile(parsers.direct, text) : apiFile(parsers.api, text));
}

/** The same as parseShell, through mvdan-sh's JavaScript API: the route taken when the direct one is not available. */
export function parseShellThroughApi(text: string): ShellScript {
  parsers ??= newParsers();
  return readScript(text, apiFile(parsers.api, text));
}

/** A parse: the file, or what was thrown (the API throws Go's error wrapped: its Text and Pos). */
type Parsed = { readonly file: GoValue } | { readonly thrown: unknown };

function apiFile(api: ApiParser, text: string): Parsed {
  try {
    return { file: (api.Parse(text, '') as unknown as { __internal_object__: GoValue }).__internal_object__ };
  } catch (error) {
    return { thrown: error };
  }
}

function directFile(direct: DirectParser, text: string): Parsed {
  try {
    const [file, error] = direct.parse(toGoString(text));
    if (error === direct.nil) return { file };
    // Go's error in an interface: a syntax.ParseError's fields are on $val (its Text a Go string).
    const value = (error as { $val?: GoValue }).$val;
    return { thrown: typeof value?.Text === 'string' ? { Text: goString(value.Text as string), Pos: value.Pos } : error };
  } catch (error) {
    return { thrown: error };
  }
}

function readScript(text: string, parsed: Parsed): ShellScript {
  const offsets = new OffsetMap(text);
  let file: GoValue;
  if ('file' in parsed) file = parsed.file;
  else {
    const parseError = (parsed.thrown ?? {}) as { Text?: string; Pos?: { Offset(): number } };
    // Only the parser's own errors say the script is not valid shell; anything else (a script
    // nested too deeply for the parser's recursion) leaves it unread.
    if (typeof parseError.Text !== 'string' || !parseError.Pos) return { text, commands: [], pipes: [], error: undefined };
    return { text, commands: [], pipes: [], error: { offset: offsets.toUtf16(parseError.Pos.Offset()), message: parseError.Text } };
  }
  const reader = new TreeReader(text, offsets);
  try {
    reader.visit(file, false);
  } catch {
    return { text, commands: [], pipes: [], error: undefined };
  }
  reader.commands.sort((a, b) => a.start - b.start);
  reader.pipes.sort((a, b) => a.start - b.start);
  return { text, commands: compact(reader.commands), pipes: compact(reader.pipes), error: undefined };
}

class TreeReader {
  readonly commands: ShellCommand[] = [];
  readonly pipes: { start: number; end: number }[] = [];
  private readonly piped = new Set<GoValue>();
  private readonly redirectsOf = new Map<GoValue, GoSlice>();

  constructor(
    private readonly text: string,
    private readonly offsets: OffsetMap,
  ) {}

  /**
   * Visits a node and everything below it; `nested` once inside `$(…)`, `` `…` `` or `<(…)`.
   * Iterative: `a && b && …` nests one node per operator, and real scripts can be long.
   */
  visit(root: GoValue, rootNested: boolean): void {
    const stack: [GoValue, boolean][] = [[root, rootNested]];
    while (stack.length > 0) {
      const [node, outerNested] = stack.pop()!;
      let nested = outerNested;
      switch (node.constructor.string) {
        case '*syntax.Stmt':
          if (isPointer(node.Cmd) && node.Redirs.$length > 0) this.redirectsOf.set(node.Cmd, node.Redirs);
          break;
        case '*syntax.BinaryCmd':
          if (node.Op === PIPE || node.Op === PIPE_ALL) {
            const start = this.offsets.toUtf16(node.OpPos.offs);
            this.pipes.push({ start, end: start + (node.Op === PIPE ? 1 : 2) });
            if (isPointer(node.X.Cmd)) this.piped.add(node.X.Cmd);
            if (isPointer(node.Y.Cmd)) this.piped.add(node.Y.Cmd);
          }
          break;
        case '*syntax.CallExpr':
          this.command(node, nested);
          break;
        case '*syntax.CmdSubst':
        case '*syntax.ProcSubst':
          nested = true;
          break;
        case '*syntax.Lit':
        case '*syntax.SglQuoted':
          continue;
        default:
          break;
      }
      // Children are pushed in reverse so they are visited in source order.
      const children: GoValue[] = [];
      for (const key of fieldsOf(node)) {
        const child = node[key];
        if (!child || typeof child !== 'object') continue;
        if (isSlice(child)) {
          for (let i = 0; i < child.$length; i++) {
            const element = child.$array[child.$offset + i];
            if (isPointer(element)) children.push(element);
          }
        } else if (isPointer(child)) {
          children.push(child);
        }
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], nested]);
    }
  }

  private command(call: GoValue, nested: boolean): void {
    const start = this.offsets.toUtf16(call.Pos().offs);
    const end = this.offsets.toUtf16(call.End().offs);
    // Lists of their exact length: parsed scripts stay cached, and a list grown by push() keeps
    // room for 16 more entries.
    const words = new Array<ShellWord>(call.Args.$length);
    for (let i = 0; i < call.Args.$length; i++) words[i] = this.word(call.Args.$array[call.Args.$offset + i]);
    const assignments: string[] = [];
    for (let i = 0; i < call.Assigns.$length; i++) {
      const assign = call.Assigns.$array[call.Assigns.$offset + i];
      if (isPointer(assign.Name)) assignments.push(goString(assign.Name.Value));
    }
    const redirects: ShellRedirect[] = [];
    const slice = this.redirectsOf.get(call);
    if (slice) {
      for (let i = 0; i < slice.$length; i++) {
        const redirect = slice.$array[slice.$offset + i];
        redirects.push({
          start: this.offsets.toUtf16(redirect.Pos().offs),
          end: this.offsets.toUtf16(redirect.End().offs),
          operator: REDIRECT_OPERATORS[redirect.Op] ?? '?',
          fileDescriptor: isPointer(redirect.N) ? goString(redirect.N.Value) : undefined,
          target: isPointer(redirect.Word) ? this.word(redirect.Word) : undefined,
        });
      }
    }
    // Most commands assign nothing and redirect nothing: one shared empty list (parsed scripts are kept).
    this.commands.push({ start, end, words, assignments: compact(assignments), redirects: compact(redirects), inPipeline: this.piped.has(call), nested });
  }

  private word(word: GoValue): ShellWord {
    const start = this.offsets.toUtf16(word.Pos().offs);
    const end = this.offsets.toUtf16(word.End().offs);
    return { start, end, text: this.text.slice(start, end), value: wordValue(word.Parts) };
  }
}

/**
 * The field names of a Go struct's type, listed once per type: every struct of a type has the
 * same fields, and enumerating an object's keys for each of the thousands of nodes costs more
 * than reading them.
 */
const fieldsByType = new WeakMap<object, readonly string[]>();

function fieldsOf(node: GoValue): readonly string[] {
  let fields = fieldsByType.get(node.constructor);
  if (!fields) {
    const names: string[] = [];
    for (const key in node) if (key !== '$val') names.push(key);
    fieldsByType.set(node.constructor, (fields = names));
  }
  return fields;
}

function isPointer(value: unknown): value is GoValue {
  if (!value || typeof value !== 'object') return false;
  const constructor = (value as GoValue).constructor;
  return typeof constructor.string === 'string' && constructor.string.startsWith('*syntax.') && constructor.nil !== value;
}

function isSlice(value: unknown): value is GoSlice {
  return Array.isArray((value as GoSlice).$array);
}

/** The word after quote removal, or undefined when any part is expanded at run time. */
function wordValue(parts: GoSlice): string | undefined {
  let value = '';
  for (let i = 0; i < parts.$length; i++) {
    const part = parts.$array[parts.$offset + i];
    switch (part.constructor.string) {
      case '*syntax.Lit':
        value += unescapeUnquoted(goString(part.Value));
        break;
      case '*syntax.SglQuoted':
        if (part.Dollar) return undefined;
        value += goString(part.Value);
        break;
      case '*syntax.DblQuoted': {
        if (part.Dollar) return undefined;
        const inner: GoSlice = part.Parts;
        for (let j = 0; j < inner.$length; j++) {
          const piece = inner.$array[inner.$offset + j];
          if (piece.constructor.string !== '*syntax.Lit') return undefined;
          value += unescapeDoubleQuoted(goString(piece.Value));
        }
        break;
      }
      default:
        return undefined;
    }
  }
  return value;
}

const NONE: readonly never[] = Object.freeze([]);

/** A list as kept: the shared empty list, or a copy without spare room. */
function compact<T>(list: T[]): readonly T[] {
  return list.length === 0 ? NONE : list.slice();
}

const utf8 = new TextDecoder();

/** A Go string (UTF-8 bytes, one per character) as a JavaScript string. */
function goString(bytes: string): string {
  if (/^[\x00-\x7f]*$/.test(bytes)) return bytes;
  const buffer = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) buffer[i] = bytes.charCodeAt(i);
  return utf8.decode(buffer);
}

const utf8Encoder = new TextEncoder();

/** A JavaScript string as a Go string (its UTF-8 bytes, one per character), what GopherJS passes to Go. */
function toGoString(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  const bytes = utf8Encoder.encode(text);
  let result = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 8192) result += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return result;
}

function unescapeUnquoted(literal: string): string {
  if (!literal.includes('\\')) return literal;
  return literal.replace(/\\\n|\\(.)/gs, (_match, char: string | undefined) => char ?? '');
}

function unescapeDoubleQuoted(literal: string): string {
  if (!literal.includes('\\')) return literal;
  return literal.replace(/\\\n|\\([$`"\\])/g, (_match, char: string | undefined) => char ?? '');
}

/** mvdan/sh reports UTF-8 byte offsets; the Dockerfile core works in UTF-16 code units. */
class OffsetMap {
  private readonly utf16ByByte: Int32Array | undefined;

  constructor(text: string) {
    if (/^[\x00-\x7f]*$/.test(text)) return;
    const map: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i) ?? 0;
      const bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      for (let b = 0; b < bytes; b++) map.push(i);
      if (code >= 0x10000) i++;
    }
    map.push(text.length);
    this.utf16ByByte = Int32Array.from(map);
  }

  toUtf16(byteOffset: number): number {
    if (!this.utf16ByByte) return byteOffset;
    return this.utf16ByByte[Math.min(byteOffset, this.utf16ByByte.length - 1)];
  }
}
