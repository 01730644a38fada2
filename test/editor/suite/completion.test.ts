// Completion and hover in the real editor, through VS Code's own provider commands: flag values,
// stage names, images from the engine the engine tier started, and documentation on hover
// (including the engine's facts about a FROM image).
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { openFixture, waitFor } from './helpers';

const ENGINE_IMAGE = 'layerwise-test/busybox:latest';

async function dockerfile(content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content });
  await vscode.window.showTextDocument(document);
  return document;
}

function endOf(document: vscode.TextDocument): vscode.Position {
  return document.lineAt(document.lineCount - 1).range.end;
}

async function labelsAt(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
}

describe('completion and hover', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension('layerwise.layerwise');
    assert.ok(extension, 'the Layerwise extension is installed');
    await extension.activate();
  });

  it('completes RUN --mount types, then the options of the chosen type', async () => {
    const document = await dockerfile('FROM alpine\nRUN --mount=type=');
    const types = await waitFor('mount types', async () => {
      const labels = await labelsAt(document, endOf(document));
      return labels.includes('cache') ? labels : undefined;
    });
    assert.deepEqual([...types].sort(), ['bind', 'cache', 'secret', 'ssh', 'tmpfs']);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, endOf(document), 'cache,');
    await vscode.workspace.applyEdit(edit);
    const options = await waitFor('cache mount options', async () => {
      const labels = await labelsAt(document, endOf(document));
      return labels.includes('sharing=') ? labels : undefined;
    });
    assert.ok(options.includes('target=') && !options.includes('size='), options.join(', '));
  });

  it('offers the earlier stage after COPY --from= in the multi-stage example', async () => {
    const document = await openFixture('multi-stage/Dockerfile');
    const line = document.getText().split(/\r?\n/).findIndex((text) => text.startsWith('COPY --from=build'));
    const labels = await waitFor('stage names', async () => {
      const found = await labelsAt(document, new vscode.Position(line, 'COPY --from='.length));
      return found.includes('build') ? found : undefined;
    });
    assert.ok(!labels.includes('runtime'), 'not the stage being built');
  });

  it('offers the images of the engine after FROM', async () => {
    const document = await dockerfile('FROM ');
    const labels = await waitFor(`${ENGINE_IMAGE} from the engine`, async () => {
      const found = await labelsAt(document, endOf(document));
      return found.includes(ENGINE_IMAGE) ? found : undefined;
    });
    assert.ok(labels.includes('scratch'));
  });

  it('hover documents instructions and flags, with defaults', async () => {
    const document = await dockerfile('FROM alpine\nHEALTHCHECK --interval=10s CMD true\n');
    const keyword = await waitFor('instruction documentation', async () => {
      const text = await hoverText(document, new vscode.Position(1, 3));
      return text.includes('HEALTHCHECK') ? text : undefined;
    });
    assert.match(keyword, /docs\.docker\.com\/reference\/dockerfile\/#healthcheck/);
    const value = await hoverText(document, new vscode.Position(1, 24));
    assert.match(value, /10 seconds/);
    assert.match(value, /Default: `30s`/);
  });

  it('hover on a FROM image shows what the engine knows about it', async () => {
    const document = await dockerfile(`FROM ${ENGINE_IMAGE}\nRUN true\n`);
    const text = await waitFor('engine facts in the FROM hover', async () => {
      const found = await hoverText(document, new vscode.Position(0, 8));
      return found.includes('Layers:') ? found : undefined;
    });
    assert.match(text, /On your engine/);
    assert.match(text, /Size: /);
  });
});
