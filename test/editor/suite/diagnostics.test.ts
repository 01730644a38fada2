// Diagnostics and quick fixes in the real VS Code: a Dockerfile with a known problem shows the
// diagnostic, its quick fix (the same path as the light bulb) applies, and the problem goes away.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { waitFor } from './helpers';

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

async function untitledDockerfile(content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content });
  await vscode.window.showTextDocument(document);
  return document;
}

async function diagnosticOf(document: vscode.TextDocument, code: string): Promise<vscode.Diagnostic> {
  return waitFor(`the ${code} diagnostic`, () => vscode.languages.getDiagnostics(document.uri).find((diagnostic) => codeOf(diagnostic) === code));
}

async function applyQuickFix(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, title: RegExp): Promise<void> {
  const actions = await waitFor('quick fixes', async () => {
    const found = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    return found && found.length > 0 ? found : undefined;
  });
  const action = actions.find((candidate) => title.test(candidate.title));
  assert.ok(action?.edit, `a quick fix titled ${title} among ${actions.map((candidate) => candidate.title).join(' | ')}`);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
}

describe('diagnostics and quick fixes', () => {
  it('flags a shell-form ENTRYPOINT with the reason and fixes it in one click', async () => {
    const document = await untitledDockerfile('FROM ubuntu:24.04\nENTRYPOINT top -b\nCMD ["-c"]\n');
    const diagnostic = await diagnosticOf(document, 'json-args-recommended');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diagnostic.message, /does not receive SIGTERM, and CMD and docker run arguments are ignored/);
    assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.character], [1, 11, 17]);
    await applyQuickFix(document, diagnostic, /^Convert to ENTRYPOINT \["top", "-b"\]$/);
    assert.equal(document.getText(), 'FROM ubuntu:24.04\nENTRYPOINT ["top", "-b"]\nCMD ["-c"]\n');
    await waitFor('the diagnostic to go away', () => !vscode.languages.getDiagnostics(document.uri).some((item) => codeOf(item) === 'json-args-recommended'));
  });

  it('flags the rm of a file an earlier layer wrote and merges the RUNs into one layer', async () => {
    const document = await untitledDockerfile('FROM busybox:1.36\nRUN dd if=/dev/zero of=/big-1 bs=1M count=100\nRUN rm -f /big-1\n');
    const diagnostic = await diagnosticOf(document, 'layer-waste-delete');
    assert.equal(diagnostic.range.start.line, 2);
    assert.match(diagnostic.message, /\/big-1 was written by an earlier layer \(line 2/);
    await applyQuickFix(document, diagnostic, /^Merge lines 2–3 into one RUN$/);
    assert.equal(document.getText(), 'FROM busybox:1.36\nRUN dd if=/dev/zero of=/big-1 bs=1M count=100 && \\\n    rm -f /big-1\n');
    await waitFor('the diagnostic to go away', () => !vscode.languages.getDiagnostics(document.uri).some((item) => codeOf(item) === 'layer-waste-delete'));
  });
});
