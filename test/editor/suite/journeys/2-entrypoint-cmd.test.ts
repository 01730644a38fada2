// Journey 2, ENTRYPOINT and CMD: the hover on each says what the container runs in the end
// (`top -b -c`) and what a `docker run` argument replaces; rewriting ENTRYPOINT in shell form is
// flagged with the reason and fixed in one click, after which the hover says the same again.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { codeOf, copyExample, hoverText, layerwise, lineOf, open, waitFor } from './support';

describe('journey 2: ENTRYPOINT and CMD', () => {
  before(async () => {
    await layerwise();
  });

  it('hover explains what runs; a shell-form ENTRYPOINT is flagged and fixed in one click', async () => {
    const document = await open(copyExample('entrypoint-cmd/Dockerfile', 'journey-2'));
    const entrypoint = lineOf(document, 'ENTRYPOINT');
    const cmd = lineOf(document, 'CMD');
    const onEntrypoint = await waitFor('the ENTRYPOINT hover', async () => {
      const text = await hoverText(document, new vscode.Position(entrypoint, 3));
      return text.includes('top -b -c') ? text : undefined;
    });
    // What runs, where each part comes from, and what `docker run` arguments replace.
    assert.match(onEntrypoint, /Runs: `top -b -c`/);
    assert.match(onEntrypoint, /ENTRYPOINT `\["top","-b"\]` \(line 4\), then CMD `\["-c"\]` \(line 5\)/);
    assert.match(onEntrypoint, /`docker run IMAGE args…` replaces the CMD part; `--entrypoint` replaces the ENTRYPOINT/);
    const onCmd = await hoverText(document, new vscode.Position(cmd, 1));
    assert.match(onCmd, /Runs: `top -b -c`/);
    assert.match(onCmd, /default arguments of ENTRYPOINT/);

    // The user writes the ENTRYPOINT in shell form: flagged, with the reason.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, document.lineAt(entrypoint).range, 'ENTRYPOINT top -b');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const finding = await waitFor('the shell-form ENTRYPOINT flagged', () => vscode.languages.getDiagnostics(document.uri).find((diagnostic) => codeOf(diagnostic) === 'json-args-recommended'));
    assert.equal(finding.range.start.line, entrypoint);
    assert.match(finding.message, /does not receive SIGTERM, and CMD and docker run arguments are ignored/);
    const shellForm = await waitFor('the hover of the shell form', async () => {
      const text = await hoverText(document, new vscode.Position(entrypoint, 3));
      return /Runs: `\/bin\/sh -c/.test(text) ? text : undefined;
    });
    assert.match(shellForm, /top -b/);
    assert.doesNotMatch(shellForm, /Runs: `top -b -c`/);

    // One click: the quick fix writes the exec form back, and the finding goes.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, finding.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.title === 'Convert to ENTRYPOINT ["top", "-b"]');
    assert.ok(fix?.edit, `the exec-form fix among ${actions.map((action) => action.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.lineAt(entrypoint).text, 'ENTRYPOINT ["top", "-b"]');
    await waitFor('the finding to go', () => !vscode.languages.getDiagnostics(document.uri).some((diagnostic) => codeOf(diagnostic) === 'json-args-recommended'));
    assert.match(await hoverText(document, new vscode.Position(entrypoint, 3)), /Runs: `top -b -c`/);
  });
});
