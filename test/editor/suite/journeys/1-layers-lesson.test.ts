// Journey 1, the layers lesson, as a user walks it: open the teaching Dockerfile, see the rm lines
// flagged, build it with Layerwise (progress per step), find the image in the explorer with its
// two big layers and two empty deletions and its wasted bytes, read each layer's size next to its
// instruction, merge the writes and deletes with the quick fix, rebuild (the waste is gone), and
// flatten the first image (one layer; sizes before and after reported).
// The layers suite walks the measured-waste fix with images built by the docker CLI; this journey
// goes through Layerwise's own build, lint fix and flatten commands.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { LayerwiseApi } from '../../../../client/src/extension';
import type { ContributedNode } from '../../../../client/src/explorer';
import { UserRecorder, codeOf, copyExample, docker, inlayHints, inspectImage, layersInTree, layerwise, lineOf, open, runId, waitFor, waitForImageInTree } from './support';

describe('journey 1: the layers lesson', function () {
  this.timeout(300_000);
  const tag = `layerwise-test-journey-lesson-${runId}:1`;
  const flatTag = `layerwise-test-journey-lesson-flat-${runId}:1`;
  const cleanup: string[] = [];
  let api: LayerwiseApi;
  let user: UserRecorder;

  before(async () => {
    api = await layerwise();
    user = new UserRecorder();
    await vscode.commands.executeCommand('layerwise.images.focus');
  });

  after(async () => {
    user.dispose();
    for (const image of cleanup.reverse()) await docker(['rmi', '-f', image]).catch(() => undefined);
  });

  const wasteFindings = (document: vscode.TextDocument) => vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => codeOf(diagnostic) === 'layer-waste-delete');

  it('flags the rm lines, builds with progress, shows layers, waste and sizes, merges, rebuilds and flattens', async () => {
    const document = await open(copyExample('layers/Dockerfile', 'journey-1'));

    // The rm lines are flagged: the bytes stay in the image.
    const flagged = await waitFor('the two rm lines flagged', () => {
      const found = wasteFindings(document);
      return found.length === 2 ? found : undefined;
    });
    assert.deepEqual(flagged.map((diagnostic) => document.lineAt(diagnostic.range.start.line).text), ['RUN rm -f /big-1', 'RUN rm -f /big-2']);
    assert.match(flagged[0]!.message, /\/big-1 was written by an earlier layer \(line 5/);

    // Build it: one progress notification reporting the steps as they run.
    const mark = user.mark;
    await vscode.commands.executeCommand('layerwise.image.build', document.uri, { tags: [tag] });
    const firstImage = (await inspectImage(tag))?.Id;
    assert.ok(firstImage, `${tag} was built`);
    cleanup.push(firstImage);
    const [progress] = user.progress(/^Building journey-1\/Dockerfile$/, mark);
    assert.ok(progress?.done, 'a progress notification for the build');
    for (const step of ['dd if=/dev/zero of=/big-1', 'dd if=/dev/zero of=/big-2', 'rm -f /big-1', 'rm -f /big-2']) {
      assert.ok(progress.reports.some((report) => report.includes(step)), `progress reported the step "${step}": ${JSON.stringify(progress.reports)}`);
    }
    await user.waitForMessage(/^Built layerwise-test-journey-lesson-[\w-]+:1 in [\d.]+s \(\d+ steps, \d+ cached\)\.$/, mark);

    // The image in the explorer: two big layers, two empty deletions, and the wasted bytes.
    const image = await waitForImageInTree(api, tag);
    const runs = (await layersInTree(api, image)).filter((layer) => layer.instruction.startsWith('RUN '));
    assert.deepEqual(
      runs.map((layer) => [layer.instruction, layer.empty ? 'empty' : String(api.explorer.imagesTreeItem(layer).description).split(' · ')[0]]),
      [
        ['RUN dd if=/dev/zero of=/big-1 bs=1M count=100', '105 MB'],
        ['RUN dd if=/dev/zero of=/big-2 bs=1M count=100', '105 MB'],
        ['RUN rm -f /big-1', 'empty'],
        ['RUN rm -f /big-2', 'empty'],
      ],
    );
    await waitFor('the image to show its wasted bytes', async () => /210 MB wasted/.test(String(api.explorer.imagesTreeItem((await waitForImageInTree(api, tag))).description)), 120_000);
    // Once analysed, a deletion expands to the file it deleted and says what it hides.
    const deletion = (await layersInTree(api, await waitForImageInTree(api, tag))).find((layer) => layer.instruction === 'RUN rm -f /big-1')!;
    const deletionItem = api.explorer.imagesTreeItem(deletion);
    assert.equal(deletionItem.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.match(String(deletionItem.description), /hides 105 MB/);
    const deleted = (await api.explorer.imagesChildren(deletion)) as ContributedNode[];
    assert.deepEqual(deleted.map((node) => `${node.label} ${node.description}`), ['big-1 deleted · 105 MB']);

    // Next to each instruction, its layer's size (the build told the server which image it made).
    const hints = await waitFor('layer sizes next to the instructions', async () => {
      const current = await inlayHints(document);
      return current.length === 4 ? current : undefined;
    }, 120_000);
    assert.deepEqual(hints, ['5: 105 MB · 105 MB removed later (line 7)', '6: 105 MB · 105 MB removed later (line 8)', '7: 0 B · removes 105 MB', '8: 0 B · removes 105 MB']);

    // The quick fix merges writing and deleting into one RUN (applied until nothing is flagged).
    for (let remaining = wasteFindings(document).length; remaining > 0; ) {
      const finding = wasteFindings(document)[0]!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, finding.range, vscode.CodeActionKind.QuickFix.value);
      const merge = actions.find((action) => /^Merge lines \d+–\d+ into one RUN/.test(action.title) && action.edit);
      assert.ok(merge?.edit, `a merge fix among ${actions.map((action) => action.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(merge.edit));
      const before = remaining;
      remaining = (await waitFor('fewer rm lines flagged', () => {
        const count = wasteFindings(document).length;
        return count < before ? { count } : undefined;
      })).count;
    }
    assert.equal(document.getText().match(/^RUN /gm)?.length, 1, document.getText());

    // Rebuild (the build command saves the file first): no waste left.
    await vscode.commands.executeCommand('layerwise.image.build', document.uri, { tags: [tag] });
    const secondImage = (await inspectImage(tag))?.Id;
    assert.ok(secondImage && secondImage !== firstImage, 'the rebuild made a new image');
    cleanup.push(secondImage);
    const rebuilt = await waitFor('one RUN layer of 0 B next to the merged RUN', async () => {
      const current = await inlayHints(document);
      return current.length === 1 && /: 0 B$/.test(current[0]!) ? current : undefined;
    }, 120_000);
    // The hint sits at the end of the merged RUN, the line before CMD.
    assert.equal(rebuilt[0], `${lineOf(document, 'CMD')}: 0 B`);
    assert.equal(api.layers.summary(secondImage)?.wastedBytes, 0);
    assert.doesNotMatch(String(api.explorer.imagesTreeItem(await waitForImageInTree(api, tag)).description), /wasted/);

    // Flatten the first image (now untagged): one layer, the sizes before and after reported.
    const flattenMark = user.mark;
    cleanup.push(flatTag);
    await vscode.commands.executeCommand('layerwise.image.flatten', firstImage, flatTag);
    const report = await user.waitForMessage(/^Flattened /, flattenMark);
    assert.match(report.message, new RegExp(`^Flattened ${firstImage.slice(7, 19)} into ${flatTag}: 5 layers, 21\\d MB → 1 layer, [12]\\.\\d\\d MB\\.$`));
    const flat = await inspectImage(flatTag);
    assert.equal(flat?.RootFS.Layers.length, 1);
    assert.deepEqual(flat?.Config.Cmd, ['ls', '-l', '/']);
    const flatNode = await waitForImageInTree(api, flatTag);
    assert.equal((await layersInTree(api, flatNode)).length, 1);
    assert.deepEqual(user.unanswered(), []);
  });
});
