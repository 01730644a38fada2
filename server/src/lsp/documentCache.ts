// Parse once per document version: every feature asks this cache, which computes the analysis
// of a document the first time a version is asked for and keeps only the latest. Only the most
// recently used documents keep theirs: an editor (or a benchmark) may have hundreds of files
// open that nobody looks at, and parsing one again takes well under a millisecond.
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** Analyses kept: the documents a user works with, with room to spare. */
const DEFAULT_MAX_DOCUMENTS = 32;

export class DocumentCache<T> {
  /** In order of use, the most recent last. */
  private readonly entries = new Map<string, { version: number; value: T }>();

  constructor(
    private readonly compute: (text: string, uri: string) => T,
    private readonly maxDocuments = DEFAULT_MAX_DOCUMENTS,
  ) {}

  get(document: TextDocument): T {
    const entry = this.entries.get(document.uri);
    if (entry) this.entries.delete(document.uri);
    const value = entry && entry.version === document.version ? entry.value : this.compute(document.getText(), document.uri);
    this.entries.set(document.uri, { version: document.version, value });
    if (this.entries.size > this.maxDocuments) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
