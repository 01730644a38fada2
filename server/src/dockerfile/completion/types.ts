// Inputs of the completion service besides the document and the cursor.

/** An image on the user's engine, as the client reports it (no I/O happens in the core). */
export interface KnownImage {
  /** `sha256:…`. */
  readonly id: string;
  /** `repository:tag` references. */
  readonly repoTags: readonly string[];
  /** `repository@sha256:…` references (images pulled from or pushed to a registry). */
  readonly repoDigests: readonly string[];
  /** Creation time, epoch seconds. */
  readonly created: number;
  readonly sizeBytes: number;
}

export interface CompletionOptions {
  /** The client renders Markdown documentation (default true). */
  readonly markdown?: boolean;
  /** The client accepts snippets (default true). */
  readonly snippets?: boolean;
  /** Images on the user's engine, for FROM, `COPY --from=` and `--mount=from=`; empty without an engine. */
  readonly images?: readonly KnownImage[];
  /**
   * A client command that opens the suggestions again, attached to items after which more
   * completions follow (`--mount=` → its types); VS Code's is `editor.action.triggerSuggest`.
   */
  readonly retriggerCommand?: string;
  /**
   * Leave reference documentation out of the items and name it in `data` instead, for a client
   * that asks for it with completionItem/resolve (see resolveCompletionItem).
   */
  readonly resolveDocumentation?: boolean;
  /**
   * The character that made the client ask (LSP CompletionContext.triggerCharacter); undefined
   * when the user asked. A space typed at the start of a line or in a comment then offers
   * nothing, so that Enter right after it still means a new line.
   */
  readonly triggerCharacter?: string;
}
