// Layer analysis in the extension: the commands (analyse an image or an archive, show the wasted
// space, open a report, filter a layer's files by kind) and the per-layer file tree in the
// Images view. The analysis itself runs in the language server.
import * as vscode from 'vscode';
import { ResponseError, type LanguageClient } from 'vscode-languageclient/node';
import { registerCommand } from '../commands/registerCommand';
import type { ExplorerApi, ImageNode, LayerNode } from '../explorer';
import { formatBytes } from '../../../server/src/layers/byteSize';
import type { ChangeKind } from '../../../server/src/layers/model';
import { ImageNotFoundCode, ServerMethods, type LayersSummary } from '../../../server/src/protocol';
import { allChangeKinds, LayerFileTree } from './layerFileTree';
import { LayersClient } from './layersClient';
import { markdownReport } from './report';

/** What the extension's API exposes of layer analysis (editor-tier tests use it). */
export interface LayersApi {
  analyse(image: string): Promise<LayersSummary | undefined>;
  summary(imageId: string): LayersSummary | undefined;
  readonly fileTree: LayerFileTree;
}

type ImageArgument = string | ImageNode | LayerNode | undefined;

const PULL_AND_ANALYSE = 'Pull and Analyse';

export function registerLayers(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, client: LanguageClient, explorer: ExplorerApi): LayersApi {
  const layers = new LayersClient(client);
  const fileTree = new LayerFileTree(layers);
  context.subscriptions.push(layers, explorer.registerLayerChildren(fileTree));

  const analyse = async (image: string): Promise<LayersSummary | undefined> => {
    const summary = await layers.analyse({ image }, `Analysing the layers of ${image}`);
    if (summary) output.info(`Layers of ${image}: ${formatBytes(summary.sizeBytes)}, ${formatBytes(summary.wastedBytes)} wasted, efficiency ${(summary.efficiency * 100).toFixed(1)} %.`);
    return summary;
  };

  const ensureSummary = async (argument: ImageArgument): Promise<LayersSummary | undefined> => {
    const image = await imageOf(argument, explorer);
    if (!image) return undefined;
    const id = typeof argument === 'object' ? (argument.kind === 'image' ? argument.image.id : argument.imageId) : undefined;
    return (id && layers.summary(id)) || analyse(image);
  };

  registerCommand(context, output, 'layerwise.layers.analyse', async (argument?: ImageArgument) => {
    const image = await imageOf(argument, explorer);
    if (!image) return;
    let summary: LayersSummary | undefined;
    try {
      summary = await analyse(image);
    } catch (error) {
      // A FROM line's lens names base images the engine may not have yet: offer to pull first.
      if (!(error instanceof ResponseError) || error.code !== ImageNotFoundCode) throw error;
      offerPull(image, error.message);
      return;
    }
    if (summary) offerNext(summary);
  });

  /** The error, with a button that pulls the image and analyses it (not awaited: the command ends now). */
  const offerPull = (image: string, message: string) => {
    void vscode.window.showErrorMessage(message, PULL_AND_ANALYSE).then(async (choice) => {
      if (choice !== PULL_AND_ANALYSE) return;
      await vscode.commands.executeCommand('layerwise.image.pull', image);
      await vscode.commands.executeCommand('layerwise.layers.analyse', image);
    });
  };

  registerCommand(context, output, 'layerwise.layers.analyseArchive', async (uri?: vscode.Uri) => {
    const file =
      uri ??
      (
        await vscode.window.showOpenDialog({
          title: 'Analyse an image archive',
          openLabel: 'Analyse',
          canSelectMany: false,
          filters: { 'Image archives (docker save, OCI)': ['tar', 'gz', 'tgz', 'zst'], 'All files': ['*'] },
        })
      )?.[0];
    if (!file) return;
    const summary = await layers.analyse({ archivePath: file.fsPath }, `Analysing the layers in ${vscode.workspace.asRelativePath(file)}`);
    if (summary) offerNext(summary);
  });

  registerCommand(context, output, 'layerwise.layers.showWastedSpace', async (argument?: ImageArgument) => {
    const summary = typeof argument === 'string' && argument.startsWith('sha256:') ? (layers.summary(argument) ?? (await ensureSummary(argument))) : await ensureSummary(argument);
    if (summary) await showWastedSpace(summary);
  });

  registerCommand(context, output, 'layerwise.layers.openReport', async (argument?: ImageArgument) => {
    const summary = typeof argument === 'string' && argument.startsWith('sha256:') ? (layers.summary(argument) ?? (await ensureSummary(argument))) : await ensureSummary(argument);
    if (summary) await openReport(summary);
  });

  registerCommand(context, output, 'layerwise.layers.filterFiles', async () => {
    const current = new Set(fileTree.filter);
    const items: (vscode.QuickPickItem & { change: ChangeKind })[] = allChangeKinds.map((change) => ({
      label: change[0].toUpperCase() + change.slice(1),
      change,
      picked: current.has(change),
    }));
    const picked = await vscode.window.showQuickPick(items, { title: 'Layerwise: Show Files of a Layer That Were…', canPickMany: true });
    if (picked) fileTree.setFilter(picked.map((item) => item.change));
  });

  registerCommand(context, output, 'layerwise.layers.associateDockerfile', async (dockerfile: vscode.Uri | string, image: string, target?: string) => {
    // For the build command: the editor then shows this image's layers next to the instructions.
    await client.sendRequest(ServerMethods.associateDockerfileImage, { uri: dockerfile.toString(), image, ...(target ? { target } : {}) });
    // The server now analyses the image for the editor's hints; the Images view shows the same
    // analysis (the image's wasted bytes, the layers' files) under the background size limit.
    const maxBytes = vscode.workspace.getConfiguration('layerwise.layers').get<number>('autoAnalyseMaxMegabytes', 2000) * 1_000_000;
    void explorer.session
      .connection()
      .then((engine) => engine.inspectImage(image))
      .then((info) => (Number(info.Size ?? 0) <= maxBytes ? layers.analyseQuietly(image) : undefined))
      .catch((error: unknown) => output.info(`The Images view shows no analysis of ${image}: ${error instanceof Error ? error.message : String(error)}`));
  });

  function offerNext(summary: LayersSummary): void {
    const name = summary.repoTags[0] ?? summary.imageId.slice(7, 19);
    const choices = summary.wastedBytes > 0 ? ['Show Wasted Space', 'Open Report'] : ['Open Report'];
    void vscode.window
      .showInformationMessage(`${name}: ${summary.layers.length} layers, ${formatBytes(summary.sizeBytes)}, ${formatBytes(summary.wastedBytes)} wasted.`, ...choices)
      .then((choice) => {
        if (choice === 'Show Wasted Space') void showWastedSpace(summary);
        if (choice === 'Open Report') void openReport(summary);
      });
  }

  return { analyse, summary: (imageId) => layers.summary(imageId), fileTree };
}

async function showWastedSpace(summary: LayersSummary): Promise<void> {
  const name = summary.repoTags[0] ?? summary.imageId.slice(7, 19);
  if (summary.wastedPaths.length === 0) {
    void vscode.window.showInformationMessage(`${name} wastes nothing: no layer removes or replaces what an earlier layer wrote.`);
    return;
  }
  const command = (index: number): string => summary.layers[index]?.command.replace(/\s+/g, ' ') ?? '';
  const picked = await vscode.window.showQuickPick(
    [
      ...summary.wastedPaths.map((wasted) => ({
        label: `/${wasted.path}`,
        description: formatBytes(wasted.sizeBytes),
        detail: `Written by layer ${wasted.writtenBy} (${command(wasted.writtenBy)}), ${wasted.how} by layer ${wasted.removedBy} (${command(wasted.removedBy)})`,
      })),
      ...(summary.wastedPathCount > summary.wastedPaths.length ? [{ label: `… and ${summary.wastedPathCount - summary.wastedPaths.length} smaller paths`, description: '', detail: 'Open the report for the totals per layer.' }] : []),
    ],
    { title: `Wasted space in ${name}: ${formatBytes(summary.wastedBytes)} in ${summary.wastedPathCount} paths`, matchOnDetail: true, placeHolder: 'Filter by path or instruction' },
  );
  if (picked?.label.startsWith('…')) await openReport(summary);
}

async function openReport(summary: LayersSummary): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdownReport(summary) });
  await vscode.window.showTextDocument(document, { preview: true });
}

async function imageOf(argument: ImageArgument, explorer: ExplorerApi): Promise<string | undefined> {
  if (typeof argument === 'string') return argument;
  if (argument?.kind === 'image') return argument.ref;
  if (argument?.kind === 'layer') return argument.imageRef;
  const images = explorer.model.images.items ?? (await explorer.refresh({ images: true, containers: false }).then(() => explorer.model.images.items));
  if (!images || images.length === 0) {
    void vscode.window.showInformationMessage('The engine has no images to analyse. Build or pull one first.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    [...images]
      .sort((a, b) => b.created - a.created)
      .map((image) => ({ label: image.repoTags[0] ?? image.id.slice(7, 19), description: formatBytes(image.sizeBytes), detail: image.repoTags.slice(1).join(', ') || undefined, ref: image.repoTags[0] ?? image.id })),
    { title: 'Layerwise: Analyse the Layers of…', matchOnDescription: true },
  );
  return picked?.ref;
}
