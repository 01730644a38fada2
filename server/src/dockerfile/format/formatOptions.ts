// What the formatter can be told: the editor's indentation (LSP FormattingOptions) and the
// `layerwise.format.*` settings.

export interface FormatOptions {
  /** Size of one indentation step in spaces (LSP `tabSize`). */
  readonly tabSize: number;
  /** Indent with spaces (LSP `insertSpaces`), else with one tab. */
  readonly insertSpaces: boolean;
  /** Write instruction keywords in upper case (`layerwise.format.uppercaseKeywords`). */
  readonly uppercaseKeywords?: boolean;
  /**
   * Continuation lines of shell-form commands (RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK CMD):
   * BuildKit keeps their leading blanks inside the command text it records (and uses as the
   * build cache key). 'preserveCommand' re-indents them only where the command text stays the
   * same; 'always' re-indents every one (the shell runs the same words, but the recorded text
   * and so the cache key change). `layerwise.format.shellContinuationIndent`.
   */
  readonly shellContinuationIndent?: 'preserveCommand' | 'always';
  /** LSP: insert a final newline when missing. */
  readonly insertFinalNewline?: boolean;
  /** LSP: trim the empty lines after the last one with content. */
  readonly trimFinalNewlines?: boolean;
}

export function indentUnit(options: FormatOptions): string {
  return options.insertSpaces ? ' '.repeat(Math.max(1, Math.min(16, options.tabSize || 4))) : '\t';
}
