// Build and push from the command palette in the real editor, against the engine tier's dockerd
// and its authenticated registry: a successful build shows its image in the explorer, a failing
// step becomes a diagnostic on its Dockerfile line, a push without login is refused and a push
// after logging in lands in the registry.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LayerwiseApi } from '../../../client/src/extension';
import type { ImagesViewNode } from '../../../client/src/explorer';
import { findCredentials } from '../../../client/src/engine/operations/credentials';
import { searchRegistry } from '../../../client/src/engine/operations/search';
import { waitFor } from './helpers';

interface EngineTierState {
  readonly baseImage: string;
  readonly registry: { readonly address: string; readonly username: string; readonly password: string };
}

function engineTierState(): EngineTierState {
  // The editor runs with a scratch HOME: look in the real user's home too.
  const candidates = [process.env.LAYERWISE_TEST_STATE, path.join(os.homedir(), '.cache', 'layerwise-test'), path.join(os.userInfo().homedir, '.cache', 'layerwise-test')].filter((dir): dir is string => Boolean(dir));
  const file = candidates.map((dir) => path.join(dir, 'state.json')).find((candidate) => fs.existsSync(candidate));
  if (!file) throw new Error(`state.json of the engine tier is missing (looked in ${candidates.join(', ')}): the editor tier runs test/engine/up.sh first.`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as EngineTierState;
}

function docker(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('/usr/bin/docker', args, { timeout: 60_000 }, (error, stdout, stderr) => (error ? reject(new Error(`docker ${args.join(' ')}: ${stderr || error.message}`)) : resolve(stdout.trim())));
  });
}

async function layerwise(): Promise<LayerwiseApi> {
  const extension = vscode.extensions.getExtension<LayerwiseApi>('layerwise.layerwise');
  assert.ok(extension, 'the Layerwise extension is installed');
  return extension.activate();
}

function writeWorkspaceFile(relative: string, content: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The editor tests need a workspace folder.');
  const file = path.join(folder.uri.fsPath, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return vscode.Uri.file(file);
}

describe('operations from the command palette', () => {
  const run = `${process.pid}-${Date.now().toString(36)}`;
  const state = engineTierState();
  const images: string[] = [];
  let api: LayerwiseApi;

  before(async () => {
    api = await layerwise();
    await vscode.commands.executeCommand('layerwise.images.focus');
  });

  after(async () => {
    for (const image of images) await docker('rmi', '-f', image).catch(() => undefined);
  });

  it('Build Image: the image is built and shows in the Images view', async () => {
    const repository = `layerwise-test-editor-build-${run}`;
    const dockerfile = writeWorkspaceFile('ops-build/Dockerfile', `FROM ${state.baseImage}\nRUN echo built-in-the-editor > /proof\n`);
    images.push(`${repository}:1`);
    await vscode.commands.executeCommand('layerwise.image.build', dockerfile, { tags: [`${repository}:1`] });
    assert.equal(await docker('run', '--rm', `${repository}:1`, 'cat', '/proof'), 'built-in-the-editor');
    const node = await waitFor('the built image in the Images view', async () => {
      await api.explorer.refresh();
      const roots: ImagesViewNode[] = await api.explorer.imagesChildren();
      return roots.find((candidate) => candidate.label === repository);
    });
    assert.equal(api.explorer.imagesTreeItem(node).contextValue, 'image.repository');
    assert.deepEqual(vscode.languages.getDiagnostics(dockerfile).filter((diagnostic) => diagnostic.source === 'Layerwise build'), []);
  });

  it('Build Image: a failing RUN becomes an error diagnostic on its line, with the output', async () => {
    const dockerfile = writeWorkspaceFile('ops-fail/Dockerfile', `FROM ${state.baseImage}\nRUN echo fine\nRUN echo "the compiler says no" && exit 5\nCMD ["sh"]\n`);
    await vscode.commands.executeCommand('layerwise.image.build', dockerfile, { tags: [`layerwise-test-editor-fail-${run}:1`] });
    const diagnostics = await waitFor('the build diagnostic', () => {
      const found = vscode.languages.getDiagnostics(dockerfile).filter((diagnostic) => diagnostic.source === 'Layerwise build');
      return found.length > 0 ? found : undefined;
    });
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.range.start.line, 2);
    assert.equal(diagnostics[0]!.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostics[0]!.message, /exit code: 5/);
    assert.match(diagnostics[0]!.message, /the compiler says no/);
  });

  it('Push Image: refused without a login; after Log In to Registry the push lands in the registry', async () => {
    const registry = state.registry.address;
    const repository = `team/layerwise-test-editor-push-${run}`;
    const target = `${registry}/${repository}:1.0`;
    const source = `layerwise-test-editor-push-src-${run}:1`;
    const dockerfile = writeWorkspaceFile('ops-push/Dockerfile', `FROM ${state.baseImage}\nRUN echo pushed > /proof\n`);
    images.push(source, target);
    await vscode.commands.executeCommand('layerwise.image.build', dockerfile, { tags: [source] });
    const login = { serveraddress: registry, username: state.registry.username, password: state.registry.password, source: 'layerwise-login' as const };
    const listed = async () => (await searchRegistry({ registry, term: repository, credentials: login })).find((entry) => entry.name === repository)?.tags ?? [];

    // Without any login (and with none in ~/.docker/config.json) the registry refuses the push.
    if (!(await findCredentials(registry))) {
      await vscode.commands.executeCommand('layerwise.image.push', source, { target, noPrompt: true });
      assert.deepEqual(await listed(), []);
    }
    await vscode.commands.executeCommand('layerwise.registry.login', { registry, username: state.registry.username, password: state.registry.password });
    await vscode.commands.executeCommand('layerwise.image.push', source, { target, noPrompt: true });
    assert.deepEqual(await listed(), ['1.0']);
    await vscode.commands.executeCommand('layerwise.registry.logout', registry);
  });
});
