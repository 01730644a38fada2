// Journey 8, inspect and explain: the FROM hover of a stage shows the config its image will get
// (env, workdir, user, ports, what runs), checked against the image the build makes; Inspect
// opens the image's JSON and History its layers, both read-only.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { UserRecorder, docker, engineTierState, hoverText, inspectImage, layerwise, open, runId, waitFor, workspaceFile } from './support';

describe('journey 8: inspect and explain', function () {
  this.timeout(180_000);
  const base = engineTierState().baseImage;
  const tag = `layerwise-test-journey-explain-${runId}:1`;
  let user: UserRecorder;

  before(async () => {
    await layerwise();
    user = new UserRecorder();
  });

  after(async () => {
    user.dispose();
    await docker(['rmi', '-f', tag]).catch(() => undefined);
  });

  it('the FROM hover predicts the config the build gives the image', async () => {
    const uri = workspaceFile('journey-8/Dockerfile', [
      `FROM ${base} AS app`,
      'ENV MODE=production PORT=8080',
      'WORKDIR /srv/app',
      "RUN echo 'app:x:1000:1000::/srv/app:/bin/sh' >> /etc/passwd",
      'USER app',
      'EXPOSE 8080/tcp 9090/udp',
      'ENTRYPOINT ["httpd", "-f"]',
      'CMD ["-p", "8080"]',
      '',
    ].join('\n'));
    const document = await open(uri);
    const hover = await waitFor('the predicted config in the FROM hover', async () => {
      const text = await hoverText(document, new vscode.Position(0, 2));
      return /Runs:/.test(text) && /8080/.test(text) ? text : undefined;
    });
    assert.match(hover, /Image config of stage `app`/);
    assert.match(hover, /Runs: `httpd -f -p 8080`/);
    assert.match(hover, /`docker run IMAGE args…` replaces the CMD part/);
    assert.match(hover, /User: `app` \(line 5\)/);
    assert.match(hover, /Working directory: `\/srv\/app` \(line 3\)/);
    assert.match(hover, /Exposed ports: `8080\/tcp`, `9090\/udp` \(line 6\)/);
    assert.match(hover, /Environment: `PATH=[^`]+`, `MODE=production`, `PORT=8080`/);

    // The build gives the image exactly that config.
    await vscode.commands.executeCommand('layerwise.image.build', uri, { tags: [tag] });
    const config = (await inspectImage(tag))?.Config as { Entrypoint: string[]; Cmd: string[]; User: string; WorkingDir: string; ExposedPorts: Record<string, unknown>; Env: string[] } | undefined;
    assert.ok(config, `${tag} was built: ${JSON.stringify(user.messages('error'))}`);
    assert.equal([...config.Entrypoint, ...config.Cmd].join(' '), 'httpd -f -p 8080');
    assert.equal(config.User, 'app');
    assert.equal(config.WorkingDir, '/srv/app');
    assert.deepEqual(Object.keys(config.ExposedPorts).sort(), ['8080/tcp', '9090/udp']);
    for (const variable of config.Env) assert.ok(hover.includes(`\`${variable}\``), `${variable} is in the hover`);
  });

  it('Inspect and History open read-only documents', async () => {
    const id = (await inspectImage(tag))!.Id;
    await vscode.commands.executeCommand('layerwise.image.inspect', tag);
    const inspected = await waitFor('the inspect document', () => {
      const document = vscode.window.activeTextEditor?.document;
      return document?.uri.scheme === 'layerwise-view' && document.languageId === 'json' ? document : undefined;
    });
    const json = JSON.parse(inspected.getText()) as { Id: string; Config: { User: string } };
    assert.equal(json.Id, id);
    assert.equal(json.Config.User, 'app');
    await assertReadOnly(inspected);

    await vscode.commands.executeCommand('layerwise.image.history', tag);
    const history = await waitFor('the history document', () => {
      const document = vscode.window.activeTextEditor?.document;
      return document?.uri.scheme === 'layerwise-view' && document.languageId === 'markdown' ? document : undefined;
    });
    const text = history.getText();
    assert.match(text, new RegExp(`^# History of ${tag.replace(/[.:]/g, '\\$&')}$`, 'm'));
    const rows = text.split('\n').filter((line) => /^\| \d{4}-/.test(line));
    const cli = (await docker(['history', '--format', '{{.ID}}', tag])).split('\n');
    assert.equal(rows.length, cli.length, `one row per layer, as docker history:\n${rows.join('\n')}\n${cli.join('\n')}`);
    assert.match(rows[0]!, /CMD \["-p" "8080"\]|CMD \["-p","8080"\]/, 'newest first');
    assert.ok(rows.some((row) => row.includes('app:x:1000:1000')));
    assert.match(rows.at(-1)!, /\| `Imported from -` \|$/, 'the base layer says where it came from');
    await assertReadOnly(history);
    assert.deepEqual(user.unanswered(), []);
  });
});

/**
 * Typing into the document's editor (the keyboard's `type` command) changes nothing. (The API's
 * own edits do apply to such a document: the editor, not the document, is read-only.)
 */
async function assertReadOnly(document: vscode.TextDocument): Promise<void> {
  // The same keystrokes do reach an ordinary document.
  const scratch = await vscode.workspace.openTextDocument({ language: 'json', content: '{}' });
  await vscode.window.showTextDocument(scratch);
  await vscode.commands.executeCommand('type', { text: 'typed ' });
  assert.equal(scratch.getText(), 'typed {}');
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  const before = document.getText();
  const editor = await vscode.window.showTextDocument(document);
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  await vscode.commands.executeCommand('type', { text: 'typed ' });
  assert.equal(document.getText(), before, `typing into ${document.uri.toString()} changed it`);
  assert.equal(document.isDirty, false);
}
