// Journey 5, moving images by file: select two images in the Images view and save them to one
// .tar (progress; Cancel halfway leaves no file, not even a partial one), save again to the end,
// remove both (confirming the question), load the .tar: the same image IDs are back.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LayerwiseApi } from '../../../../client/src/extension';
import type { ImageNode } from '../../../../client/src/explorer';
import { UserRecorder, cancelProgressNotification, docker, engineTierState, inspectImage, layerwise, runId, waitFor, waitForImageInTree } from './support';

const megabytes = 150;

describe('journey 5: move images by file', function () {
  this.timeout(300_000);
  const base = engineTierState().baseImage;
  const references = [`layerwise-test-journey-move-a-${runId}:1`, `layerwise-test-journey-move-b-${runId}:1`];
  let api: LayerwiseApi;
  let user: UserRecorder;
  let folder: string;

  before(async () => {
    api = await layerwise();
    user = new UserRecorder();
    folder = path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, 'journey-5');
    fs.mkdirSync(folder, { recursive: true });
    // Two images of random bytes (nothing compresses or deduplicates them), built by the CLI.
    for (const reference of references) {
      const dockerfile = path.join(folder, `Dockerfile.${references.indexOf(reference)}`);
      fs.writeFileSync(dockerfile, `FROM ${base}\nRUN echo ${reference} > /which && dd if=/dev/urandom of=/blob bs=1M count=${megabytes} 2>/dev/null\nLABEL layerwise-test=editor\n`);
      await docker(['build', '-q', '-t', reference, '-f', dockerfile, folder]);
    }
  });

  after(async () => {
    user.dispose();
    for (const reference of references) await docker(['rmi', '-f', reference]).catch(() => undefined);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const leftovers = () => fs.readdirSync(folder).filter((name) => name.includes('images.tar'));

  it('save two images (cancel halfway leaves no file), remove them, load them back with the same IDs', async () => {
    const ids = await Promise.all(references.map(async (reference) => (await inspectImage(reference))!.Id));
    await vscode.commands.executeCommand('layerwise.images.focus');
    const nodes: ImageNode[] = await Promise.all(references.map((reference) => waitForImageInTree(api, reference)));
    const target = vscode.Uri.file(path.join(folder, 'images.tar'));

    // Save with both selected; press Cancel on the progress once a third of the bytes are written.
    await vscode.commands.executeCommand('notifications.clearAll');
    const mark = user.mark;
    user.answer('saveDialog', /.*/, target);
    const saving = Promise.resolve(vscode.commands.executeCommand('layerwise.image.save', nodes[0], nodes));
    const progress = await waitFor('the save progress', () => user.progress(/^Saving 2 images$/, mark)[0], 10_000, 10);
    await waitFor('a third of the bytes written', () => progress.reports.some((report) => parseFloat(report) >= (2 * megabytes) / 3 && / MB written$/.test(report)), 60_000, 10);
    await cancelProgressNotification();
    await saving;
    assert.ok(progress.reports.length >= 2, `progress was reported: ${JSON.stringify(progress.reports)}`);
    await user.waitForMessage(/^Save cancelled; no file was written\.$/, mark);
    assert.deepEqual(leftovers(), [], 'neither the archive nor a partial file is left');

    // Save again, to the end.
    const again = user.mark;
    user.answer('saveDialog', /.*/, target);
    await vscode.commands.executeCommand('layerwise.image.save', nodes[0], nodes);
    const saved = await user.waitForMessage(/^Saved /, again);
    assert.match(saved.message, new RegExp(`^Saved ${references.map((reference) => reference.replace(/[.:]/g, '\\$&')).join(', ')} to images\\.tar \\(3\\d\\d MB\\)\\.$`));
    assert.deepEqual(leftovers(), ['images.tar']);

    // Remove both: the question names them, the user confirms.
    user.answer('modal', /^Remove 2 images\?$/, 'Remove');
    await vscode.commands.executeCommand('layerwise.image.remove', nodes[0], nodes);
    for (const reference of references) assert.equal(await inspectImage(reference), undefined, `${reference} was removed`);

    // Load the archive: the same IDs are back, and in the Images view.
    const loadMark = user.mark;
    await vscode.commands.executeCommand('layerwise.image.load', target);
    // The engine reports the archive's images in the order it reads them, which is not the order
    // they were saved in: the message must name both, in any order.
    const loaded = await user.waitForMessage(/^Loaded .+\.$/, loadMark);
    assert.deepEqual(loaded.message.replace(/^Loaded /, '').replace(/\.$/, '').split(', ').sort(), [...references].sort());
    assert.deepEqual(await Promise.all(references.map(async (reference) => (await inspectImage(reference))?.Id)), ids);
    for (const reference of references) await waitForImageInTree(api, reference);
    assert.deepEqual(user.unanswered(), []);
  });
});
