// Container commands: start / stop / restart / remove (confirmed, force offered for running
// ones), logs (followed in an output channel per container), a shell (terminal through exec),
// export to a tar, the health log, inspect, and commit to an image.
import * as path from 'node:path';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { commitContainer, validateChange } from '../engine/operations/commit';
import { ContainerRunningError, LifecycleAction, containerAction, containerLogs, execShell, exportContainer, healthLog, removeContainer } from '../engine/operations/containers';
import { openContainerTerminal } from '../ui/containerTerminal';
import { formatBytes } from '../explorer/shape/format';
import { isCancellation, withCancellableProgress } from '../ui/progress';
import { OperationContext, confirmDestructive, confirmOptionsFromArgs, containerIdsFromArgs, engineWork, pickContainers, refreshExplorer } from './operationContext';
import { registerCommand } from './registerCommand';

type ContainerRef = { id: string; name: string; state?: string };

async function containersFor(context: OperationContext, args: unknown[], placeHolder: string, include?: (state: string) => boolean, many = true): Promise<ContainerRef[]> {
  const fromArgs = containerIdsFromArgs(args);
  return fromArgs.length > 0 ? fromArgs : pickContainers(context, placeHolder, many, include);
}

export function registerContainerCommands(context: OperationContext): void {
  const lifecycle: Array<[string, LifecycleAction, string, (state: string) => boolean]> = [
    ['layerwise.container.start', 'start', 'Containers to start', (state) => state !== 'running'],
    ['layerwise.container.stop', 'stop', 'Containers to stop', (state) => state === 'running' || state === 'restarting' || state === 'paused'],
    ['layerwise.container.restart', 'restart', 'Containers to restart', () => true],
  ];
  for (const [id, action, placeHolder, include] of lifecycle) {
    registerCommand(context.extension, context.log, id, async (...args: unknown[]) => {
      const containers = await containersFor(context, args, placeHolder, include);
      await Promise.all(containers.map((container) => engineWork(context, (engine) => containerAction(engine, container.id, action))));
      refreshExplorer(context);
    });
  }

  registerCommand(context.extension, context.log, 'layerwise.container.remove', async (...args: unknown[]) => {
    const containers = await containersFor(context, args, 'Containers to remove');
    if (containers.length === 0) return;
    const names = containers.map((container) => container.name).join(', ');
    if (!confirmOptionsFromArgs(args).confirmed && !(await confirmDestructive(`Remove ${containers.length === 1 ? `container ${names}` : `${containers.length} containers (${names})`}?`, 'Remove', 'Their writable layers are deleted; anonymous volumes are removed with them.'))) return;
    const running: ContainerRef[] = [];
    for (const container of containers) {
      try {
        await engineWork(context, (engine) => removeContainer(engine, container.id, { volumes: true }));
      } catch (error) {
        if (error instanceof ContainerRunningError) running.push(container);
        else throw error;
      }
    }
    if (running.length > 0) {
      const list = running.map((container) => container.name).join(', ');
      if (await confirmDestructive(`${list} ${running.length === 1 ? 'is' : 'are'} running. Stop and remove ${running.length === 1 ? 'it' : 'them'} anyway?`, 'Force Remove')) {
        for (const container of running) await engineWork(context, (engine) => removeContainer(engine, container.id, { force: true, volumes: true }));
      }
    }
    refreshExplorer(context);
  });

  const logChannels = new Map<string, { channel: vscode.OutputChannel; stop: AbortController }>();
  context.extension.subscriptions.push({ dispose: () => logChannels.forEach((entry) => (entry.stop.abort(), entry.channel.dispose())) });
  registerCommand(context.extension, context.log, 'layerwise.container.logs', async (...args: unknown[]) => {
    const [container] = await containersFor(context, args, 'Container whose logs to show', undefined, false);
    if (!container) return;
    const previous = logChannels.get(container.id);
    previous?.stop.abort();
    const channel = previous?.channel ?? vscode.window.createOutputChannel(`Logs: ${container.name}`);
    channel.clear();
    channel.show(true);
    const stop = new AbortController();
    logChannels.set(container.id, { channel, stop });
    const tail = vscode.workspace.getConfiguration('layerwise.run').get<number>('logTailLines', 1000);
    void engineWork(context, (engine) => containerLogs(engine, container.id, { follow: true, tail: tail > 0 ? tail : undefined, signal: stop.signal, onText: (text) => channel.append(text) }))
      .then(() => {
        if (!stop.signal.aborted) channel.appendLine(`\n[${container.name} stopped; the log ends here]`);
      })
      .catch((error: unknown) => channel.appendLine(`\n[The log stream ended: ${(error as Error).message}]`));
  });

  registerCommand(context.extension, context.log, 'layerwise.container.shell', async (...args: unknown[]) => {
    const [container] = await containersFor(context, args, 'Running container to open a shell in', (state) => state === 'running', false);
    if (!container) return;
    const session = await engineWork(context, (engine) => execShell(engine, container.id));
    openContainerTerminal(`Shell: ${container.name}`, session);
  });

  registerCommand(context.extension, context.log, 'layerwise.container.export', async (...args: unknown[]) => {
    const [container] = await containersFor(context, args, 'Container to export', undefined, false);
    if (!container) return;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.homedir();
    const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(path.join(folder, `${container.name}.tar`)), filters: { 'Tar archive': ['tar'] }, saveLabel: 'Export' });
    if (!target) return;
    try {
      // The save dialog already asked about replacing an existing file.
      const bytes = await withCancellableProgress(`Exporting ${container.name}`, (progress, signal) =>
        engineWork(context, (engine) => exportContainer(engine, container.id, { target: target.fsPath, overwrite: true, signal, onProgress: (written) => progress.report(formatBytes(written)) })),
      );
      void vscode.window.showInformationMessage(`Exported ${container.name} to ${path.basename(target.fsPath)} (${formatBytes(bytes)}).`);
    } catch (error) {
      if (isCancellation(error)) return;
      throw error;
    }
  });

  registerCommand(context.extension, context.log, 'layerwise.container.healthLog', async (...args: unknown[]) => {
    const [container] = await containersFor(context, args, 'Container whose health log to show', undefined, false);
    if (!container) return;
    const report = await engineWork(context, (engine) => healthLog(engine, container.id));
    const lines = [`# Health of ${container.name}`, '', `Status: **${report.status}**${report.failingStreak ? ` (failing streak ${report.failingStreak})` : ''}`];
    if (report.test) lines.push('', `Check: \`${report.test.join(' ')}\``);
    if (report.status === 'none') lines.push('', 'This container has no HEALTHCHECK: add one to its Dockerfile to see probes here.');
    for (const entry of [...report.log].reverse()) {
      lines.push('', `## ${new Date(entry.start).toLocaleString()} — exit ${entry.exitCode}`, '', '```', entry.output.trimEnd() || '(no output)', '```');
    }
    await context.documents.show(`health-${container.name}.md`, `${lines.join('\n')}\n`, 'markdown');
  });

  registerCommand(context.extension, context.log, 'layerwise.container.inspect', async (...args: unknown[]) => {
    const [container] = await containersFor(context, args, 'Container to inspect', undefined, false);
    if (!container) return;
    const info = await engineWork(context, (engine) => engine.inspectContainer(container.id));
    await context.documents.show(`container-${container.name}.json`, `${JSON.stringify(info, null, 2)}\n`, 'json');
  });

  registerCommand(context.extension, context.log, 'layerwise.container.commit', async (...args: unknown[]) => {
    const given = args.find((arg): arg is { reference?: string; message?: string; author?: string; pause?: boolean; changes?: string[] } => typeof arg === 'object' && arg !== null && !Array.isArray(arg) && !('kind' in arg));
    const [container] = await containersFor(context, args, 'Container to commit', undefined, false);
    if (!container) return;
    const options = given ?? (await promptCommit(container));
    if (!options) return;
    const { imageId } = await engineWork(context, (engine) => commitContainer(engine, { container: container.id, ...options }));
    refreshExplorer(context);
    void vscode.window.showInformationMessage(`Committed ${container.name} as ${options.reference || imageId.slice(7, 19)}.`);
  });
}

async function promptCommit(container: ContainerRef): Promise<{ reference?: string; message?: string; author?: string; pause?: boolean; changes?: string[] } | undefined> {
  const reference = await vscode.window.showInputBox({ title: `Commit ${container.name}: image name`, prompt: 'repository:tag (empty for an untagged image)', validateInput: (value) => (/[A-Z\s]/.test(value.split(':')[0] ?? '') ? 'Repository names are lower case, without spaces.' : undefined) });
  if (reference === undefined) return undefined;
  const message = await vscode.window.showInputBox({ title: `Commit ${container.name}: message`, prompt: 'What changed (optional)' });
  if (message === undefined) return undefined;
  const author = await vscode.window.showInputBox({ title: `Commit ${container.name}: author`, prompt: 'Name <email> (optional)' });
  if (author === undefined) return undefined;
  const changesText = await vscode.window.showInputBox({
    title: `Commit ${container.name}: changes`,
    prompt: 'Dockerfile instructions to apply, separated by " ; " — e.g. CMD ["app"] ; ENV MODE=prod ; EXPOSE 8080',
    validateInput: (value) => {
      for (const change of value.split(/\s+;\s+/).filter((item) => item.trim())) {
        try {
          validateChange(change);
        } catch (error) {
          return (error as Error).message;
        }
      }
      return undefined;
    },
  });
  if (changesText === undefined) return undefined;
  const pause = await vscode.window.showQuickPick([{ label: 'Pause the container while committing', pause: true }, { label: 'Do not pause it', pause: false }], { title: `Commit ${container.name}` });
  if (!pause) return undefined;
  return { reference: reference || undefined, message: message || undefined, author: author || undefined, pause: pause.pause, changes: changesText.split(/\s+;\s+/).filter((item) => item.trim()) };
}
