// The layers lesson in the real editor, against the real engine: build examples/layers, see each
// RUN's layer size and the bytes later RUNs removed next to the instructions, the removing RUNs
// flagged with a fix that merges them, the file tree of a layer in the Images view; apply the
// fix, rebuild, and the waste is gone.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LayerwiseApi } from '../../../client/src/extension';
import type { ContributedNode, ImagesViewNode, LayerNode } from '../../../client/src/explorer';
import { openFixture, waitFor } from './helpers';

const LABEL = 'io.layerwise.dockerfile';

function docker(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('/usr/bin/docker', args, { timeout: 120_000, env: { ...process.env, DOCKER_BUILDKIT: '1' } }, (error, stdout, stderr) =>
      error ? reject(new Error(`docker ${args.join(' ')}: ${stderr || error.message}`)) : resolve(stdout.trim()),
    );
  });
}

function hintLabel(hint: vscode.InlayHint): string {
  return typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');
}

async function hintsOf(document: vscode.TextDocument): Promise<string[]> {
  const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, new vscode.Range(0, 0, document.lineCount, 0));
  return hints.map((hint) => `${hint.position.line + 1}: ${hintLabel(hint)}`);
}

async function applyMergeFix(document: vscode.TextDocument, line: number): Promise<string> {
  const fix = await waitFor(`a merge fix on line ${line + 1}`, async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(line, 0, line, 0), vscode.CodeActionKind.QuickFix.value);
    return actions.find((action) => /^Merge lines \d+–\d+ into one RUN, saving [\d.]+ [kMG]B$/.test(action.title) && action.edit);
  });
  assert.ok(await vscode.workspace.applyEdit(fix.edit!));
  return fix.title;
}

describe('layer analysis in the editor', function () {
  this.timeout(240_000);
  let api: LayerwiseApi;
  const images: string[] = [];
  const tag = `layerwise-test-editor-layers:${process.pid}`;

  before(async () => {
    const extension = vscode.extensions.getExtension<LayerwiseApi>('layerwise.layerwise');
    assert.ok(extension);
    api = await extension.activate();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('layerwise.layers').update('findImages', undefined, vscode.ConfigurationTarget.Global);
    for (const image of images) await docker(['rmi', '-f', image]).catch(() => undefined);
  });

  async function build(document: vscode.TextDocument): Promise<string> {
    const folder = path.dirname(document.uri.fsPath);
    const id = await docker(['build', '-q', '--label', `${LABEL}=${document.uri.toString()}`, '--label', 'layerwise-test=editor', '-t', tag, '-f', document.uri.fsPath, folder]);
    images.push(id);
    return id;
  }

  it('the layers lesson: layer sizes and waste next to the RUNs, a merge fix, and no waste after the rebuild', async () => {
    const document = await openFixture('layers/Dockerfile');
    const firstImage = await build(document);
    // The image carries the Dockerfile's URI as a label. The file is already open, so a settings
    // change (here: look only at labels) makes the server search again, as reopening would.
    const layersSettings = vscode.workspace.getConfiguration('layerwise.layers');
    await layersSettings.update('findImages', 'label', vscode.ConfigurationTarget.Global);
    const hints = await waitFor('layer hints next to the RUNs', async () => {
      const current = await hintsOf(document);
      return current.length === 4 ? current : undefined;
    }, 120_000);
    assert.deepEqual(hints, ['5: 105 MB · 105 MB removed later (line 7)', '6: 105 MB · 105 MB removed later (line 8)', '7: 0 B · removes 105 MB', '8: 0 B · removes 105 MB']);

    const diagnostics = await waitFor('the waste diagnostic on line 7', () => {
      const found = vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.code === 'layer-waste');
      return found.length === 2 ? found : undefined;
    });
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Information);
    assert.match(diagnostics[0].message, /^This RUN removes 105 MB that line 5 wrote; the image still carries them\./);

    // The Images view: a layer expands into its files; the layer then shows its waste.
    await vscode.commands.executeCommand('layerwise.images.focus');
    await api.explorer.refresh({ images: true, containers: false });
    const imageNode = await waitFor('the built image in the Images view', async () => {
      const roots: ImagesViewNode[] = await api.explorer.imagesChildren();
      const repository = roots.find((node) => node.kind === 'repository' && node.label === tag.split(':')[0]);
      return repository ? (await api.explorer.imagesChildren(repository)).find((node) => node.kind === 'image') : undefined;
    });
    const layerNodes = (await api.explorer.imagesChildren(imageNode)).filter((node): node is LayerNode => node.kind === 'layer');
    const bigOne = layerNodes.find((node) => node.instruction.includes('of=/big-1'));
    assert.ok(bigOne, layerNodes.map((node) => node.instruction).join('\n'));
    assert.equal(api.explorer.imagesTreeItem(bigOne).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const files = (await api.explorer.imagesChildren(bigOne)) as ContributedNode[];
    const file = files.find((node) => node.label === 'big-1');
    assert.ok(file, files.map((node) => node.label).join(', '));
    assert.equal(file.description, 'added · 105 MB');
    assert.match(String(api.explorer.imagesTreeItem(bigOne).description), /105 MB wasted/);
    assert.match(String(api.explorer.imagesTreeItem(imageNode).description), /210 MB wasted/);
    assert.equal(api.layers.summary(firstImage)?.wastedBytes, 200 * 1024 * 1024);

    await layersSettings.update('findImages', undefined, vscode.ConfigurationTarget.Global);

    // Merge the writing and the removing RUNs as the fix offers, rebuild (as the build command
    // does, telling the server which image the file made), and follow the next finding.
    const rebuild = async (expectedHints: number): Promise<string[]> => {
      assert.ok(await document.save());
      const image = await build(document);
      await vscode.commands.executeCommand('layerwise.layers.associateDockerfile', document.uri, image);
      return waitFor(`${expectedHints} hint(s) for the rebuilt image`, async () => {
        const current = await hintsOf(document);
        return current.length === expectedHints ? current : undefined;
      }, 120_000);
    };
    assert.equal(await applyMergeFix(document, 6), 'Merge lines 5–7 into one RUN, saving 105 MB');
    const second = await rebuild(2);
    assert.match(second[1], /^8: 0 B · removes 105 MB$/);
    assert.equal(await applyMergeFix(document, 7), 'Merge lines 5–8 into one RUN, saving 105 MB');
    assert.equal(document.getText().match(/^RUN /gm)?.length, 1);
    const last = await rebuild(1);
    assert.match(last[0], /: 0 B$/);
    await waitFor('the waste diagnostics to go', () => vscode.languages.getDiagnostics(document.uri).every((diagnostic) => diagnostic.code !== 'layer-waste'));
  });

  it('a code lens on FROM offers to analyse the base image', async () => {
    const document = await openFixture('layers/Dockerfile');
    const lenses = await waitFor('the FROM code lens', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      return found.some((lens) => lens.command?.title === 'Analyse layers of busybox:1.36') ? found : undefined;
    });
    const lens = lenses.find((candidate) => candidate.command?.title === 'Analyse layers of busybox:1.36')!;
    assert.equal(lens.command?.command, 'layerwise.layers.analyse');
    const summary = await api.layers.analyse(lens.command!.arguments![0] as string);
    assert.ok(summary);
    assert.equal(summary.wastedBytes, 0);
  });
});
