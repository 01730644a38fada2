// The syntax tree of a Dockerfile: plain readonly data, every piece of it located twice —
// as UTF-16 offsets into the text (`start`/`end`, end exclusive) and as an LSP range.
//
// "Logical" text is what BuildKit sees: the instruction's physical lines joined with the
// escape-newline continuations, comment lines and empty lines inside the continuation removed.
// Values (`value`) are in logical text; `text` is always the exact source slice.
import type { SyntaxDirective } from './syntaxDirective';

/** An LSP position: zero-based line, UTF-16 character offset in that line. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** An LSP range, end exclusive. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A located piece of the source. */
export interface Span {
  /** Offset of the first character (UTF-16 code units from the start of the text). */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
  readonly range: Range;
}

/** A located piece of text. */
export interface Token extends Span {
  /** The exact source slice `text.slice(start, end)` (continuations included when it spans lines). */
  readonly text: string;
  /**
   * Its value as BuildKit's parser reports it: continuations removed; for JSON elements the
   * decoded string; for flag values the unquoted, unescaped value; for shell words the word with
   * its quotes and escapes kept (the semantic model expands and unquotes them).
   */
  readonly value: string;
}

/** `--name=value`, `--name` (boolean) or `--name=` (empty value). */
export interface Flag extends Span {
  /** The flag name without its dashes, located on the name only (`mount` in `--mount=…`). */
  readonly name: Token;
  /** The value after the first `=`, unquoted; undefined for `--name` without `=`. */
  readonly value: Token | undefined;
  /** The flag as BuildKit keeps it: `--name=value` after quote and escape removal. */
  readonly raw: string;
}

/** `key=value`, `key` (ARG without default), or the legacy `ENV key value` / `LABEL key value`. */
export interface KeyValue extends Span {
  readonly key: Token;
  /** The `=` sign (new form only). */
  readonly equals: Span | undefined;
  /** The value as written (quotes and escapes kept); undefined for `ARG name`. */
  readonly value: Token | undefined;
}

/** One element of an exec-form (JSON array) argument list. `value` is the decoded string. */
export type JsonString = Token;

export interface ExecForm {
  /** The `[` … `]` brackets. */
  readonly open: Span;
  readonly close: Span;
  readonly elements: readonly JsonString[];
}

/**
 * Arguments that start with `[` but are not a JSON array of strings. BuildKit then treats them
 * as shell form (or, for a valid JSON array holding non-strings, rejects the instruction).
 */
export interface JsonFallback extends Span {
  /** Why the text is not a JSON array, e.g. "single quotes are not JSON strings". */
  readonly reason: string;
}

/** A here-document: `<<EOF`, `<<-EOF`, `<<"EOF"`, `3<<EOF` …, with the lines that follow it. */
export interface Heredoc extends Span {
  /** The marker word as written in the instruction line, e.g. `<<-"EOF"`. */
  readonly marker: Token;
  /** The delimiter word with quotes removed, e.g. `EOF`. */
  readonly name: string;
  /** The file descriptor in `3<<EOF`; undefined when none is written. */
  readonly fileDescriptor: number | undefined;
  /** False when (any part of) the delimiter is quoted: the body is then taken literally. */
  readonly expand: boolean;
  /** `<<-`: leading tabs are stripped from body lines and from the terminator line. */
  readonly stripTabs: boolean;
  /** The body lines with their line breaks, as BuildKit passes them on. */
  readonly content: string;
  /** Where the body lies (between the instruction and the terminator line). */
  readonly body: Span;
  /** The terminator line; undefined when the here-document runs to the end of the file. */
  readonly terminator: Span | undefined;
}

/** A `#` comment line (directives are reported separately). */
export interface Comment extends Span {
  /** The text after `#`, trimmed. */
  readonly value: string;
}

/** A parser directive at the top of the file: `# syntax=…`, `# escape=…`, `# check=…`. */
export interface Directive extends Span {
  /** Lower-cased name. */
  readonly name: 'syntax' | 'escape' | 'check';
  readonly nameToken: Token;
  readonly valueToken: Token;
}

export type ProblemSeverity = 'error' | 'warning';

/**
 * A syntax problem. `code` is stable and kebab-case. Codes in BUILDKIT_PARSE_FAILURES are the
 * ones for which BuildKit's own parser rejects the whole file; the others fail the build when
 * BuildKit turns the tree into instructions.
 */
export interface Problem extends Span {
  readonly code: ProblemCode;
  readonly severity: ProblemSeverity;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

export type ProblemCode =
  | 'no-instructions'
  | 'line-too-long'
  | 'duplicate-directive'
  | 'invalid-escape-directive'
  | 'unknown-instruction'
  | 'empty-instruction'
  | 'key-value-missing-value'
  | 'key-value-missing-equals'
  /** `ENV =x`, `LABEL =x`: BuildKit fails the instruction ("names can not be blank"). */
  | 'key-value-blank-name'
  | 'json-array-not-strings'
  | 'unterminated-heredoc'
  | 'heredoc-word-invalid'
  /**
   * `<<'EOF` (a quote left open): BuildKit ignores the line's here-documents, reads the body lines
   * as instructions, and the shell or those lines fail the build.
   */
  | 'heredoc-quote-unterminated'
  // Found by the semantic model: BuildKit fails the build on them.
  | 'instruction-before-from'
  | 'from-arguments'
  | 'invalid-stage-name'
  | 'empty-base-image'
  | 'invalid-image-reference'
  | 'invalid-platform'
  | 'substitution-error'
  /** `ARG =x`: BuildKit's ARG parser fails ("ARG names can not be blank"); its line parser does not. */
  | 'arg-blank-name'
  | 'copy-from-variable'
  | 'stage-index-out-of-range'
  | 'stage-cycle';

export interface Instruction extends Span {
  /** The keyword as written; `value` is its upper-cased form. */
  readonly keyword: Token;
  /** Upper-cased keyword (`RUN`, or e.g. `RUNN` for an unknown instruction). */
  readonly name: string;
  /** Whether the keyword is a Dockerfile instruction. */
  readonly known: boolean;
  readonly flags: readonly Flag[];
  /** Everything after the keyword and flags (logical value trimmed); undefined when empty. */
  readonly argumentsText: Token | undefined;
  /**
   * The arguments as BuildKit splits them: whitespace-separated words for FROM, EXPOSE, and the
   * shell form of ADD/COPY/VOLUME; JSON elements in exec form; the whole text as one argument
   * for the shell form of RUN/CMD/ENTRYPOINT/SHELL and for MAINTAINER/USER/WORKDIR/STOPSIGNAL;
   * for HEALTHCHECK the type (`CMD`, `NONE`) followed by the command; empty for ARG/ENV/LABEL
   * (see `keyValues`), for unknown instructions and for ONBUILD (see `trigger`). The shell-form
   * argument of RUN/CMD/… and the one argument of USER/WORKDIR/… are the `argumentsText` token.
   */
  readonly args: readonly Token[];
  /** For instructions that accept both forms: which one this is; undefined otherwise. */
  readonly form: 'exec' | 'shell' | undefined;
  /** The JSON array when in exec form. */
  readonly exec: ExecForm | undefined;
  /** Set when the arguments start with `[` but are not a JSON array of strings. */
  readonly jsonFallback: JsonFallback | undefined;
  /** ENV, LABEL and ARG pairs. */
  readonly keyValues: readonly KeyValue[];
  /** ENV/LABEL written as `KEY value` (no `=`). */
  readonly legacyKeyValue: boolean;
  readonly heredocs: readonly Heredoc[];
  /** The instruction ONBUILD registers. */
  readonly trigger: Instruction | undefined;
  /** Comment lines inside the continuation (BuildKit drops them). */
  readonly comments: readonly Comment[];
  /** Comment lines before the instruction, as BuildKit collects them (`# check=skip`, descriptions). */
  readonly precedingComments: readonly Comment[];
  /** Lines that are empty inside the continuation (BuildKit warns: NoEmptyContinuation). */
  readonly emptyContinuationLines: readonly number[];
  /** The escape characters that continue the instruction onto the next line. */
  readonly continuations: readonly Span[];
  /** The instruction's logical line, as BuildKit sees it before splitting it. */
  readonly logicalText: string;
  /**
   * Where `logicalText` comes from: pairs [logicalStart, sourceStart, …], each starting a run
   * copied verbatim. Map offsets with logicalToSource / sourceToLogical.
   */
  readonly logicalMap: readonly number[];
}

/** The result of parsing: always a tree, whatever the input. */
export interface DockerfileAst {
  readonly text: string;
  readonly directives: readonly Directive[];
  /** Instructions in document order (ONBUILD triggers are nested, not listed here). */
  readonly instructions: readonly Instruction[];
  /** Every comment line outside here-documents (directives excluded), in document order. */
  readonly comments: readonly Comment[];
  /** Syntax problems, in document order. */
  readonly problems: readonly Problem[];
  /** The escape character in effect (`\` unless `# escape=\``). */
  readonly escapeChar: '\\' | '`';
  /** True when the text starts with a UTF-8 byte order mark (U+FEFF), which BuildKit ignores. */
  readonly hasBom: boolean;
  /**
   * The frontend named the way BuildKit's DetectSyntax finds it (`# syntax=`, also after a `#!`
   * line, `// syntax=`, or a JSON file's "syntax" key); undefined when none is (the builder's
   * built-in Dockerfile frontend then parses the file). A `//` or JSON form means a frontend
   * that does not read Dockerfile syntax.
   */
  readonly syntax: SyntaxDirective | undefined;
}

export type { SyntaxDirective } from './syntaxDirective';
