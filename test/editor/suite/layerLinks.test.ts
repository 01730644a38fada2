// Clicking a layer in the Images view opens the workspace Dockerfile at the instruction that made
// it: for an image our build command made, and for one the docker CLI built from a workspace file
// (found by its history).
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { LayerwiseApi } from '../../../client/src/extension';
import type { LayerNode } from '../../../client/src/explorer';
import { docker, engineTierState, imageNodes, layerwise, waitFor, writeWorkspaceFile } from './helpers';

describe('layers open the Dockerfile instruction that made them', () => {
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
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function layersOf(tag: string): Promise<LayerNode[]> {
    const image = await waitFor(`${tag} in the Images view`, async () => {
      await api.explorer.refresh({ images: true, containers: false });
      return (await imageNodes(api)).find((node) => node.ref === tag);
    });
    return (await api.explorer.imagesChildren(image)).filter((node): node is LayerNode => node.kind === 'layer');
  }

  /** Clicks the layer whose instruction starts with `instruction`, as a user would: runs its tree item's command. */
  async function click(layers: readonly LayerNode[], instruction: string): Promise<vscode.TextEditor> {
    const layer = layers.find((node) => node.instruction.startsWith(instruction));
    assert.ok(layer, `a layer "${instruction}…" among ${layers.map((node) => node.instruction).join(' | ')}`);
    const item = api.explorer.imagesTreeItem(layer);
    assert.ok(item.command, `the layer "${instruction}" opens something when clicked`);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    return waitFor('the Dockerfile in the editor', () => vscode.window.activeTextEditor);
  }

  it('an image our build command made: each layer opens its instruction, comments and continuations counted right', async () => {
    const tag = `layerwise-test-editor-links-${run}:1`;
    images.push(tag);
    const dockerfile = writeWorkspaceFile(
      'links-built/Dockerfile',
      [`FROM ${state.baseImage}`, '# two files, one layer each', 'RUN echo one > /one', 'ENV MODE=fast', 'RUN echo two \\', '  && echo three > /two', 'COPY notes.txt /notes.txt', ''].join('\n'),
    );
    writeWorkspaceFile('links-built/notes.txt', 'notes\n');
    await vscode.commands.executeCommand('layerwise.image.build', dockerfile, { tags: [tag] });
    const layers = await layersOf(tag);

    const run2 = await click(layers, 'RUN echo two');
    assert.equal(run2.document.uri.fsPath, dockerfile.fsPath);
    assert.deepEqual([run2.selection.start.line, run2.selection.end.line], [4, 5]);
    const copy = await click(layers, 'COPY notes.txt');
    assert.equal(copy.document.uri.fsPath, dockerfile.fsPath);
    assert.equal(copy.selection.start.line, 6);
    assert.match(String((api.explorer.imagesTreeItem(layers.find((node) => node.instruction.startsWith('RUN echo one'))!).tooltip as vscode.MarkdownString).value), /Made by `RUN` on line 3 of `links-built\/Dockerfile`/);
    // The base image's own layer was not made by this file: clicking it opens nothing.
    assert.equal(api.explorer.imagesTreeItem(layers[0]!).command, undefined);
  });

  it('an image the docker CLI built from a workspace Dockerfile: found by its history', async () => {
    const tag = `layerwise-test-editor-links-cli-${run}:1`;
    images.push(tag);
    const dockerfile = writeWorkspaceFile('links-cli/Dockerfile', [`FROM ${state.baseImage}`, `RUN echo built by the cli ${run} > /cli`, `RUN echo second ${run} > /second`, ''].join('\n'));
    await docker('build', '-q', '-t', tag, '-f', dockerfile.fsPath, vscode.Uri.joinPath(dockerfile, '..').fsPath);
    const editor = await click(await layersOf(tag), `RUN echo second ${run}`);
    assert.equal(editor.document.uri.fsPath, dockerfile.fsPath);
    assert.equal(editor.selection.start.line, 2);
  });
});
