// Parse once per document version: every feature asks this cache, which computes the
// analysis of a document the first time a version is asked for and keeps only the latest.
import type { TextDocument } from 'vscode-languageserver-textdocument';

export class DocumentCache<T> {
  private readonly entries = new Map<string, { version: number; value: T }>();

  constructor(private readonly compute: (text: string, uri: string) => T) {}

  get(document: TextDocument): T {
    const entry = this.entries.get(document.uri);
    if (entry && entry.version === document.version) return entry.value;
    const value = this.compute(document.getText(), document.uri);
    this.entries.set(document.uri, { version: document.version, value });
    return value;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
