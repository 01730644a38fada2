// Journey 3, health: write a HEALTHCHECK with completion offering its options and their defaults,
// build, run detached, and watch the Containers view show "starting", then healthy (the example's
// probe reaches its web server) or unhealthy (the same image with the server replaced by a sleep),
// with the last probe's output in the tooltip; sort the containers by health.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { LayerwiseApi } from '../../../../client/src/extension';
import type { ContainerNode } from '../../../../client/src/explorer';
import { UserRecorder, completionsAt, containersInTree, copyExample, docker, inspectImage, labelOf, layerwise, lineOf, open, runId, waitFor } from './support';

describe('journey 3: health', function () {
  this.timeout(240_000);
  const tag = `layerwise-test-journey-health-${runId}:1`;
  const healthyName = `layerwise-test-journey-healthy-${runId}`;
  const unhealthyName = `layerwise-test-journey-unhealthy-${runId}`;
  let api: LayerwiseApi;
  let user: UserRecorder;

  before(async () => {
    api = await layerwise();
    user = new UserRecorder();
  });

  after(async () => {
    user.dispose();
    await vscode.workspace.getConfiguration('layerwise.explorer').update('containers.sortBy', undefined, vscode.ConfigurationTarget.Global);
    for (const name of [healthyName, unhealthyName]) await docker(['rm', '-f', name]).catch(() => undefined);
    await docker(['rmi', '-f', tag]).catch(() => undefined);
  });

  async function ours(name: string): Promise<ContainerNode | undefined> {
    await api.explorer.refresh({ images: false, containers: true });
    return (await containersInTree(api)).find((node) => node.label === name);
  }

  it('completes the HEALTHCHECK options with their defaults', async () => {
    const document = await open(copyExample('healthcheck/Dockerfile', 'journey-3'));
    const line = lineOf(document, 'HEALTHCHECK');
    const written = document.lineAt(line).text;
    // The user starts the instruction again from its flags.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, document.lineAt(line).range, 'HEALTHCHECK --');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const flags = await waitFor('HEALTHCHECK flags', async () => {
      const items = await completionsAt(document, new vscode.Position(line, 'HEALTHCHECK --'.length));
      return items.some((item) => labelOf(item).startsWith('--interval')) ? items : undefined;
    });
    const defaults = Object.fromEntries(flags.map((item) => [labelOf(item).replace(/=.*$/, ''), `${item.detail ?? ''} ${typeof item.documentation === 'string' ? item.documentation : (item.documentation?.value ?? '')}`]));
    for (const [flag, value] of [['--interval', '30s'], ['--timeout', '30s'], ['--start-period', '0s'], ['--start-interval', '5s'], ['--retries', '3']]) {
      assert.ok(defaults[flag], `${flag} offered among ${Object.keys(defaults).join(', ')}`);
      assert.match(defaults[flag]!, new RegExp(`\\b${value}\\b`), `${flag} shows its default ${value}: ${defaults[flag]}`);
    }
    // Then its value: durations, the default first.
    const valueEdit = new vscode.WorkspaceEdit();
    valueEdit.replace(document.uri, document.lineAt(line).range, 'HEALTHCHECK --interval=');
    assert.ok(await vscode.workspace.applyEdit(valueEdit));
    const durations = await waitFor('interval values', async () => {
      const items = await completionsAt(document, new vscode.Position(line, 'HEALTHCHECK --interval='.length));
      return items.length > 0 ? items.map(labelOf) : undefined;
    });
    assert.equal(durations[0], '30s', `the default first: ${durations.join(', ')}`);
    // The user finishes the line as the example has it, and saves.
    const restore = new vscode.WorkspaceEdit();
    restore.replace(document.uri, document.lineAt(line).range, written);
    assert.ok(await vscode.workspace.applyEdit(restore));
    assert.ok(await document.save());
  });

  it('built and run detached: starting, then healthy or unhealthy with the last probe; sorted by health', async () => {
    const document = await open(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'journey-3/Dockerfile'));
    await vscode.commands.executeCommand('layerwise.image.build', document.uri, { tags: [tag] });
    assert.ok(await inspectImage(tag), `${tag} was built`);

    await vscode.commands.executeCommand('layerwise.containers.focus');
    const mark = user.mark;
    await vscode.commands.executeCommand('layerwise.image.run', tag, { name: healthyName });
    await user.waitForMessage(new RegExp(`^Container ${healthyName} is running from ${tag.replace(/[.:]/g, '\\$&')}\\.$`), mark);
    // Without its web server the probe fails: the same image, another command.
    await vscode.commands.executeCommand('layerwise.image.run', tag, { name: unhealthyName, command: ['sleep', '300'] });

    const starting = await waitFor('the container starting', async () => {
      const node = await ours(healthyName);
      return node?.container.health === 'starting' ? node : undefined;
    });
    assert.equal(((await api.explorer.containersTreeItem(starting)).iconPath as vscode.ThemeIcon).id, 'loading~spin');

    const healthy = await waitFor('the container healthy', async () => {
      const node = await ours(healthyName);
      return node?.container.health === 'healthy' ? node : undefined;
    }, 60_000);
    const healthyItem = await api.explorer.containersTreeItem(healthy);
    assert.equal((healthyItem.iconPath as vscode.ThemeIcon).id, 'pass-filled');
    const healthyTooltip = (healthyItem.tooltip as vscode.MarkdownString).value;
    assert.match(healthyTooltip, /\*\*Health: healthy\*\* — failing streak 0/);
    assert.match(healthyTooltip, /Last probe: exit code 0/);
    assert.match(healthyTooltip, /```text\nok\n```/);

    const unhealthy = await waitFor('the other container unhealthy', async () => {
      const node = await ours(unhealthyName);
      return node?.container.health === 'unhealthy' ? node : undefined;
    }, 90_000);
    const unhealthyItem = await api.explorer.containersTreeItem(unhealthy);
    assert.match(String(unhealthyItem.description), /\(unhealthy\)/);
    const unhealthyTooltip = (unhealthyItem.tooltip as vscode.MarkdownString).value;
    assert.match(unhealthyTooltip, /\*\*Health: unhealthy\*\* — failing streak [3-9]/);
    assert.match(unhealthyTooltip, /Last probe: exit code 1/);
    assert.match(unhealthyTooltip, /can't connect|Connection refused/i);

    // Sort by health: the unhealthy container comes before the healthy one.
    user.answer('quickPick', /Sort Containers By/, (question) => question.items.find((label) => label.endsWith('Health'))!);
    await vscode.commands.executeCommand('layerwise.containers.sortBy');
    assert.equal(vscode.workspace.getConfiguration('layerwise.explorer').get('containers.sortBy'), 'health');
    const order = await waitFor('the containers sorted by health', async () => {
      const names = (await containersInTree(api)).map((node) => node.label).filter((name) => name === healthyName || name === unhealthyName);
      return names.length === 2 && names[0] === unhealthyName ? names : undefined;
    });
    assert.deepEqual(order, [unhealthyName, healthyName]);
    assert.deepEqual(user.unanswered(), []);
  });
});
