// Registry commands: push (tag for a registry when needed; credentials from our logins in
// SecretStorage, ~/.docker/config.json or its credential helpers; "unauthorized" asks for a login
// and retries), log in (verified by the engine before anything is stored), log out, and search
// (Docker Hub through the engine, or a private registry's catalog and tags).
import * as vscode from 'vscode';
import { RegistryCredentials, findCredentials, normalizeRegistry, registryOfReference } from '../engine/operations/credentials';
import { RegistryAuthError, pushImage, splitReference, tagImage, verifyLogin } from '../engine/operations/registry';
import { registerPullCommand } from './pullImage';
import { RegistryAuth, describeSource, withRegistryLogin } from './registryAuth';
import { searchDockerHub, searchRegistry } from '../engine/operations/search';
import { formatBytes } from '../explorer/shape/format';
import { isCancellation, withCancellableProgress } from '../ui/progress';
import { OperationContext, engineWork, imageRefsFromArgs, pickImages, refreshExplorer } from './operationContext';
import { registerCommand } from './registerCommand';

const loginKeyPrefix = 'layerwise.registry.login/';
const knownRegistriesKey = 'layerwise.registry.known';

interface StoredLogin {
  readonly username: string;
  readonly password: string;
}

/** Logins made in Layerwise, kept in the editor's SecretStorage (the OS keychain). */
export class RegistryLogins {
  constructor(private readonly extension: vscode.ExtensionContext) {}

  async get(registry: string): Promise<StoredLogin | undefined> {
    const text = await this.extension.secrets.get(loginKeyPrefix + normalizeRegistry(registry));
    if (!text) return undefined;
    try {
      return JSON.parse(text) as StoredLogin;
    } catch {
      return undefined;
    }
  }

  async store(registry: string, login: StoredLogin): Promise<void> {
    const host = normalizeRegistry(registry);
    await this.extension.secrets.store(loginKeyPrefix + host, JSON.stringify(login));
    const known = new Set(this.known());
    known.add(host);
    await this.extension.globalState.update(knownRegistriesKey, [...known].sort());
  }

  async delete(registry: string): Promise<void> {
    const host = normalizeRegistry(registry);
    await this.extension.secrets.delete(loginKeyPrefix + host);
    await this.extension.globalState.update(knownRegistriesKey, this.known().filter((entry) => entry !== host));
  }

  known(): string[] {
    return this.extension.globalState.get<string[]>(knownRegistriesKey, []);
  }
}

export interface PushCommandOptions {
  /** Push under this name (the image is tagged first). */
  readonly target?: string;
  /** Fail on "unauthorized" instead of asking for a login (tests, scripted use). */
  readonly noPrompt?: boolean;
}

export interface LoginCommandOptions {
  readonly registry: string;
  readonly username: string;
  readonly password: string;
}

export function registerRegistryCommands(context: OperationContext): RegistryLogins {
  const logins = new RegistryLogins(context.extension);
  const lookup = (registry: string) => findCredentials(registry, { storedLogin: (host) => logins.get(host) });
  const auth: RegistryAuth = { lookup, promptLogin: (registry, reason) => promptLogin(registry, reason) };
  const pull = registerPullCommand(context, auth);

  async function promptLogin(registry: string, reason?: string): Promise<RegistryCredentials | undefined> {
    const username = await vscode.window.showInputBox({ title: `Log in to ${registry}`, prompt: reason ?? 'User name', ignoreFocusOut: true });
    if (!username) return undefined;
    const password = await vscode.window.showInputBox({ title: `Log in to ${registry} as ${username}`, prompt: 'Password or access token', password: true, ignoreFocusOut: true });
    if (!password) return undefined;
    await loginWith(registry, username, password);
    return lookup(registry);
  }

  async function loginWith(registry: string, username: string, password: string): Promise<void> {
    const host = normalizeRegistry(registry);
    await engineWork(context, (engine) => verifyLogin(engine, host, username, password));
    await logins.store(host, { username, password });
    context.log.info(`Logged in to ${host} as ${username} (stored in the editor's secret storage).`);
  }

  registerCommand(context.extension, context.log, 'layerwise.registry.login', async (given?: LoginCommandOptions) => {
    if (given && typeof given === 'object' && given.registry) {
      await loginWith(given.registry, given.username, given.password);
      return;
    }
    const configured = vscode.workspace.getConfiguration('layerwise.registry').get<string>('default', '');
    const registry = await vscode.window.showInputBox({ title: 'Log in to a registry', prompt: 'Registry host[:port] (docker.io for Docker Hub)', value: configured || 'docker.io', ignoreFocusOut: true });
    if (!registry) return;
    const login = await promptLogin(normalizeRegistry(registry), 'User name');
    if (login) void vscode.window.showInformationMessage(`Logged in to ${normalizeRegistry(registry)}.`);
  });

  registerCommand(context.extension, context.log, 'layerwise.registry.logout', async (registryArg?: unknown) => {
    const registry = typeof registryArg === 'string' ? registryArg : await vscode.window.showQuickPick(logins.known(), { placeHolder: logins.known().length ? 'Registry to log out of' : 'No Layerwise logins are stored' });
    if (!registry) return;
    await logins.delete(registry);
    void vscode.window.showInformationMessage(`Logged out of ${normalizeRegistry(registry)}: the stored credentials were deleted. Credentials in ~/.docker/config.json are left as they are.`);
  });

  registerCommand(context.extension, context.log, 'layerwise.image.push', async (...args: unknown[]) => {
    const options = args.find((arg): arg is PushCommandOptions => typeof arg === 'object' && arg !== null && !Array.isArray(arg) && !('kind' in arg)) ?? {};
    const [image] = imageRefsFromArgs(args).length > 0 ? imageRefsFromArgs(args) : await pickImages(context, 'Image to push', false);
    if (!image) return;
    const reference = options.target ?? (await chooseTarget(image));
    if (!reference) return;
    if (reference !== image) {
      await engineWork(context, (engine) => tagImage(engine, image, reference));
      refreshExplorer(context);
    }
    const registry = registryOfReference(reference);
    try {
      await withRegistryLogin(auth, registry, { noPrompt: options.noPrompt, log: (line) => context.operationsOutput.appendLine(line) }, (credentials) => pushWithProgress(reference, credentials));
    } catch (error) {
      if (isCancellation(error)) {
        void vscode.window.showInformationMessage(`The push of ${reference} was cancelled; the registry has no new tag.`);
        return;
      }
      throw error;
    }
  });

  async function chooseTarget(image: string): Promise<string | undefined> {
    const current = registryOfReference(image);
    const configured = normalizeRegistry(vscode.workspace.getConfiguration('layerwise.registry').get<string>('default', '') || 'docker.io');
    if (image.startsWith('sha256:')) {
      return vscode.window.showInputBox({ title: 'Push an untagged image', prompt: 'Name to push it under: registry/repository:tag', value: configured !== 'docker.io' ? `${configured}/` : '' });
    }
    if (current !== 'docker.io' || configured === 'docker.io') return image;
    const { repository, tag } = splitReference(image);
    const suggestion = `${configured}/${repository}:${tag}`;
    const picked = await vscode.window.showQuickPick(
      [
        { label: suggestion, description: `tag for ${configured} and push there`, value: suggestion },
        { label: image, description: 'push to Docker Hub', value: image },
        { label: 'Another name…', description: '', value: '' },
      ],
      { title: `Push ${image}` },
    );
    if (!picked) return undefined;
    return picked.value || vscode.window.showInputBox({ title: `Push ${image}`, prompt: 'registry/repository:tag', value: suggestion });
  }

  async function pushWithProgress(reference: string, credentials: RegistryCredentials | undefined): Promise<void> {
    const output = context.operationsOutput;
    output.appendLine(`\n=== Push ${reference}${credentials ? ` (credentials from ${describeSource(credentials)})` : ' (no credentials)'} ===`);
    const result = await withCancellableProgress(`Pushing ${reference}`, (progress, signal) =>
      engineWork(context, (engine) =>
        pushImage(engine, {
          reference,
          credentials,
          signal,
          onProgress: (update) => {
            const bytes = update.bytesTotal > 0 ? ` · ${formatBytes(update.bytesPushed)} of ${formatBytes(update.bytesTotal)}` : '';
            progress.report(`${update.layersDone}/${update.layers} layers${bytes}`, update.fraction);
          },
        }),
      ),
    );
    output.appendLine(`Pushed ${reference}${result.digest ? ` (${result.digest})` : ''}.`);
    void vscode.window.showInformationMessage(`Pushed ${reference}.`);
  }

  registerCommand(context.extension, context.log, 'layerwise.image.search', async (given?: { registry?: string; term?: string; action?: 'pull' | 'copy' }) => {
    const settings = vscode.workspace.getConfiguration('layerwise.registry');
    const limit = settings.get<number>('searchLimit', 25);
    let registry = given?.registry;
    if (!registry) {
      const known = [...new Set([settings.get<string>('default', ''), ...logins.known()].filter((entry) => entry && entry !== 'docker.io'))];
      const picked = await vscode.window.showQuickPick(
        [{ label: 'Docker Hub', description: 'through the engine', value: 'docker.io' }, ...known.map((host) => ({ label: host, description: 'registry catalog', value: host })), { label: 'Another registry…', description: '', value: '' }],
        { title: 'Search images' },
      );
      if (!picked) return;
      registry = picked.value || (await vscode.window.showInputBox({ title: 'Search a registry', prompt: 'host[:port]' }));
      if (!registry) return;
    }
    const term = given?.term ?? (await vscode.window.showInputBox({ title: `Search ${registry}`, prompt: registry === 'docker.io' ? 'Image name or keywords' : 'Part of a repository name (empty lists all)' }));
    if (term === undefined) return;
    const items: Array<vscode.QuickPickItem & { reference: string }> = [];
    if (normalizeRegistry(registry) === 'docker.io') {
      const results = await engineWork(context, (engine) => searchDockerHub(engine, term, { officialOnly: settings.get<boolean>('officialOnly', false), limit }));
      for (const result of results) items.push({ label: result.name, description: `${result.official ? '$(verified) official · ' : ''}★ ${result.stars}`, detail: result.description, reference: result.name });
    } else {
      const host = normalizeRegistry(registry);
      let credentials = await lookup(host);
      let repositories;
      try {
        repositories = await searchRegistry({ registry: host, term, limit, credentials });
      } catch (error) {
        if (!(error instanceof RegistryAuthError)) throw error;
        credentials = await promptLogin(host, `${host} needs a login to list its images: user name`);
        if (!credentials) return;
        repositories = await searchRegistry({ registry: host, term, limit, credentials });
      }
      for (const repository of repositories) {
        for (const tag of repository.tags.length > 0 ? repository.tags : ['']) {
          items.push({ label: tag ? `${repository.name}:${tag}` : repository.name, description: tag ? host : `${host} · no tags`, reference: `${host}/${repository.name}${tag ? `:${tag}` : ''}` });
        }
      }
    }
    if (items.length === 0) {
      void vscode.window.showInformationMessage(`Nothing matches "${term}" on ${registry}.`);
      return;
    }
    const picked = await vscode.window.showQuickPick(items, { title: `${items.length} result(s) on ${registry}`, matchOnDescription: true, matchOnDetail: true, placeHolder: 'Pick one to pull it or copy its reference' });
    if (!picked) return;
    const action =
      given?.action ??
      (
        await vscode.window.showQuickPick(
          [
            { label: 'Pull', description: 'fetch it into the engine', value: 'pull' as const },
            { label: 'Copy Reference', description: picked.reference, value: 'copy' as const },
          ],
          { title: `What to do with ${picked.reference}` },
        )
      )?.value;
    if (action === 'pull') await pull(picked.reference);
    else if (action === 'copy') {
      await vscode.env.clipboard.writeText(picked.reference);
      void vscode.window.showInformationMessage(`Copied ${picked.reference} to the clipboard.`);
    }
  });

  return logins;
}
