// Helpers for editor-tier tests: the extension's API, the fixture workspace and the engine
// tier's services, and waiting on conditions with a deadline (never a fixed sleep).
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LayerwiseApi } from '../../../client/src/extension';
import type { ImageNode, ImagesViewNode } from '../../../client/src/explorer';
import { waitFor } from '../../support/waitFor';

/** Runs Format Document as the editor does (waiting for the server's edits) and applies its edits. */
export async function formatDocument(document: vscode.TextDocument): Promise<void> {
  const edits = await waitFor('formatting edits', async () => {
    const found = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, { tabSize: 4, insertSpaces: true });
    return found && found.length > 0 ? found : undefined;
  });
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, edits);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('the formatting edits were not applied');
}

export async function openFixture(relativePath: string): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The editor tests need a workspace folder (the copy of examples/).');
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, relativePath));
  await vscode.window.showTextDocument(document);
  return document;
}

export { waitFor };

/** The extension's API, as other extensions get it. */
export async function layerwise(): Promise<LayerwiseApi> {
  const extension = vscode.extensions.getExtension<LayerwiseApi>('layerwise.layerwise');
  if (!extension) throw new Error('The Layerwise extension is not installed in this editor.');
  return extension.activate();
}

/** The docker CLI (20.10, which builds without buildx) against the engine tier's dockerd. */
export function docker(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('/usr/bin/docker', args, { timeout: 60_000 }, (error, stdout, stderr) => (error ? reject(new Error(`docker ${args.join(' ')}: ${stderr || error.message}`)) : resolve(stdout.trim())));
  });
}

/** Writes a file into the fixture workspace (a fresh copy of examples/ per run). */
export function writeWorkspaceFile(relative: string, content: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The editor tests need a workspace folder.');
  const file = path.join(folder.uri.fsPath, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return vscode.Uri.file(file);
}

export interface EngineTierState {
  readonly baseImage: string;
  readonly registry: { readonly address: string; readonly username: string; readonly password: string };
  readonly tls: { readonly host: string; readonly certPath: string; readonly wrongCaCertPath: string; readonly unixHost: string };
  readonly podman: { readonly host: string; readonly baseImage: string };
}

/** What test/engine/up.sh started (the editor tier runs it first). */
export function engineTierState(): EngineTierState {
  // The editor runs with a scratch HOME: look in the real user's home too.
  const candidates = [process.env.LAYERWISE_TEST_STATE, path.join(os.homedir(), '.cache', 'layerwise-test'), path.join(os.userInfo().homedir, '.cache', 'layerwise-test')].filter((dir): dir is string => Boolean(dir));
  const file = candidates.map((dir) => path.join(dir, 'state.json')).find((candidate) => fs.existsSync(candidate));
  if (!file) throw new Error(`state.json of the engine tier is missing (looked in ${candidates.join(', ')}): the editor tier runs test/engine/up.sh first.`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as EngineTierState;
}

/** Every image node of the Images view (inside repositories and the untagged group too). */
export async function imageNodes(api: LayerwiseApi): Promise<ImageNode[]> {
  const roots: ImagesViewNode[] = await api.explorer.imagesChildren();
  const nested = await Promise.all(roots.map((node) => (node.kind === 'repository' || node.kind === 'danglingGroup' ? api.explorer.imagesChildren(node) : [node])));
  return nested.flat().filter((node): node is ImageNode => node.kind === 'image');
}
