// Builds LSP completion items the same way for every kind of suggestion: a text edit over the
// exact source span being completed, Markdown or plain documentation as the client prefers,
// snippets only for clients that take them, and sort keys that keep the best guess first.
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, MarkupKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver-types';
import type { DockerfileDocument } from '..';
import { lineEnd } from '../fixes/text';
import { markdownToPlainText } from '../reference/markdown';
import { renderDoc, type DocKey } from './documentation';
import type { CompletionOptions } from './types';

export { CompletionItemKind };

export interface ItemSpec {
  readonly label: string;
  readonly kind: CompletionItemKind;
  /** Source span replaced by the item. */
  readonly start: number;
  readonly end: number;
  /** Text inserted (defaults to the label). */
  readonly insert?: string;
  /** LSP snippet inserted instead of `insert` when the client supports snippets. */
  readonly snippet?: string;
  readonly detail?: string;
  /** A short qualifier shown after the label (e.g. a value's meaning). */
  readonly description?: string;
  /** Markdown, or the key of reference documentation (sent lazily when the client resolves items). */
  readonly documentation?: string | DocKey;
  /** Lower sorts first; ties sort by `order`, then by label. */
  readonly rank?: number;
  readonly order?: number;
  readonly filter?: string;
  /** More completions follow right after this item (`--mount=` → types). */
  readonly retrigger?: boolean;
  readonly deprecated?: boolean;
  readonly preselect?: boolean;
  readonly additionalEdits?: readonly { readonly start: number; readonly end: number; readonly newText: string }[];
}

export class ItemBuilder {
  private readonly markdown: boolean;
  private readonly snippets: boolean;
  private cursorPosition: Position | undefined;

  constructor(
    private readonly document: DockerfileDocument,
    private readonly options: CompletionOptions,
    /** The cursor: an item's range must hold it and stay on its line (VS Code drops items otherwise). */
    private readonly cursor: number,
  ) {
    this.cursorPosition = undefined;
    this.markdown = options.markdown !== false;
    this.snippets = options.snippets !== false;
  }

  /**
   * The range an item replaces: the word's, cut to the cursor's line (a word continued across a
   * line break by the escape character spans two), or the empty range at the cursor when the word
   * does not hold the cursor on that line (an instruction whose keyword follows a stray escape).
   */
  private rangeAtCursor(start: number, end: number): Range {
    const lines = this.document.ast.lines;
    const range = lines.rangeOf(start, end);
    const cursor = (this.cursorPosition ??= lines.positionAt(this.cursor));
    if (range.start.line === range.end.line && range.start.line === cursor.line && range.start.character <= cursor.character && cursor.character <= range.end.character) return range;
    const from = Math.max(start, this.cursor - cursor.character);
    const to = Math.min(end, lineEnd(this.document.text, this.cursor));
    return from <= this.cursor && this.cursor <= to ? lines.rangeOf(from, to) : { start: cursor, end: cursor };
  }

  get supportsSnippets(): boolean {
    return this.snippets;
  }

  build(spec: ItemSpec): CompletionItem {
    const lines = this.document.ast.lines;
    const range = this.rangeAtCursor(spec.start, spec.end);
    const useSnippet = spec.snippet !== undefined && this.snippets;
    const newText = useSnippet ? spec.snippet! : (spec.insert ?? spec.label);
    const item: CompletionItem = {
      label: spec.label,
      kind: spec.kind,
      textEdit: { range, newText },
      sortText: `${String(spec.rank ?? 50).padStart(3, '0')}_${spec.order === undefined ? '' : String(spec.order).padStart(5, '0')}${spec.label}`,
    };
    if (useSnippet) item.insertTextFormat = InsertTextFormat.Snippet;
    if (spec.detail) item.detail = spec.detail;
    if (spec.description) item.labelDetails = { description: spec.description };
    if (typeof spec.documentation === 'object' && this.options.resolveDocumentation) item.data = spec.documentation;
    else {
      const markdown = typeof spec.documentation === 'object' ? renderDoc(spec.documentation) : spec.documentation;
      if (markdown) item.documentation = this.markdown ? { kind: MarkupKind.Markdown, value: markdown } : { kind: MarkupKind.PlainText, value: markdownToPlainText(markdown) };
    }
    if (spec.filter) item.filterText = spec.filter;
    if (spec.deprecated) item.tags = [CompletionItemTag.Deprecated];
    if (spec.preselect) item.preselect = true;
    if (spec.retrigger && this.options.retriggerCommand) item.command = { title: 'Suggest', command: this.options.retriggerCommand };
    if (spec.additionalEdits?.length) {
      item.additionalTextEdits = spec.additionalEdits.map((edit) => ({ range: lines.rangeOf(edit.start, edit.end), newText: edit.newText }));
    }
    return item;
  }
}

/** Human-readable byte size: 5.6 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** `2024-05-01` from epoch seconds. */
export function formatDate(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().slice(0, 10);
}
