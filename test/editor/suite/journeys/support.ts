// What the journeys share: the engine tier's services, the docker CLI for facts a user would
// check in a terminal, the extension's API, files in the fixture workspace, and a recorder of
// what the editor shows the user (notifications, modal questions, input boxes and quick picks),
// which answers the questions a user would answer.
//
// The recorder wraps `vscode.window` in this extension host: the test bundle and the extension
// share one API object, so every message the extension shows passes through it. Non-modal
// notifications still reach the workbench; questions (modal messages, input boxes, quick picks,
// file dialogs) are answered by the journey's scripted answers — a headless workbench has nobody
// to click — and an unexpected question is answered like Escape and recorded, so a journey can
// assert that it was never asked.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LayerwiseApi } from '../../../../client/src/extension';
import type { ContainerNode, ContainersViewNode, ImageNode, ImagesViewNode, LayerNode } from '../../../../client/src/explorer';
import { waitFor } from '../../../support/waitFor';
import { engineTierState, layerwise, type EngineTierState } from '../helpers';

export { engineTierState, layerwise, type EngineTierState };

/** A unique suffix for names this run creates (images, containers), so runs never collide. */
export const runId = `${process.pid}-${Date.now().toString(36)}`;

export function docker(args: readonly string[], options: { host?: string; timeoutMs?: number } = {}): Promise<string> {
  const env = { ...process.env, DOCKER_BUILDKIT: '1', ...(options.host ? { DOCKER_HOST: options.host } : {}) };
  return new Promise((resolve, reject) => {
    execFile('/usr/bin/docker', [...args], { timeout: options.timeoutMs ?? 120_000, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`docker ${args.join(' ')}: ${stderr || error.message}`)) : resolve(stdout.trim()),
    );
  });
}

/** `docker image inspect`, or undefined when the engine has no such image. */
export async function inspectImage(reference: string): Promise<{ Id: string; RepoTags: string[]; Config: Record<string, unknown>; RootFS: { Layers: string[] }; Size: number } | undefined> {
  try {
    return (JSON.parse(await docker(['image', 'inspect', reference])) as never[])[0];
  } catch {
    return undefined;
  }
}

/** A file of this clone (the extension under development is the clone): the teaching examples, dist/cli.js. */
export function clonePath(...parts: string[]): string {
  const extension = vscode.extensions.getExtension('layerwise.layerwise');
  assert.ok(extension, 'the Layerwise extension is installed');
  return path.join(extension.extensionPath, ...parts);
}

export function workspaceFile(relative: string, content: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The editor tests need a workspace folder (the copy of examples/).');
  const file = path.join(folder.uri.fsPath, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return vscode.Uri.file(file);
}

/** A teaching example from the clone, copied into the workspace under `folder` (other suites edit the fixture copies). */
export function copyExample(example: string, folder: string): vscode.Uri {
  return workspaceFile(`${folder}/${path.basename(example)}`, fs.readFileSync(clonePath('examples', example), 'utf8'));
}

export async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

export { waitFor };

// --- what the language server shows ------------------------------------------------------------

export function lineOf(document: vscode.TextDocument, prefix: string): number {
  const line = document.getText().split(/\r?\n/).findIndex((text) => text.startsWith(prefix));
  assert.ok(line >= 0, `a line starting with ${JSON.stringify(prefix)}`);
  return line;
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

export async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
}

export function labelOf(item: vscode.CompletionItem | vscode.TreeItem): string {
  const label = item.label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

export async function completionsAt(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, undefined, 100);
  return list.items;
}

export function hintLabel(hint: vscode.InlayHint): string {
  return typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');
}

export async function inlayHints(document: vscode.TextDocument): Promise<string[]> {
  const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, new vscode.Range(0, 0, document.lineCount, 0));
  return hints.map((hint) => `${hint.position.line + 1}: ${hintLabel(hint)}`);
}

// --- what the explorer shows -----------------------------------------------------------------

/** The image under `repository:tag` in the Images view (after a refresh), or undefined. */
export async function imageInTree(api: LayerwiseApi, reference: string): Promise<ImageNode | undefined> {
  const colon = reference.lastIndexOf(':');
  const [repository, tag] = colon > reference.lastIndexOf('/') ? [reference.slice(0, colon), reference.slice(colon + 1)] : [reference, 'latest'];
  const roots: ImagesViewNode[] = await api.explorer.imagesChildren();
  const group = roots.find((node) => node.kind === 'repository' && node.label === repository);
  if (!group) return undefined;
  return (await api.explorer.imagesChildren(group)).find((node): node is ImageNode => node.kind === 'image' && node.label === tag);
}

export async function waitForImageInTree(api: LayerwiseApi, reference: string, timeoutMs = 30_000): Promise<ImageNode> {
  return waitFor(`${reference} in the Images view`, async () => {
    await api.explorer.refresh({ images: true, containers: false });
    return imageInTree(api, reference);
  }, timeoutMs);
}

export async function layersInTree(api: LayerwiseApi, image: ImageNode): Promise<LayerNode[]> {
  return (await api.explorer.imagesChildren(image)).filter((node): node is LayerNode => node.kind === 'layer');
}

export async function containersInTree(api: LayerwiseApi): Promise<ContainerNode[]> {
  const roots: ContainersViewNode[] = await api.explorer.containersChildren();
  const nested = await Promise.all(roots.map((node) => (node.kind === 'containerGroup' ? api.explorer.containersChildren(node) : [node])));
  return nested.flat().filter((node): node is ContainerNode => node.kind === 'container');
}

// --- what the editor shows the user ------------------------------------------------------------

export type Shown =
  | { readonly kind: 'information' | 'warning' | 'error'; readonly message: string; readonly modal: boolean; readonly detail?: string; readonly buttons: readonly string[] }
  | { readonly kind: 'inputBox'; readonly title?: string; readonly prompt?: string; readonly password: boolean; readonly answered: boolean }
  | { readonly kind: 'quickPick'; readonly title?: string; readonly placeHolder?: string; readonly items: readonly string[]; readonly answered: boolean }
  | { readonly kind: 'saveDialog' | 'openDialog'; readonly answered: boolean }
  | { readonly kind: 'progress'; readonly title: string; readonly reports: string[]; done: boolean };

type QuestionKind = 'modal' | 'notification' | 'inputBox' | 'quickPick' | 'saveDialog' | 'openDialog';

interface Answer {
  readonly kind: QuestionKind;
  readonly matches: (text: string) => boolean;
  readonly reply: (question: { text: string; items: readonly string[] }) => unknown;
  readonly once: boolean;
}

type Window = typeof vscode.window;
const wrapped = ['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'showInputBox', 'showQuickPick', 'showSaveDialog', 'showOpenDialog', 'withProgress'] as const;

export class UserRecorder implements vscode.Disposable {
  readonly shown: Shown[] = [];
  private readonly answers: Answer[] = [];
  private readonly originals = new Map<string, unknown>();

  constructor() {
    const window = vscode.window as unknown as Record<string, unknown>;
    for (const name of wrapped) this.originals.set(name, window[name]);
    const message = (kind: 'information' | 'warning' | 'error', original: Window['showInformationMessage']) =>
      (text: string, ...rest: unknown[]): Thenable<unknown> => {
        const options = typeof rest[0] === 'object' && rest[0] !== null && !('title' in rest[0]) ? (rest[0] as vscode.MessageOptions) : undefined;
        const items = (options ? rest.slice(1) : rest).map((item) => (typeof item === 'string' ? item : (item as vscode.MessageItem).title));
        this.shown.push({ kind, message: text, modal: Boolean(options?.modal), detail: options?.detail, buttons: items });
        if (options?.modal) {
          const answer = this.take('modal', text);
          const reply = answer?.reply({ text, items });
          const chosen = (options ? rest.slice(1) : rest).find((item) => (typeof item === 'string' ? item : (item as vscode.MessageItem).title) === reply);
          return Promise.resolve(chosen);
        }
        // Notifications reach the workbench as they would; a button is clicked only when a test
        // scripted that (answer('notification', …)), else nobody clicks.
        void (original as (...args: unknown[]) => Thenable<unknown>).call(vscode.window, text, ...rest);
        const click = items.length > 0 ? this.take('notification', text) : undefined;
        const clicked = click?.reply({ text, items });
        return Promise.resolve((options ? rest.slice(1) : rest).find((item) => (typeof item === 'string' ? item : (item as vscode.MessageItem).title) === clicked));
      };
    window.showInformationMessage = message('information', this.original('showInformationMessage'));
    window.showWarningMessage = message('warning', this.original('showWarningMessage'));
    window.showErrorMessage = message('error', this.original('showErrorMessage'));
    window.showInputBox = (options?: vscode.InputBoxOptions): Thenable<string | undefined> => {
      const text = `${options?.title ?? ''}\n${options?.prompt ?? ''}`;
      const answer = this.take('inputBox', text);
      this.shown.push({ kind: 'inputBox', title: options?.title, prompt: options?.prompt, password: Boolean(options?.password), answered: Boolean(answer) });
      return Promise.resolve(answer ? (answer.reply({ text, items: [] }) as string | undefined) : undefined);
    };
    window.showQuickPick = async (itemsOrPromise: unknown, options?: vscode.QuickPickOptions): Promise<unknown> => {
      const items = (await Promise.resolve(itemsOrPromise)) as Array<string | vscode.QuickPickItem>;
      const labels = items.map((item) => (typeof item === 'string' ? item : item.label));
      const text = `${options?.title ?? ''}\n${options?.placeHolder ?? ''}`;
      const answer = this.take('quickPick', text);
      this.shown.push({ kind: 'quickPick', title: options?.title, placeHolder: options?.placeHolder, items: labels, answered: Boolean(answer) });
      if (!answer) return undefined;
      const reply = answer.reply({ text, items: labels });
      const pick = (label: unknown) => items.find((item) => (typeof item === 'string' ? item : item.label) === label);
      return Array.isArray(reply) ? reply.map(pick).filter(Boolean) : pick(reply);
    };
    const dialog = (kind: 'saveDialog' | 'openDialog') => (): Thenable<unknown> => {
      const answer = this.take(kind, '');
      this.shown.push({ kind, answered: Boolean(answer) });
      return Promise.resolve(answer?.reply({ text: '', items: [] }));
    };
    window.showSaveDialog = dialog('saveDialog');
    window.showOpenDialog = dialog('openDialog');
    // Progress notifications run as they would; their title and every message are recorded.
    const withProgress = this.original('withProgress');
    window.withProgress = <R>(options: vscode.ProgressOptions, task: (progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken) => Thenable<R>): Thenable<R> => {
      const entry = { kind: 'progress' as const, title: options.title ?? '', reports: [] as string[], done: false };
      this.shown.push(entry);
      return withProgress.call(vscode.window, options, (progress, token) =>
        Promise.resolve(task({ report: (value) => (value.message && entry.reports.push(value.message), progress.report(value)) }, token)).finally(() => (entry.done = true)),
      ) as Thenable<R>;
    };
  }

  /** Answers the next question of `kind` whose title/prompt/message matches `pattern`. */
  answer(kind: QuestionKind, pattern: RegExp, reply: string | string[] | vscode.Uri | vscode.Uri[] | ((question: { text: string; items: readonly string[] }) => unknown), options: { always?: boolean } = {}): void {
    this.answers.push({ kind, matches: (text) => pattern.test(text), reply: typeof reply === 'function' ? reply : () => reply, once: !options.always });
  }

  /** Messages (notifications and modal questions) shown so far, or since `from`. */
  messages(kind?: 'information' | 'warning' | 'error', from = 0): Array<Extract<Shown, { message: string }>> {
    return this.shown.slice(from).filter((entry): entry is Extract<Shown, { message: string }> => 'message' in entry && (!kind || entry.kind === kind));
  }

  /** Waits for a message matching `pattern` shown at or after index `from`. */
  async waitForMessage(pattern: RegExp, from = 0, timeoutMs = 60_000): Promise<Extract<Shown, { message: string }>> {
    return waitFor(`a message matching ${pattern}`, () => this.messages(undefined, from).find((entry) => pattern.test(entry.message)), timeoutMs).catch((error: Error) => {
      throw new Error(`${error.message}; shown: ${JSON.stringify(this.messages(undefined, from).map((entry) => entry.message))}`);
    });
  }

  /** Questions nobody scripted an answer for (each was answered like Escape). */
  unanswered(): Shown[] {
    return this.shown.filter((entry) => 'answered' in entry && !entry.answered);
  }

  /** Progress notifications whose title matches `pattern`. */
  progress(pattern: RegExp, from = 0): Array<Extract<Shown, { kind: 'progress' }>> {
    return this.shown.slice(from).filter((entry): entry is Extract<Shown, { kind: 'progress' }> => entry.kind === 'progress' && pattern.test(entry.title));
  }

  get mark(): number {
    return this.shown.length;
  }

  private take(kind: QuestionKind, text: string): Answer | undefined {
    const index = this.answers.findIndex((answer) => answer.kind === kind && answer.matches(text));
    if (index < 0) return undefined;
    const answer = this.answers[index]!;
    if (answer.once) this.answers.splice(index, 1);
    return answer;
  }

  private original<K extends (typeof wrapped)[number]>(name: K): Window[K] {
    return this.originals.get(name) as Window[K];
  }

  dispose(): void {
    const window = vscode.window as unknown as Record<string, unknown>;
    for (const [name, original] of this.originals) window[name] = original;
  }
}

/** Presses Cancel on the newest progress notification (the keyboard's "accept primary action"). */
export async function cancelProgressNotification(): Promise<void> {
  await vscode.commands.executeCommand('notification.acceptPrimaryAction');
}

/** The editor's log folder of this run (the server's `logs/<session>`): output channels and extension logs. */
export function editorLogFiles(): string[] {
  // The runner gives the editor a scratch HOME beside its user-data folder (test/editor/codeServer.mjs).
  const logs = path.join(path.dirname(os.homedir()), 'data', 'logs');
  assert.ok(fs.existsSync(logs), `the editor's log folder ${logs}`);
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(full);
    }
  };
  walk(logs);
  return files;
}
