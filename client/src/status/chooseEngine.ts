// "Choose Engine…": pick a docker context, a local socket, or type a host. Writes the user
// settings layerwise.engine.host / layerwise.engine.context; the session reconnects on change.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { currentContextName, listContexts, parseHost, type EngineSession } from '../engine';

interface Choice extends vscode.QuickPickItem {
  readonly apply?: { host?: string; context?: string };
  readonly action?: 'enterHost' | 'openSettings';
}

async function socketExists(socketPath: string): Promise<boolean> {
  try {
    return (await fs.stat(socketPath)).isSocket();
  } catch {
    return false;
  }
}

async function applyChoice(host: string | undefined, context: string | undefined): Promise<void> {
  const config = vscode.workspace.getConfiguration('layerwise.engine');
  await config.update('host', host ?? undefined, vscode.ConfigurationTarget.Global);
  await config.update('context', context ?? undefined, vscode.ConfigurationTarget.Global);
}

/**
 * A choice made without the quick pick (a caller, a test): `{}` is Automatic, `{ host }` an
 * engine host (`unix://`, `tcp://`, `ssh://`, `npipe://`), `{ context }` a docker context.
 */
export interface EngineChoice {
  readonly host?: string;
  readonly context?: string;
}

export async function chooseEngine(session: EngineSession, given?: EngineChoice): Promise<void> {
  const config = vscode.workspace.getConfiguration('layerwise.engine');
  const currentHost = config.get<string>('host')?.trim() || undefined;
  const currentContext = config.get<string>('context')?.trim() || undefined;
  if (given) {
    const host = given.host?.trim() || undefined;
    const context = given.context?.trim() || undefined;
    if (host && context) throw new Error('Choose an engine host or a docker context, not both.');
    // A bad host is refused with the parser's reason before anything is written.
    if (host) parseHost(host, { source: 'setting' });
    if (context && !(await listContexts(process.env, os.homedir())).some((candidate) => candidate.name === context)) {
      throw new Error(`There is no docker context named ${context}: \`docker context ls\` lists them.`);
    }
    await apply(session, { host, context }, { host: currentHost, context: currentContext });
    return;
  }
  const state = session.state;
  const activeHost = state.status === 'connected' || state.status === 'error' || state.status === 'connecting' ? state.endpoint?.host : undefined;
  const mark = (selected: boolean) => (selected ? '$(check) ' : '');

  const [contexts, cliContext] = await Promise.all([listContexts(process.env, os.homedir()), currentContextName(process.env, os.homedir()).catch(() => 'default')]);
  const choices: Choice[] = [
    {
      label: `${mark(!currentHost && !currentContext)}Automatic`,
      description: 'DOCKER_HOST, the current docker context, the default socket, then Podman',
      apply: {},
    },
  ];
  if (contexts.length > 0) choices.push({ label: 'Docker contexts', kind: vscode.QuickPickItemKind.Separator });
  for (const context of contexts) {
    choices.push({
      label: `${mark(currentContext === context.name)}$(server-environment) ${context.name}`,
      description: `${context.host ?? ''}${context.name === cliContext ? ' · current docker context' : ''}`,
      detail: context.description || undefined,
      apply: { context: context.name },
    });
  }
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  const sockets = [
    { socket: '/var/run/docker.sock', name: 'Docker (system socket)' },
    { socket: path.join(os.homedir(), '.docker', 'run', 'docker.sock'), name: 'Docker Desktop (user socket)' },
    { socket: '/run/podman/podman.sock', name: 'Podman (rootful)' },
    { socket: path.join(process.env.XDG_RUNTIME_DIR || `/run/user/${uid}`, 'podman', 'podman.sock'), name: 'Podman (rootless)' },
  ];
  const found = (await Promise.all(sockets.map(async (entry) => ((await socketExists(entry.socket)) ? entry : undefined)))).filter((entry) => entry !== undefined);
  if (found.length > 0) choices.push({ label: 'Local engines', kind: vscode.QuickPickItemKind.Separator });
  for (const entry of found) {
    const host = `unix://${entry!.socket}`;
    choices.push({ label: `${mark(currentHost === host)}$(vm) ${entry!.name}`, description: host, apply: { host } });
  }
  choices.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
  choices.push({ label: '$(edit) Enter Engine Host…', description: 'unix://, tcp:// (TLS), ssh://, npipe://', action: 'enterHost' });
  choices.push({ label: '$(gear) Open Engine Settings', action: 'openSettings' });

  const picked = await vscode.window.showQuickPick(choices, {
    title: 'Layerwise: Choose Engine',
    placeHolder: activeHost ? `Now: ${activeHost}` : 'Which container engine should Layerwise use?',
    matchOnDescription: true,
  });
  if (!picked) return;
  if (picked.action === 'openSettings') {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'layerwise.engine');
    return;
  }
  if (picked.action === 'enterHost') {
    const host = await vscode.window.showInputBox({
      title: 'Layerwise: Engine Host',
      prompt: 'unix:///var/run/docker.sock, tcp://host:2376 (TLS from layerwise.engine.certPath), ssh://user@host',
      value: currentHost ?? activeHost ?? '',
      validateInput: (value) => {
        try {
          parseHost(value, { source: 'setting' });
          return undefined;
        } catch (error) {
          return error instanceof Error ? error.message : String(error);
        }
      },
    });
    if (host === undefined) return;
    await apply(session, { host: host.trim() || undefined }, { host: currentHost, context: currentContext });
    return;
  }
  await apply(session, picked.apply ?? {}, { host: currentHost, context: currentContext });
}

async function apply(session: EngineSession, choice: EngineChoice, current: EngineChoice): Promise<void> {
  await applyChoice(choice.host, choice.context);
  // Settings unchanged (e.g. Automatic picked again): reconnect anyway, the user asked for it.
  if (choice.host === current.host && choice.context === current.context) await session.reconnect().catch(() => undefined);
}
