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
// So we parse through the public API and then read the Go structures GopherJS keeps behind it
// (`__internal_object__`): struct fields are properties, slices are {$array, $offset, $length},
// pointer types are named by `constructor.string`, Go strings hold UTF-8 bytes, positions are
// byte offsets (`Pos().offs`). The version is pinned; test/unit/shell checks this reading.
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

let parser: ReturnType<(typeof MvdanSh)['syntax']['NewParser']> | undefined;

/**
 * mvdan-sh is loaded on the first script (its ~70 ms of start-up would otherwise delay the
 * language server's initialize for every feature).
 */
function newParser(): NonNullable<typeof parser> {
  const { syntax } = require('mvdan-sh') as typeof MvdanSh;
  return syntax.NewParser(syntax.KeepComments(false), syntax.Variant(syntax.LangBash));
}

/** Parses `text` as a bash script (bash is a superset of what `/bin/sh -c` accepts). Never throws. */
export function parseShell(text: string): ShellScript {
  parser ??= newParser();
  const offsets = new OffsetMap(text);
  let file: GoValue;
  try {
    file = (parser.Parse(text, '') as unknown as { __internal_object__: GoValue }).__internal_object__;
  } catch (error) {
    const parseError = error as { Text?: string; Pos?: { Offset(): number } };
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
