// Layerwise: Run Image. Detached (the container appears in the explorer, health included) or
// interactive (a terminal attached to the container's TTY, resized with the panel). Waits for
// workspace trust: the image usually comes from this workspace's Dockerfile.
import * as vscode from 'vscode';
import { PortMapping, RunOptions, parsePortMapping, runContainer } from '../engine/operations/run';
import { openContainerTerminal } from '../ui/containerTerminal';
import { waitForWorkspaceTrust } from '../ui/trust';
import { OperationContext, engineWork, imageRefsFromArgs, pickImages, refreshExplorer } from './operationContext';
import { registerCommand } from './registerCommand';

/** What a caller (or a test) may pass to skip the prompts: the run options, ports as `docker run -p` writes them. */
export type RunCommandOptions = Omit<RunOptions, 'image' | 'ports' | 'labels' | 'columns' | 'rows'> & { readonly ports?: readonly string[] };

export function registerRunCommand(context: OperationContext): void {
  registerCommand(context.extension, context.log, 'layerwise.image.run', async (...args: unknown[]) => {
    const given = args.find((arg): arg is RunCommandOptions => typeof arg === 'object' && arg !== null && !Array.isArray(arg) && !('kind' in arg));
    const image = imageRefsFromArgs(args)[0] ?? (await pickImages(context, 'Image to run', false))[0];
    if (!image) return;
    if (!(await waitForWorkspaceTrust('Running a container'))) return;
    const options = given ?? (await promptRunOptions(image));
    if (!options) return;
    await runWith(context, image, options);
  });
}

function splitList(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

async function promptRunOptions(image: string): Promise<RunCommandOptions | undefined> {
  const settings = vscode.workspace.getConfiguration('layerwise.run');
  const modes = [
    { label: '$(debug-start) Detached', description: 'runs in the background; see it in the Containers view', interactive: false },
    { label: '$(terminal) Interactive', description: 'opens a terminal attached to the container', interactive: true },
  ];
  if (settings.get<string>('defaultMode') === 'interactive') modes.reverse();
  const mode = await vscode.window.showQuickPick(modes, { title: `Run ${image}`, placeHolder: 'How to run it' });
  if (!mode) return undefined;
  const name = await vscode.window.showInputBox({ title: `Run ${image}: container name`, prompt: 'Leave empty for a generated name', validateInput: (value) => (value && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(value) ? 'Letters, digits, _ . - (starting with a letter or digit).' : undefined) });
  if (name === undefined) return undefined;
  const ports = await vscode.window.showInputBox({
    title: `Run ${image}: published ports`,
    prompt: 'host:container, separated by spaces (e.g. 8080:80 5353:53/udp); empty for none',
    validateInput: (value) => {
      try {
        splitList(value).forEach(parsePortMapping);
        return undefined;
      } catch (error) {
        return (error as Error).message;
      }
    },
  });
  if (ports === undefined) return undefined;
  const envText = await vscode.window.showInputBox({ title: `Run ${image}: environment`, prompt: 'KEY=VALUE separated by spaces; empty for none', validateInput: (value) => (splitList(value).some((item) => item.indexOf('=') <= 0) ? 'Write KEY=VALUE.' : undefined) });
  if (envText === undefined) return undefined;
  const envFile = await vscode.window.showQuickPick([{ label: 'No env file', pick: false }, { label: 'Choose an env file…', pick: true }], { title: `Run ${image}: env file` });
  if (!envFile) return undefined;
  let envFiles: string[] = [];
  if (envFile.pick) {
    const chosen = await vscode.window.showOpenDialog({ canSelectMany: true, openLabel: 'Use as env file' });
    if (!chosen) return undefined;
    envFiles = chosen.map((uri) => uri.fsPath);
  }
  const volumes = await vscode.window.showInputBox({ title: `Run ${image}: volumes`, prompt: 'source:target[:ro] separated by spaces (host paths or volume names); empty for none' });
  if (volumes === undefined) return undefined;
  const removeChoices = [
    { label: 'Keep the container when it stops', remove: false },
    { label: 'Remove the container when it stops (--rm)', remove: true },
  ];
  if (settings.get<boolean>('autoRemove')) removeChoices.reverse();
  const remove = await vscode.window.showQuickPick(removeChoices, { title: `Run ${image}: when it stops` });
  if (!remove) return undefined;
  return {
    name: name || undefined,
    ports: splitList(ports),
    env: Object.fromEntries(splitList(envText).map((item) => [item.slice(0, item.indexOf('=')), item.slice(item.indexOf('=') + 1)])),
    envFiles,
    volumes: splitList(volumes),
    autoRemove: remove.remove,
    interactive: mode.interactive,
  };
}

async function runWith(context: OperationContext, image: string, options: RunCommandOptions): Promise<void> {
  const allInterfaces = vscode.workspace.getConfiguration('layerwise.run').get<boolean>('publishOnAllInterfaces', false);
  const ports: PortMapping[] = (options.ports ?? []).map((text) => {
    const mapping = parsePortMapping(text);
    return mapping.hostIp ? mapping : { ...mapping, hostIp: allInterfaces ? '0.0.0.0' : '127.0.0.1' };
  });
  const result = await engineWork(context, (engine) =>
    runContainer(engine, {
      image,
      name: options.name,
      ports,
      env: options.env,
      envFiles: options.envFiles,
      volumes: options.volumes,
      autoRemove: options.autoRemove,
      interactive: options.interactive,
      command: options.command,
    }),
  );
  context.log.info(`Started container ${result.name} (${result.id.slice(0, 12)}) from ${image}.`);
  refreshExplorer(context);
  if (result.session) {
    openContainerTerminal(`${result.name} (${image})`, result.session, () => refreshExplorer(context));
  } else {
    void vscode.window.showInformationMessage(`Container ${result.name} is running from ${image}.`);
  }
}
