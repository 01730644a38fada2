// What the image and container commands share: the engine connection (through the session the
// explorer uses, so failures show in the views too), the operations log, explorer refresh, and
// turning tree selections or palette picks into image references and container IDs.
import * as vscode from 'vscode';
import type { EngineConnection, EngineSession } from '../engine';
import type { ExplorerApi } from '../explorer';
import type { ReadonlyDocuments } from '../ui/readonlyDocuments';

export interface OperationContext {
  readonly extension: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  /** Step output of builds, pushes and loads, as the engine printed it. */
  readonly operationsOutput: vscode.OutputChannel;
  readonly session: EngineSession;
  readonly explorer?: ExplorerApi;
  readonly documents: ReadonlyDocuments;
}

/** The shared connection; a connection failure also puts the views in their error state. */
export async function engineFor(context: OperationContext): Promise<EngineConnection> {
  try {
    return await context.session.connection();
  } catch (error) {
    context.session.reportFailure(error);
    throw error;
  }
}

/** Runs engine work, reporting connection failures to the session (the views show them). */
export function engineWork<T>(context: OperationContext, work: (engine: EngineConnection) => Promise<T>): Promise<T> {
  return context.session.use(work);
}

export function refreshExplorer(context: OperationContext): void {
  void context.explorer?.refresh().catch(() => undefined);
}

interface ImageLike {
  readonly kind: 'image';
  readonly ref: string;
}
interface ContainerLike {
  readonly kind: 'container';
  readonly container: { readonly id: string; readonly name: string; readonly state: string };
}

export function isImageNode(value: unknown): value is ImageLike {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'image' && typeof (value as { ref?: unknown }).ref === 'string';
}
function isContainerNode(value: unknown): value is ContainerLike {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'container' && typeof (value as { container?: { id?: unknown } }).container?.id === 'string';
}

/**
 * Image references from a command's arguments: a tree node and the multi-selection (VS Code
 * passes `(clicked, selected[])`), a reference string, or an array of strings.
 */
export function imageRefsFromArgs(args: readonly unknown[]): string[] {
  const [first, second] = args;
  if (Array.isArray(second) && second.some(isImageNode)) return second.filter(isImageNode).map((node) => node.ref);
  if (isImageNode(first)) return [first.ref];
  if (typeof first === 'string' && first.trim()) return [first.trim()];
  if (Array.isArray(first)) return first.filter((value): value is string => typeof value === 'string');
  return [];
}

export function containerIdsFromArgs(args: readonly unknown[]): Array<{ id: string; name: string; state?: string }> {
  const [first, second] = args;
  const fromNode = (node: ContainerLike) => ({ id: node.container.id, name: node.container.name, state: node.container.state });
  if (Array.isArray(second) && second.some(isContainerNode)) return second.filter(isContainerNode).map(fromNode);
  if (isContainerNode(first)) return [fromNode(first)];
  if (typeof first === 'string' && first.trim()) return [{ id: first.trim(), name: first.trim() }];
  return [];
}

/** Lets the user pick images from the engine when a command runs from the palette. */
export async function pickImages(context: OperationContext, placeHolder: string, canPickMany: boolean): Promise<string[]> {
  const images = await engineWork(context, (engine) => engine.listImages());
  const items: Array<vscode.QuickPickItem & { ref: string }> = [];
  for (const image of images) {
    const tags = image.repoTags.filter((tag) => tag !== '<none>:<none>');
    if (tags.length === 0) items.push({ label: image.id.replace(/^sha256:/, '').slice(0, 12), description: 'untagged', ref: image.id });
    for (const tag of tags) items.push({ label: tag, description: image.id.replace(/^sha256:/, '').slice(0, 12), ref: tag });
  }
  items.sort((a, b) => a.label.localeCompare(b.label));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(`There are no images on ${(await engineFor(context)).endpoint.label}.`);
    return [];
  }
  if (canPickMany) {
    const picked = await vscode.window.showQuickPick(items, { placeHolder, canPickMany: true, matchOnDescription: true });
    return (picked ?? []).map((item) => item.ref);
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true });
  return picked ? [picked.ref] : [];
}

export async function pickContainers(context: OperationContext, placeHolder: string, canPickMany: boolean, include: (state: string) => boolean = () => true): Promise<Array<{ id: string; name: string; state?: string }>> {
  const containers = (await engineWork(context, (engine) => engine.listContainers())).filter((container) => include(container.state));
  if (containers.length === 0) {
    void vscode.window.showInformationMessage('There is no container to choose from.');
    return [];
  }
  const items = containers.map((container) => ({ label: container.name, description: `${container.image} · ${container.status}`, id: container.id, state: container.state }));
  const picked = canPickMany
    ? await vscode.window.showQuickPick(items, { placeHolder, canPickMany: true, matchOnDescription: true })
    : await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true }).then((item) => (item ? [item] : undefined));
  return (picked ?? []).map((item) => ({ id: item.id, name: item.label, state: item.state }));
}

/** What a caller (another extension, a script, a test) passes to a destructive command it already confirmed. */
export interface ConfirmOptions {
  /** Skip the "Remove …?" question: the caller asked the user (or needs no one to). */
  readonly confirmed?: boolean;
}

/** The options object among a command's arguments (tree nodes have a `kind`, selections are arrays). */
export function confirmOptionsFromArgs(args: readonly unknown[]): ConfirmOptions {
  const found = args.find((arg) => typeof arg === 'object' && arg !== null && !Array.isArray(arg) && !('kind' in arg) && !(arg instanceof vscode.Uri));
  return (found as ConfirmOptions | undefined) ?? {};
}

/** A modal yes/no for destructive actions; true only when the user chose `confirm`. */
export async function confirmDestructive(message: string, confirm: string, detail?: string): Promise<boolean> {
  const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, confirm);
  return choice === confirm;
}
