// Editing a Dockerfile in the real VS Code: rename and formatting through the editor's own
// commands (the same path as F2 and Format Document), and linked editing as the user types.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { formatDocument, waitFor } from './helpers';

async function untitledDockerfile(content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content });
  await vscode.window.showTextDocument(document);
  return document;
}

describe('editing a Dockerfile', () => {
  it('renames a stage and every reference to it (F2)', async () => {
    const document = await untitledDockerfile('FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n');
    const edit = await waitFor('a rename from the language server', async () => {
      try {
        return await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, new vscode.Position(0, 22), 'compile');
      } catch {
        return undefined;
      }
    });
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(document.getText(), 'FROM golang:1.23 AS compile\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=compile /out/app /app\n');
  });

  it('refuses a rename that would merge two stages, saying why', async () => {
    const document = await untitledDockerfile('FROM golang:1.23 AS build\nFROM alpine:3.20 AS test\nCOPY --from=build / /\n');
    await waitFor('the language server', async () => (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri))?.length === 2);
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, new vscode.Position(0, 22), 'test')),
      /already has that name/,
    );
  });

  it('formats the document (Format Document) without changing what BuildKit builds', async () => {
    const document = await untitledDockerfile('from alpine:3.20   \nrun   apk add --no-cache curl   \\\n  && rm -rf /var/cache/apk/*\ncopy  a  /b/\n');
    await formatDocument(document);
    assert.equal(document.getText(), 'FROM alpine:3.20\nRUN apk add --no-cache curl \\\n    && rm -rf /var/cache/apk/*\nCOPY a /b/\n');
  });

  it('typing in a here-document delimiter changes its terminator too (linked editing, on for Dockerfiles)', async () => {
    assert.equal(vscode.workspace.getConfiguration('editor', { languageId: 'dockerfile' }).get('linkedEditing'), true);
    const original = 'FROM alpine:3.20\nRUN <<EOF\necho hi\nEOF\n';
    const document = await untitledDockerfile(original);
    const editor = vscode.window.activeTextEditor!;
    const afterMarker = new vscode.Position(1, 9);
    editor.selection = new vscode.Selection(afterMarker, afterMarker);
    // The editor asks for the linked ranges when the cursor settles; until they arrive a key
    // changes the marker alone, so such a try is put back and the key pressed again.
    await waitFor('the terminator to follow the marker', async () => {
      const text = document.getText();
      if (text === 'FROM alpine:3.20\nRUN <<EOFX\necho hi\nEOFX\n') return true;
      if (text !== original) {
        const reset = new vscode.WorkspaceEdit();
        reset.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(text.length)), original);
        await vscode.workspace.applyEdit(reset);
        editor.selection = new vscode.Selection(afterMarker, afterMarker);
        return undefined;
      }
      await vscode.commands.executeCommand('type', { text: 'X' });
      return undefined;
    }, 30_000, 300);
  });
});
