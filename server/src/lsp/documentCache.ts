// Parse once per document version: every feature asks this cache, which computes the
// analysis of a document the first time a version is asked for and keeps only the latest. The
// analysis of a new version is given the previous one, to keep what the edit left unchanged.
import type { TextDocument } from 'vscode-languageserver-textdocument';

export class DocumentCache<T> {
  private readonly entries = new Map<string, { version: number; value: T }>();

  constructor(private readonly compute: (text: string, uri: string, previous: T | undefined) => T) {}

  get(document: TextDocument): T {
    const entry = this.entries.get(document.uri);
    if (entry && entry.version === document.version) return entry.value;
    const value = this.compute(document.getText(), document.uri, entry?.value);
    this.entries.set(document.uri, { version: document.version, value });
    return value;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
