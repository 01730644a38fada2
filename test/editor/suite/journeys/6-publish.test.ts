// Journey 6, publish: tag an image for the private registry (127.0.0.1:5000, htpasswd auth), push:
// the registry refuses and the editor asks for credentials; the user logs in and the push goes
// through with per-layer progress; searching the registry finds the repository and tag, and
// pulling it from there brings the image back, selected in the Images view; the password shows
// in no log, output channel or message of the editor.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LayerwiseApi } from '../../../../client/src/extension';
import { UserRecorder, docker, editorLogFiles, engineTierState, inspectImage, layerwise, runId, waitFor, waitForImageInTree, workspaceFile } from './support';

describe('journey 6: publish', function () {
  this.timeout(180_000);
  const state = engineTierState();
  const registry = state.registry.address;
  const source = `layerwise-test-journey-publish-${runId}:1`;
  const target = `${registry}/team/app:1.0`;
  let api: LayerwiseApi;
  let user: UserRecorder;

  before(async () => {
    api = await layerwise();
    user = new UserRecorder();
    // An image with a layer of its own, so this run's push is told apart from earlier ones.
    const dockerfile = workspaceFile('journey-6/Dockerfile', `FROM ${state.baseImage}\nRUN echo ${runId} > /published\nLABEL layerwise-test=editor\n`);
    await docker(['build', '-q', '-t', source, path.dirname(dockerfile.fsPath)]);
  });

  after(async () => {
    user.dispose();
    await vscode.commands.executeCommand('layerwise.registry.logout', registry);
    for (const image of [target, source]) await docker(['rmi', '-f', image]).catch(() => undefined);
  });

  it('tag, push refused, log in when asked, push with per-layer progress, search finds it, no password in any log', async () => {
    await vscode.commands.executeCommand('layerwise.images.focus');
    await vscode.commands.executeCommand('layerwise.image.tag', source, target);
    await waitForImageInTree(api, target);
    const imageId = (await inspectImage(target))!.Id;

    // Push: the registry refuses without credentials, the editor asks for them, the user answers.
    const mark = user.mark;
    user.answer('inputBox', /^Log in to 127\.0\.0\.1:5000\n127\.0\.0\.1:5000 needs a login: user name$/, state.registry.username);
    user.answer('inputBox', new RegExp(`^Log in to 127\\.0\\.0\\.1:5000 as ${state.registry.username}\\nPassword or access token$`), state.registry.password);
    await vscode.commands.executeCommand('layerwise.image.push', target);
    const asked = user.shown.slice(mark).filter((entry) => entry.kind === 'inputBox');
    assert.deepEqual(asked.map((entry) => entry.kind === 'inputBox' && entry.password), [false, true], 'user name, then a masked password');
    await user.waitForMessage(/^Pushed 127\.0\.0\.1:5000\/team\/app:1\.0\.$/, mark);
    const pushes = user.progress(/^Pushing 127\.0\.0\.1:5000\/team\/app:1\.0$/, mark);
    assert.equal(pushes.length, 2, 'the refused push, then the one after logging in');
    assert.ok(pushes[1]!.reports.some((report) => /^\d+\/\d+ layers/.test(report)), `per-layer progress: ${JSON.stringify(pushes[1]!.reports)}`);
    // The registry holds this run's image under 1.0.
    assert.equal((await inspectImage(target))!.Id, imageId);
    const repoDigest = (JSON.parse(await docker(['image', 'inspect', '--format', '{{json .RepoDigests}}', target])) as string[]).find((entry) => entry.startsWith(`${registry}/team/app@`));
    assert.ok(repoDigest, 'the engine recorded the pushed digest');

    // Search the private registry: the repository and its tag; a pick can be copied or pulled.
    user.answer('quickPick', /result\(s\) on 127\.0\.0\.1:5000/, 'team/app:1.0');
    user.answer('quickPick', /^What to do with 127\.0\.0\.1:5000\/team\/app:1\.0\n/, 'Copy Reference');
    await vscode.commands.executeCommand('layerwise.image.search', { registry, term: 'team/app' });
    const results = user.shown.slice(mark).find((entry) => entry.kind === 'quickPick' && /result\(s\) on/.test(entry.title ?? ''));
    assert.ok(results?.kind === 'quickPick' && results.items.includes('team/app:1.0'), JSON.stringify(results));
    assert.equal(await vscode.env.clipboard.readText(), target);

    // Gone from the engine, found again and pulled: the same image is back, selected in the Images view.
    await docker(['rmi', target]);
    const pullMark = user.mark;
    user.answer('quickPick', /result\(s\) on 127\.0\.0\.1:5000/, 'team/app:1.0');
    user.answer('quickPick', /^What to do with 127\.0\.0\.1:5000\/team\/app:1\.0\n/, 'Pull');
    await vscode.commands.executeCommand('layerwise.image.search', { registry, term: 'team/app' });
    await user.waitForMessage(/^Pulled 127\.0\.0\.1:5000\/team\/app:1\.0\.$/, pullMark);
    assert.equal((await inspectImage(target))!.Id, imageId);
    const pulls = user.progress(/^Pulling 127\.0\.0\.1:5000\/team\/app:1\.0$/, pullMark);
    assert.equal(pulls.length, 1, 'one pull, with the stored login');
    assert.ok(pulls[0]!.reports.some((report) => /^\d+\/\d+ layers/.test(report)), `per-layer progress: ${JSON.stringify(pulls[0]!.reports)}`);
    const selected = await waitFor('the pulled image selected in the Images view', () => {
      const selection = api.explorer.imagesSelection();
      return selection.length === 1 && selection[0]!.kind === 'image' ? selection[0] : undefined;
    });
    assert.equal(selected.kind === 'image' && selected.ref, target);

    // The credentials never show: not in a message, nor in any log or output channel file.
    const secrets = [state.registry.password, Buffer.from(`${state.registry.username}:${state.registry.password}`).toString('base64')];
    for (const entry of user.messages()) for (const secret of secrets) assert.ok(!entry.message.includes(secret) && !(entry.detail ?? '').includes(secret), `a message shows a credential: ${entry.message}`);
    const files = await waitFor('the push in the Layerwise Operations output', () => {
      const found = editorLogFiles();
      const operations = found.find((file) => file.endsWith('Layerwise Operations.log'));
      return operations && fs.readFileSync(operations, 'utf8').includes(`Pushed ${target}`) ? found : undefined;
    });
    assert.ok(files.some((file) => file.endsWith(`${path.sep}Layerwise.log`)), 'the extension log is among the files read');
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const secret of secrets) assert.ok(!text.includes(secret), `${file} holds a credential`);
    }
    assert.deepEqual(user.unanswered(), []);
  });
});
