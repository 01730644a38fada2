// Registers the Images and Containers views, their commands, and the API other features and
// the editor-tier tests use: refresh, the layer-children extension point, and the nodes as
// data. The views render; explorerModel.ts decides when to list; shape/ decides what shows.
import * as vscode from 'vscode';
import { describeState, type EngineSession, type EngineState } from '../engine';
import { registerCommand } from '../commands/registerCommand';
import { chooseEngine, type EngineChoice } from '../status/chooseEngine';
import { ContainersTreeProvider } from './containersView';
import { ExplorerModel, type ViewName } from './explorerModel';
import { ImagesTreeProvider, type LayerChildrenProvider, type TreeItemDecorator } from './imagesView';
import { LayerSources } from './layerSources';
import type { RefreshScope } from './refreshScope';
import { registerDimmedDecorations } from './render';
import { containerViewOptions, imageViewOptions, safetyPollMs, updateExplorerSetting } from './settings';
import { hiddenDanglingCount } from './shape/images';
import type { ContainersViewNode, ImageNode, ImagesViewNode, LayerNode, PortNode } from './shape/nodes';

export type { LayerChildrenProvider, TreeItemDecorator } from './imagesView';
export type * from './shape/nodes';

export const IMAGES_VIEW_ID = 'layerwise.images';
export const CONTAINERS_VIEW_ID = 'layerwise.containers';

export interface ExplorerApi {
  readonly session: EngineSession;
  readonly model: ExplorerModel;
  /** Re-lists now (both views by default) and re-renders. */
  refresh(scope?: RefreshScope): Promise<void>;
  /** Adds children under layer nodes (the per-layer file tree). */
  registerLayerChildren(provider: LayerChildrenProvider): vscode.Disposable;
  /** Adjusts rendered items of both views (a layer's source-line command, an image's wasted bytes). */
  registerDecorator(decorator: TreeItemDecorator): vscode.Disposable;
  /** Re-renders both views from what is already listed (no engine call), e.g. after a decorator's data changed. */
  rerender(): void;
  /** The nodes a view shows under `node` (roots when omitted): what the user sees, as data. */
  imagesChildren(node?: ImagesViewNode): Promise<ImagesViewNode[]>;
  containersChildren(node?: ContainersViewNode): Promise<ContainersViewNode[]>;
  /** The tree item VS Code renders for a node (label, description, icon, contextValue). */
  imagesTreeItem(node: ImagesViewNode): vscode.TreeItem;
  containersTreeItem(node: ContainersViewNode): Promise<vscode.TreeItem>;
  /** The text each view shows above its welcome content (the engine error with its fix). */
  viewMessages(): { readonly images?: string; readonly containers?: string };
  /**
   * Shows images in the Images view (their repositories expanded) and selects the first one.
   * `refs` are `repo:tag` or image IDs (full or short); the ones the view does not show (a filter,
   * untagged images hidden, gone) come back in `notShown`.
   */
  revealImages(refs: readonly string[]): Promise<{ readonly revealed: readonly ImageNode[]; readonly notShown: readonly string[] }>;
  /** What is selected in the Images view. */
  imagesSelection(): readonly ImagesViewNode[];
  /** Our build command made `imageId` from `dockerfile`: its layers then open their instructions. */
  rememberDockerfile(imageId: string, dockerfile: vscode.Uri, target?: string): Promise<void>;
}

export function registerExplorer(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, session: EngineSession): ExplorerApi {
  const model = new ExplorerModel(session, { safetyPollMs: safetyPollMs() });
  const decorators = new Set<TreeItemDecorator>();
  const layerSources = new LayerSources(context.workspaceState);
  const images = new ImagesTreeProvider(model, decorators, layerSources);
  const containers = new ContainersTreeProvider(model, decorators);
  const rerender = () => {
    images.fire();
    containers.fire();
  };
  const imagesView = vscode.window.createTreeView<ImagesViewNode>(IMAGES_VIEW_ID, { treeDataProvider: images, canSelectMany: true, showCollapseAll: true });
  const containersView = vscode.window.createTreeView(CONTAINERS_VIEW_ID, { treeDataProvider: containers, canSelectMany: true, showCollapseAll: true });
  context.subscriptions.push(model, images, containers, imagesView, containersView, layerSources, registerDimmedDecorations());

  const views: Record<ViewName, vscode.TreeView<unknown>> = { images: imagesView, containers: containersView };
  for (const [name, view] of Object.entries(views) as Array<[ViewName, vscode.TreeView<unknown>]>) {
    model.setVisible(name, view.visible);
    context.subscriptions.push(view.onDidChangeVisibility((event) => model.setVisible(name, event.visible)));
  }

  const describeViews = () => {
    const state = session.state;
    const imageOptions = imageViewOptions();
    const containerOptions = containerViewOptions();
    const notes: string[] = [];
    if (imageOptions.filter) notes.push(`filter: ${imageOptions.filter}`);
    const hidden = model.images.items ? hiddenDanglingCount(model.images.items, imageOptions) : 0;
    if (hidden > 0) notes.push(`${hidden} untagged hidden`);
    imagesView.description = notes.join(' · ') || undefined;
    containersView.description = containerOptions.filter ? `filter: ${containerOptions.filter}` : undefined;
    // The exact reason goes above the welcome view's buttons.
    const imagesError = model.images.error ?? (state.status === 'error' ? state.error : undefined);
    const containersError = model.containers.error ?? (state.status === 'error' ? state.error : undefined);
    imagesView.message = imagesError && imagesError.kind !== 'cancelled' ? imagesError.message : undefined;
    containersView.message = containersError && containersError.kind !== 'cancelled' ? containersError.message : undefined;
  };

  const setContext = (key: string, value: unknown) => void vscode.commands.executeCommand('setContext', key, value);
  const onState = (state: EngineState) => {
    setContext('layerwise.engine.state', state.status);
    if (state.status === 'error') output.warn(describeState(state));
    if (state.status === 'connected') output.info(`Engine: ${describeState(state)}`);
    describeViews();
  };
  onState(session.state);
  const syncToggles = () => {
    setContext('layerwise.images.showDangling', imageViewOptions().showDangling);
    setContext('layerwise.images.filtered', Boolean(imageViewOptions().filter));
    setContext('layerwise.containers.filtered', Boolean(containerViewOptions().filter));
  };
  syncToggles();

  context.subscriptions.push(
    session.onDidChangeState(onState),
    model.onDidChange((scope) => {
      if (scope.images) images.fire();
      if (scope.containers) containers.fire();
      describeViews();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('layerwise.explorer')) {
        syncToggles();
        images.fire();
        containers.fire();
        describeViews();
      }
    }),
  );

  const refresh = async (scope: RefreshScope = { images: true, containers: true }) => {
    // After an error the connection itself may be what failed: reconnect rather than re-list.
    if (session.state.status === 'error' || session.state.status === 'idle') await session.reconnect().catch(() => undefined);
    await model.refresh(scope);
  };

  registerCommand(context, output, 'layerwise.explorer.refresh', () => refresh());
  registerCommand(context, output, 'layerwise.engine.retry', async () => {
    await session.reconnect().catch(() => undefined);
    await model.refresh();
  });
  registerCommand(context, output, 'layerwise.engine.choose', (choice?: EngineChoice) => chooseEngine(session, choice));
  registerCommand(context, output, 'layerwise.engine.openSettings', () => vscode.commands.executeCommand('workbench.action.openSettings', 'layerwise.engine'));
  registerCommand(context, output, 'layerwise.images.showDangling', () => updateExplorerSetting('images.showDangling', true));
  registerCommand(context, output, 'layerwise.images.hideDangling', () => updateExplorerSetting('images.showDangling', false));
  registerCommand(context, output, 'layerwise.images.filter', () => askFilter('images', imageViewOptions().filter));
  registerCommand(context, output, 'layerwise.images.clearFilter', () => updateExplorerSetting('images.filter', undefined));
  registerCommand(context, output, 'layerwise.containers.filter', () => askFilter('containers', containerViewOptions().filter));
  registerCommand(context, output, 'layerwise.containers.clearFilter', () => updateExplorerSetting('containers.filter', undefined));
  registerCommand(context, output, 'layerwise.images.sortBy', () =>
    pickSetting('images.sortBy', 'Sort Images By', imageViewOptions().sortBy, [
      ['name', 'Name', 'Repository, then tag'],
      ['created', 'Created', 'Newest first'],
      ['size', 'Size', 'Largest first'],
    ]),
  );
  registerCommand(context, output, 'layerwise.images.groupBy', () =>
    pickSetting('images.groupBy', 'Group Images By', imageViewOptions().groupBy, [
      ['repository', 'Repository', 'Tags under their repository'],
      ['none', 'None', 'One flat list of repo:tag'],
    ]),
  );
  registerCommand(context, output, 'layerwise.containers.sortBy', () =>
    pickSetting('containers.sortBy', 'Sort Containers By', containerViewOptions().sortBy, [
      ['created', 'Created', 'Newest first'],
      ['name', 'Name', 'Alphabetical'],
      ['state', 'State', 'Restarting, running, paused, created, exited'],
      ['health', 'Health', 'Unhealthy first, then starting, healthy, no health check'],
    ]),
  );
  registerCommand(context, output, 'layerwise.containers.groupBy', () =>
    pickSetting('containers.groupBy', 'Group Containers By', containerViewOptions().groupBy, [
      ['composeProject', 'Compose Project', 'Containers of a compose project together; others at the top level'],
      ['health', 'Health', 'Unhealthy, starting, healthy, no health check'],
      ['state', 'State', 'Running, paused, exited, …'],
      ['image', 'Image', 'By the image they run'],
      ['none', 'None', 'One flat list'],
    ]),
  );
  registerCommand(context, output, 'layerwise.layer.openDockerfile', async (node?: LayerNode) => {
    const source = node?.source;
    if (!source) throw new Error('Click a layer of an image built from a workspace Dockerfile in the Images view to open the instruction that made it.');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(source.uri));
    const selection = new vscode.Range(source.startLine, source.startCharacter, source.endLine, source.endCharacter);
    await vscode.window.showTextDocument(document, { selection, preview: true });
  });

  const revealImages = async (refs: readonly string[]) => {
    // A hidden view re-lists when it shows, and a reveal made during that is undone: show it first.
    if (!imagesView.visible) await showView(imagesView, IMAGES_VIEW_ID);
    await refresh({ images: true, containers: false });
    for (let attempt = 1; ; attempt++) {
      // A refresh still pending (engine events of the operation that made the images) would
      // rebuild the nodes under the reveal. Bounded: an engine busy with other work can keep the
      // model from ever being idle, and a retry below covers a refresh that lands anyway.
      await settled(model.whenIdle(), idleWaitMs);
      await images.whenListed();
      const found = await findShownImages(refs);
      try {
        // A reveal selects one item (VS Code's API has no multi-selection): show them all, then
        // select the first.
        for (const node of found.revealed.slice(1)) await imagesView.reveal(node, { select: false, focus: false });
        if (found.revealed[0]) await imagesView.reveal(found.revealed[0], { select: true, focus: true });
        return found;
      } catch (error) {
        // The nodes were replaced while VS Code resolved them: list again and reveal the new ones.
        if (attempt >= 3) throw error;
        output.debug(`Reveal of ${refs.join(', ')} raced a refresh (${error instanceof Error ? error.message : String(error)}); trying again.`);
      }
    }
  };

  const findShownImages = async (refs: readonly string[]) => {
    const roots = await images.getChildren();
    const shown = roots.flatMap((node): ImageNode[] => (node.kind === 'image' ? [node] : node.kind === 'repository' || node.kind === 'danglingGroup' ? [...node.children] : []));
    const revealed: ImageNode[] = [];
    const notShown: string[] = [];
    for (const ref of refs) {
      const id = ref.startsWith('sha256:') ? ref : `sha256:${ref}`;
      const node = shown.find((candidate) => candidate.ref === ref) ?? shown.find((candidate) => /^(sha256:)?[0-9a-f]{12,64}$/.test(ref) && candidate.image.id.startsWith(id));
      if (node && !revealed.includes(node)) revealed.push(node);
      if (!node) notShown.push(ref);
    }
    return { revealed, notShown };
  };

  registerCommand(context, output, 'layerwise.container.openPort', async (node?: PortNode) => {
    if (!node?.url) throw new Error('Choose a published port in the Containers view.');
    await vscode.env.openExternal(vscode.Uri.parse(node.url));
  });

  return {
    session,
    model,
    refresh,
    registerLayerChildren: (provider) => images.registerLayerChildren(provider),
    registerDecorator: (decorator) => {
      decorators.add(decorator);
      rerender();
      return new vscode.Disposable(() => {
        decorators.delete(decorator);
        rerender();
      });
    },
    rerender,
    imagesChildren: (node) => images.getChildren(node),
    containersChildren: (node) => containers.getChildren(node),
    imagesTreeItem: (node) => images.getTreeItem(node),
    viewMessages: () => ({ images: imagesView.message, containers: containersView.message }),
    revealImages,
    imagesSelection: () => imagesView.selection,
    rememberDockerfile: (imageId, dockerfile, target) => layerSources.remember(imageId, dockerfile, target),
    containersTreeItem: async (node) => {
      const item = containers.getTreeItem(node);
      const source = new vscode.CancellationTokenSource();
      try {
        return await containers.resolveTreeItem(item, node, source.token);
      } finally {
        source.dispose();
      }
    },
  };
}

/** How long a view may take to show after its focus command. */
const showViewTimeoutMs = 5_000;
/** The longest a reveal waits for pending refreshes (the debounce is 500 ms; a listing takes well under a second). */
const idleWaitMs = 5_000;

async function showView(view: vscode.TreeView<unknown>, id: string): Promise<void> {
  let subscription: vscode.Disposable | undefined;
  let timer: NodeJS.Timeout | undefined;
  const shown = new Promise<void>((resolve) => {
    subscription = view.onDidChangeVisibility((event) => event.visible && resolve());
    timer = setTimeout(resolve, showViewTimeoutMs);
  });
  try {
    await vscode.commands.executeCommand(`${id}.focus`);
    await shown;
  } finally {
    subscription?.dispose();
    clearTimeout(timer);
  }
}

/** Resolves when `work` does or after `ms`, whichever comes first. */
async function settled(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work.catch(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

async function askFilter(view: 'images' | 'containers', current: string): Promise<void> {
  const value = await vscode.window.showInputBox({
    title: view === 'images' ? 'Layerwise: Filter Images' : 'Layerwise: Filter Containers',
    prompt: view === 'images' ? 'Show images whose reference or id contains this text (empty: all)' : 'Show containers whose name, image, id, project or status contains this text (empty: all)',
    value: current,
  });
  if (value === undefined) return;
  await updateExplorerSetting(`${view}.filter`, value.trim() || undefined);
}

async function pickSetting(section: string, title: string, current: string, options: Array<[string, string, string]>): Promise<void> {
  const picked = await vscode.window.showQuickPick(
    options.map(([value, label, detail]) => ({ label: `${value === current ? '$(check) ' : ''}${label}`, description: detail, value })),
    { title: `Layerwise: ${title}` },
  );
  if (picked) await updateExplorerSetting(section, picked.value);
}
