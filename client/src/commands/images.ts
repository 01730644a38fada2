// Image commands: tag, inspect, history, remove (multi-select, confirmed, force offered when it
// can work), save (one tar for several images), load, flatten, and prune (images, containers,
// build cache) with the space reclaimed.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { flattenImage } from '../engine/operations/flatten';
import { ImageInUseError, pruneBuildCache, pruneContainers, pruneImages, removeImage } from '../engine/operations/images';
import { tagImage } from '../engine/operations/registry';
import { ImageArchiveError, loadImages, saveImages } from '../engine/operations/saveLoad';
import { formatBytes } from '../explorer/shape/format';
import { isCancellation, withCancellableProgress } from '../ui/progress';
import { ConfirmOptions, OperationContext, confirmDestructive, confirmOptionsFromArgs, engineWork, imageRefsFromArgs, pickImages, refreshExplorer } from './operationContext';
import { registerCommand } from './registerCommand';

async function imagesFor(context: OperationContext, args: unknown[], placeHolder: string, many: boolean): Promise<string[]> {
  const refs = imageRefsFromArgs(args);
  if (refs.length > 0) return many ? refs : refs.slice(0, 1);
  return pickImages(context, placeHolder, many);
}

function shortRef(ref: string): string {
  return ref.startsWith('sha256:') ? ref.slice(7, 19) : ref;
}

function defaultFolder(): string {
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.homedir();
}

export function registerImageCommands(context: OperationContext): void {
  registerCommand(context.extension, context.log, 'layerwise.image.tag', async (...args: unknown[]) => {
    const [image] = await imagesFor(context, args, 'Image to tag', false);
    if (!image) return;
    const target = typeof args[1] === 'string' ? args[1] : await vscode.window.showInputBox({ title: `Tag ${shortRef(image)}`, prompt: 'New name: [registry/]repository[:tag]', value: image.startsWith('sha256:') ? '' : image });
    if (!target) return;
    await engineWork(context, (engine) => tagImage(engine, image, target));
    refreshExplorer(context);
  });

  registerCommand(context.extension, context.log, 'layerwise.image.inspect', async (...args: unknown[]) => {
    const [image] = await imagesFor(context, args, 'Image to inspect', false);
    if (!image) return;
    const info = await engineWork(context, (engine) => engine.inspectImage(image));
    await context.documents.show(`image-${shortRef(image)}.json`, `${JSON.stringify(info, null, 2)}\n`, 'json');
  });

  registerCommand(context.extension, context.log, 'layerwise.image.history', async (...args: unknown[]) => {
    const [image] = await imagesFor(context, args, 'Image whose history to show', false);
    if (!image) return;
    const history = await engineWork(context, (engine) => engine.imageHistory(image));
    const rows = history.map((entry) => {
      const created = new Date(entry.created * 1000).toISOString().replace('T', ' ').slice(0, 19);
      // An imported base layer records no command, only a comment ("Imported from -").
      const createdBy = (entry.createdBy || entry.comment).replace(/\s+/g, ' ').replace(/\|/g, '\\|').replace(/`/g, "'");
      return `| ${created} | ${formatBytes(entry.sizeBytes)} | \`${createdBy}\` |`;
    });
    const text = [`# History of ${image}`, '', 'Newest first; each line made one layer (0 B: metadata only).', '', '| Created | Size | Created by |', '| --- | ---: | --- |', ...rows, ''].join('\n');
    await context.documents.show(`history-${shortRef(image)}.md`, text, 'markdown');
  });

  registerCommand(context.extension, context.log, 'layerwise.image.remove', async (...args: unknown[]) => {
    const images = await imagesFor(context, args, 'Images to remove', true);
    if (images.length === 0) return;
    const names = images.map(shortRef);
    if (!confirmOptionsFromArgs(args).confirmed && !(await confirmDestructive(`Remove ${images.length === 1 ? names[0] : `${images.length} images`}?`, 'Remove', images.length > 1 ? names.join('\n') : 'Layers no other image uses are deleted.'))) return;
    const refused: ImageInUseError[] = [];
    for (const image of images) {
      try {
        await engineWork(context, (engine) => removeImage(engine, image));
      } catch (error) {
        if (error instanceof ImageInUseError) refused.push(error);
        else throw error;
      }
    }
    refreshExplorer(context);
    for (const error of refused) {
      if (error.canForce) {
        if (await confirmDestructive(error.message, 'Force Remove')) {
          await engineWork(context, (engine) => removeImage(engine, error.image, { force: true }));
          refreshExplorer(context);
        }
      } else {
        void vscode.window.showWarningMessage(error.message);
      }
    }
  });

  registerCommand(context.extension, context.log, 'layerwise.image.save', async (...args: unknown[]) => {
    const images = await imagesFor(context, args, 'Images to save into one archive', true);
    if (images.length === 0) return;
    const suggested = images.length === 1 ? `${shortRef(images[0]!).replace(/[/:]/g, '_')}.tar` : 'images.tar';
    const target = typeof args[2] === 'string' ? vscode.Uri.file(args[2]) : await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(path.join(defaultFolder(), suggested)), filters: { 'Image archive': ['tar'] }, saveLabel: 'Save' });
    if (!target) return;
    try {
      // The save dialog asked before replacing an existing file.
      const result = await withCancellableProgress(`Saving ${images.length === 1 ? shortRef(images[0]!) : `${images.length} images`}`, (progress, signal) =>
        engineWork(context, (engine) => saveImages(engine, { images, target: target.fsPath, overwrite: true, signal, onProgress: (bytes) => progress.report(`${formatBytes(bytes)} written`) })),
      );
      void vscode.window.showInformationMessage(`Saved ${images.map(shortRef).join(', ')} to ${path.basename(result.target)} (${formatBytes(result.bytes)}).`);
    } catch (error) {
      if (isCancellation(error)) {
        void vscode.window.showInformationMessage('Save cancelled; no file was written.');
        return;
      }
      throw error;
    }
  });

  registerCommand(context.extension, context.log, 'layerwise.image.load', async (source?: unknown) => {
    const file = source instanceof vscode.Uri ? source : typeof source === 'string' ? vscode.Uri.file(source) : (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Image archive': ['tar', 'gz', 'tgz', 'xz', 'bz2', 'zst'] }, openLabel: 'Load' }))?.[0];
    if (!file) return;
    try {
      const result = await withCancellableProgress(`Loading ${path.basename(file.fsPath)}`, (progress, signal) =>
        engineWork(context, (engine) => loadImages(engine, { source: file.fsPath, signal, onProgress: (sent, total) => progress.report(`${formatBytes(sent)} of ${formatBytes(total)}`, total > 0 ? sent / total : undefined) })),
      );
      context.operationsOutput.appendLine(`Loaded from ${file.fsPath}: ${result.images.join(', ')}`);
      // The loaded images, in sight and selected in the Images view.
      const shown = await context.explorer?.revealImages(result.images).catch((error: unknown) => {
        context.log.warn(`Could not reveal ${result.images.join(', ')} in the Images view: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      });
      if (shown && shown.notShown.length > 0) {
        context.operationsOutput.appendLine(`Not shown in the Images view (its filter or the untagged toggle hides them): ${shown.notShown.join(', ')}`);
      }
      void vscode.window.showInformationMessage(`Loaded ${result.images.join(', ')}.`);
    } catch (error) {
      if (isCancellation(error)) return;
      if (error instanceof ImageArchiveError) {
        void vscode.window.showErrorMessage(error.message);
        return;
      }
      throw error;
    }
  });

  registerCommand(context.extension, context.log, 'layerwise.image.flatten', async (...args: unknown[]) => {
    const [image] = await imagesFor(context, args, 'Image to flatten into one layer', false);
    if (!image) return;
    const suggestion = image.startsWith('sha256:') ? 'flattened:latest' : image.replace(/(:[^:/]+)?$/, (tag) => `${tag || ':latest'}-flat`);
    const target = typeof args[1] === 'string' ? args[1] : await vscode.window.showInputBox({ title: `Flatten ${shortRef(image)}`, prompt: 'Name of the flattened image (the original is kept)', value: suggestion });
    if (!target) return;
    try {
      const result = await withCancellableProgress(`Flattening ${shortRef(image)}`, (progress, signal) =>
        engineWork(context, (engine) => flattenImage(engine, { image, target, signal, onProgress: (bytes) => progress.report(`${formatBytes(bytes)} exported`) })),
      );
      refreshExplorer(context);
      const summary = `Flattened ${shortRef(image)} into ${target}: ${result.before.layers} layers, ${formatBytes(result.before.sizeBytes)} → 1 layer, ${formatBytes(result.after.sizeBytes)}.`;
      context.operationsOutput.appendLine(summary);
      void vscode.window.showInformationMessage(summary);
    } catch (error) {
      if (isCancellation(error)) return;
      throw error;
    }
  });

  registerCommand(context.extension, context.log, 'layerwise.engine.prune', async (kinds?: unknown, options?: ConfirmOptions) => {
    type Kind = 'dangling' | 'unused' | 'containers' | 'buildCache';
    const items: Array<vscode.QuickPickItem & { what: Kind }> = [
      { label: 'Dangling images', description: 'untagged images no container uses', picked: true, what: 'dangling' },
      { label: 'All unused images', description: 'every image no container uses, tagged or not', what: 'unused' },
      { label: 'Stopped containers', description: 'and their writable layers', what: 'containers' },
      { label: 'Build cache', description: 'cache records no build uses now', picked: true, what: 'buildCache' },
    ];
    const chosen: Kind[] = Array.isArray(kinds) ? (kinds as Kind[]) : ((await vscode.window.showQuickPick(items, { title: 'Prune: reclaim space', canPickMany: true, placeHolder: 'What to remove' })) ?? []).map((item) => item.what);
    if (chosen.length === 0) return;
    const labels = items.filter((item) => chosen.includes(item.what)).map((item) => item.label.toLowerCase());
    if (!options?.confirmed && !(await confirmDestructive(`Remove ${labels.join(', ')}?`, 'Prune', 'This cannot be undone.'))) return;
    const lines: string[] = [];
    let total = 0;
    await engineWork(context, async (engine) => {
      if (chosen.includes('containers')) {
        const result = await pruneContainers(engine);
        total += result.spaceReclaimedBytes;
        lines.push(`${result.removed.length} container(s), ${formatBytes(result.spaceReclaimedBytes)}`);
      }
      if (chosen.includes('dangling') || chosen.includes('unused')) {
        const result = await pruneImages(engine, { all: chosen.includes('unused') });
        total += result.spaceReclaimedBytes;
        lines.push(`${result.removed.length} image(s), ${formatBytes(result.spaceReclaimedBytes)}`);
      }
      if (chosen.includes('buildCache')) {
        const result = await pruneBuildCache(engine);
        total += result.spaceReclaimedBytes;
        lines.push(`${result.removed.length} build cache record(s), ${formatBytes(result.spaceReclaimedBytes)}`);
      }
    });
    refreshExplorer(context);
    context.operationsOutput.appendLine(`Pruned: ${lines.join('; ')}. Reclaimed ${formatBytes(total)}.`);
    void vscode.window.showInformationMessage(`Reclaimed ${formatBytes(total)} (${lines.join('; ')}).`);
  });
}
