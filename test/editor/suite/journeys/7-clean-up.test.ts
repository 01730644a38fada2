// Journey 7, clean up: prune dangling images and the build cache (the question is answered, then
// the space reclaimed is reported), and remove an image a stopped container uses: the engine
// refuses, the editor says why and offers to force it.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { UserRecorder, docker, engineTierState, inspectImage, layerwise, runId, workspaceFile } from './support';

describe('journey 7: clean up', function () {
  this.timeout(180_000);
  const base = engineTierState().baseImage;
  const tag = `layerwise-test-journey-prune-${runId}:1`;
  const used = `layerwise-test-journey-used-${runId}:1`;
  const containerName = `layerwise-test-journey-stopped-${runId}`;
  let user: UserRecorder;

  before(async () => {
    await layerwise();
    user = new UserRecorder();
  });

  after(async () => {
    user.dispose();
    await docker(['rm', '-f', containerName]).catch(() => undefined);
    for (const image of [tag, used]) await docker(['rmi', '-f', image]).catch(() => undefined);
  });

  async function build(reference: string, content: string): Promise<string> {
    const dockerfile = workspaceFile(`journey-7/${reference.replace(/[:/]/g, '_')}.Dockerfile`, content);
    await docker(['build', '-q', '-t', reference, '-f', dockerfile.fsPath, path.dirname(dockerfile.fsPath)]);
    return (await inspectImage(reference))!.Id;
  }

  it('prunes dangling images and the build cache after the question, reporting the space reclaimed', async () => {
    // Rebuilding a tag leaves the previous image untagged (dangling); BuildKit keeps cache records.
    const dangling = await build(tag, `FROM ${base}\nRUN echo ${runId} > /first && dd if=/dev/urandom of=/blob bs=1M count=5 2>/dev/null\n`);
    await build(tag, `FROM ${base}\nRUN echo ${runId} > /second\n`);
    assert.deepEqual((await inspectImage(dangling))?.RepoTags, [], 'the first image is dangling');

    const mark = user.mark;
    user.answer('quickPick', /^Prune: reclaim space/, (question) => question.items.filter((label) => label === 'Dangling images' || label === 'Build cache'));
    user.answer('modal', /^Remove dangling images, build cache\?$/, 'Prune');
    await vscode.commands.executeCommand('layerwise.engine.prune');
    const question = user.messages('warning', mark).find((entry) => entry.modal);
    assert.equal(question?.detail, 'This cannot be undone.');
    const reclaimed = await user.waitForMessage(/^Reclaimed /, mark);
    const match = /^Reclaimed ([\d.]+ [kMG]?B) \((\d+) image\(s\), ([\d.]+ [kMG]?B); (\d+) build cache record\(s\), ([\d.]+ [kMG]?B)\)\.$/.exec(reclaimed.message);
    assert.ok(match, reclaimed.message);
    assert.ok(Number(match[2]) >= 1, 'at least our dangling image was pruned');
    // BuildKit's cache holds a built image's layers: their 5 MB come back with the cache records.
    assert.ok(/ (MB|GB)$/.test(match[1]!) && (parseFloat(match[1]!) >= 5 || match[1]!.endsWith('GB')), `the dangling image's 5 MB were reclaimed: ${reclaimed.message}`);
    assert.equal(await inspectImage(dangling), undefined, 'the dangling image is gone');
    assert.ok(await inspectImage(tag), 'the tagged image stays');

    // A caller that already asked the user passes { confirmed: true }: no second question.
    const confirmedMark = user.mark;
    await vscode.commands.executeCommand('layerwise.engine.prune', ['buildCache'], { confirmed: true });
    await user.waitForMessage(/^Reclaimed [\d.]+ [kMG]?B \(\d+ build cache record\(s\), [\d.]+ [kMG]?B\)\.$/, confirmedMark);
    assert.equal(user.messages('warning', confirmedMark).filter((entry) => entry.modal).length, 0);
  });

  it('removing an image a stopped container uses: told why, offered force', async () => {
    const id = await build(used, `FROM ${base}\nRUN echo ${runId} > /used\n`);
    await docker(['create', '--name', containerName, used, 'true']);
    const mark = user.mark;
    // The user declines the force offer first: nothing is removed.
    user.answer('modal', /is used by the stopped container/, () => undefined);
    await vscode.commands.executeCommand('layerwise.image.remove', used, { confirmed: true });
    const offer = user.messages('warning', mark).find((entry) => entry.modal);
    assert.ok(offer, 'the force offer');
    const containerId = await docker(['inspect', '--format', '{{.Id}}', containerName]);
    assert.equal(offer.message, `${used} is used by the stopped container ${containerId.slice(0, 12)}. Remove the container first, or force the removal: the image is deleted, and the container keeps its files (it still starts).`);
    assert.deepEqual(offer.buttons, ['Force Remove']);
    assert.ok(await inspectImage(used), 'declined: the image stays');

    // Accepting the offer forces it: the image goes, the container still starts.
    user.answer('modal', /is used by the stopped container/, 'Force Remove');
    await vscode.commands.executeCommand('layerwise.image.remove', used, { confirmed: true });
    assert.equal(await inspectImage(used), undefined, 'the tag is gone');
    assert.equal(await inspectImage(id), undefined, 'the image is deleted');
    await docker(['start', '-a', containerName]);
    assert.deepEqual(user.unanswered(), []);
  });
});
