// Read-only documents (inspect JSON, history, health log) under the `layerwise-view:` scheme: the
// editor shows them with syntax colouring, search and folding, and the user cannot edit them.
import * as vscode from 'vscode';

export const readonlyScheme = 'layerwise-view';

export class ReadonlyDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** Opens (or refreshes) a read-only document named `name` (its extension picks the language). */
  async show(name: string, content: string, language?: string): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.from({ scheme: readonlyScheme, path: `/${name.replace(/[\\/:*?"<>|]+/g, '_')}` });
    this.contents.set(uri.toString(), content);
    this.changed.fire(uri);
    let document = await vscode.workspace.openTextDocument(uri);
    if (language && document.languageId !== language) document = await vscode.languages.setTextDocumentLanguage(document, language);
    await vscode.window.showTextDocument(document, { preview: true });
    return document;
  }

  dispose(): void {
    this.changed.dispose();
    this.contents.clear();
  }
}
