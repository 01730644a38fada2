// Build and push from the command palette in the real editor, against the engine tier's dockerd
// and its authenticated registry: a successful build shows its image in the explorer, a failing
// step becomes a diagnostic on its Dockerfile line, a loaded image is revealed and selected in the
// Images view, a push without login is refused and a push after logging in lands in the registry,
// and a pull after logging in brings an image back from it.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LayerwiseApi } from '../../../client/src/extension';
import type { ImagesViewNode } from '../../../client/src/explorer';
import { findCredentials } from '../../../client/src/engine/operations/credentials';
import { searchRegistry } from '../../../client/src/engine/operations/search';
import { docker, engineTierState, layerwise, waitFor, writeWorkspaceFile } from './helpers';
import { UserRecorder, editorLogFiles } from './journeys/support';

describe('operations from the command palette', () => {
  const run = `${process.pid}-${Date.now().toString(36)}`;
  const state = engineTierState();
  const images: string[] = [];
  let api: LayerwiseApi;

  before(async () => {
    api = await layerwise();
    await vscode.commands.executeCommand('layerwise.images.focus');
  });

  after(async () => {
    for (const image of images) await docker('rmi', '-f', image).catch(() => undefined);
  });

  it('Build Image: the image is built and shows in the Images view', async () => {
    const repository = `layerwise-test-editor-build-${run}`;
    const dockerfile = writeWorkspaceFile('ops-build/Dockerfile', `FROM ${state.baseImage}\nRUN echo built-in-the-editor > /proof\n`);
    images.push(`${repository}:1`);
    await vscode.commands.executeCommand('layerwise.image.build', dockerfile, { tags: [`${repository}:1`] });
    assert.equal(await docker('run', '--rm', `${repository}:1`, 'cat', '/proof'), 'built-in-the-editor');
    const node = await waitFor('the built image in the Images view', async () => {
      await api.explorer.refresh();
      const roots: ImagesViewNode[] = await api.explorer.imagesChildren();
      return roots.find((candidate) => candidate.label === repository);
    });
    assert.equal(api.explorer.imagesTreeItem(node).contextValue, 'image.repository');
    assert.deepEqual(vscode.languages.getDiagnostics(dockerfile).filter((diagnostic) => diagnostic.source === 'Layerwise build'), []);
  });

  it('Build Image: a failing RUN becomes an error diagnostic on its line, with the output', async () => {
    const dockerfile = writeWorkspaceFile('ops-fail/Dockerfile', `FROM ${state.baseImage}\nRUN echo fine\nRUN echo "the compiler says no" && exit 5\nCMD ["sh"]\n`);
    await vscode.commands.executeCommand('layerwise.image.build', dockerfile, { tags: [`layerwise-test-editor-fail-${run}:1`] });
    const diagnostics = await waitFor('the build diagnostic', () => {
      const found = vscode.languages.getDiagnostics(dockerfile).filter((diagnostic) => diagnostic.source === 'Layerwise build');
      return found.length > 0 ? found : undefined;
    });
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.range.start.line, 2);
    assert.equal(diagnostics[0]!.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostics[0]!.message, /exit code: 5/);
    assert.match(diagnostics[0]!.message, /the compiler says no/);
  });

  it('Load Image: the loaded image is revealed and selected in the Images view', async () => {
    const repository = `layerwise-test-editor-load-${run}`;
    const tag = `${repository}:1`;
    images.push(tag);
    const archive = path.join(os.tmpdir(), `${repository}.tar`);
    await docker('tag', state.baseImage, tag);
    await docker('save', '-o', archive, tag);
    await docker('rmi', tag);
    try {
      // Another view in front: the load brings the Images view back.
      await vscode.commands.executeCommand('workbench.view.explorer');
      await vscode.commands.executeCommand('layerwise.image.load', archive);
      const selected = await waitFor('the loaded image selected in the Images view', () => {
        const selection = api.explorer.imagesSelection();
        return selection.length === 1 && selection[0]!.kind === 'image' ? selection[0] : undefined;
      });
      assert.equal(selected.kind === 'image' && selected.ref, tag);
      assert.equal(api.explorer.imagesTreeItem(selected).contextValue, 'image.tag');
    } finally {
      fs.rmSync(archive, { force: true });
    }
  });

  it('Push Image: refused without a login; after Log In to Registry the push lands in the registry', async () => {
    const registry = state.registry.address;
    const repository = `team/layerwise-test-editor-push-${run}`;
    const target = `${registry}/${repository}:1.0`;
    const source = `layerwise-test-editor-push-src-${run}:1`;
    const dockerfile = writeWorkspaceFile('ops-push/Dockerfile', `FROM ${state.baseImage}\nRUN echo pushed > /proof\n`);
    images.push(source, target);
    await vscode.commands.executeCommand('layerwise.image.build', dockerfile, { tags: [source] });
    const login = { serveraddress: registry, username: state.registry.username, password: state.registry.password, source: 'layerwise-login' as const };
    const listed = async () => (await searchRegistry({ registry, term: repository, credentials: login })).find((entry) => entry.name === repository)?.tags ?? [];

    // Without any login (and with none in ~/.docker/config.json) the registry refuses the push.
    if (!(await findCredentials(registry))) {
      await vscode.commands.executeCommand('layerwise.image.push', source, { target, noPrompt: true });
      assert.deepEqual(await listed(), []);
    }
    await vscode.commands.executeCommand('layerwise.registry.login', { registry, username: state.registry.username, password: state.registry.password });
    await vscode.commands.executeCommand('layerwise.image.push', source, { target, noPrompt: true });
    assert.deepEqual(await listed(), ['1.0']);
    await vscode.commands.executeCommand('layerwise.registry.logout', registry);
  });

  it('Pull Image: refused without a login; after Log In to Registry the FROM line offers the pull and the image comes back, selected', async () => {
    const registry = state.registry.address;
    const target = `${registry}/team/layerwise-test-editor-pull-${run}:1.0`;
    const source = `layerwise-test-editor-pull-src-${run}:1`;
    images.push(source, target);
    await docker('tag', state.baseImage, source);
    const login = { registry, username: state.registry.username, password: state.registry.password };
    await vscode.commands.executeCommand('layerwise.registry.login', login);
    await vscode.commands.executeCommand('layerwise.image.push', source, { target, noPrompt: true });
    await vscode.commands.executeCommand('layerwise.registry.logout', registry);
    const imageId = (await docker('image', 'inspect', '--format', '{{.Id}}', target)).trim();
    await docker('rmi', target);
    const present = () => docker('image', 'inspect', target).then(() => true, () => false);

    if (!(await findCredentials(registry))) {
      await vscode.commands.executeCommand('layerwise.image.pull', target, { noPrompt: true });
      assert.equal(await present(), false, 'pulled without credentials');
    }
    // Analysing the layers of an image the engine lacks offers to pull it first.
    await vscode.commands.executeCommand('layerwise.registry.login', login);
    const user = new UserRecorder();
    try {
      user.answer('notification', /has no image/, 'Pull and Analyse');
      await vscode.commands.executeCommand('layerwise.layers.analyse', target);
      const offer = await waitFor('the offer to pull', () => user.messages('error').find((entry) => entry.buttons.includes('Pull and Analyse')));
      assert.match(offer.message, new RegExp(`has no image ${target.replace(/[.]/g, '\\.')}`));
      await waitFor('the image pulled by the button', async () => ((await present()) ? true : undefined));
      const summary = await waitFor('the pulled image analysed', () => api.layers.summary(imageId));
      assert.ok(summary.layers.length >= 1, `layers: ${summary.layers.length}`);
    } finally {
      user.dispose();
    }
    await docker('rmi', target);

    // The Dockerfile that needs it offers the pull on its FROM line; the action runs the command.
    const dockerfile = writeWorkspaceFile('ops-pull/Dockerfile', `FROM ${target}\nRUN true\n`);
    await vscode.window.showTextDocument(dockerfile);
    const action = await waitFor('the Pull action on the FROM line', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', dockerfile, new vscode.Range(0, 1, 0, 1));
      return actions.find((candidate) => candidate.title === `Pull ${target} (not on your engine)`);
    });
    assert.deepEqual(action.command?.arguments, [target]);
    await vscode.commands.executeCommand(action.command!.command, ...action.command!.arguments!);
    assert.equal((await docker('image', 'inspect', '--format', '{{.Id}}', target)).trim(), imageId);
    const selected = await waitFor('the pulled image selected in the Images view', () => {
      const selection = api.explorer.imagesSelection();
      return selection.length === 1 && selection[0]!.kind === 'image' && selection[0]!.ref === target ? selection[0] : undefined;
    });
    assert.equal(api.explorer.imagesTreeItem(selected).contextValue, 'image.tag');

    // From the tag's context menu, and as the FROM lines' "pull all" names them: pulled again,
    // the registry has nothing newer.
    await vscode.commands.executeCommand('layerwise.image.pull', selected, [selected]);
    await vscode.commands.executeCommand('layerwise.image.pull', [target]);
    await waitFor('"up to date" twice in the Layerwise Operations output', () => {
      const operations = editorLogFiles().find((file) => file.endsWith('Layerwise Operations.log'));
      return operations && fs.readFileSync(operations, 'utf8').split(`${target} is up to date: image ${imageId}.`).length - 1 >= 2 ? operations : undefined;
    });
    await vscode.commands.executeCommand('layerwise.registry.logout', registry);
  });
});
