// The Images view: repositories → tags → layers (→ whatever a layer-children provider adds).
import * as vscode from 'vscode';
import type { ExplorerModel } from './explorerModel';
import { renderNode, resolveTooltip } from './render';
import { imageViewOptions } from './settings';
import { shapeImages } from './shape/images';
import type { LayerSources } from './layerSources';
import { shapeLayers, withSource } from './shape/layers';
import { messageNode, type ContainersViewNode, type ContributedNode, type ImageNode, type ImagesViewNode, type LayerNode } from './shape/nodes';

/** Adds children under layer nodes (e.g. the files a layer added, changed and deleted). */
export interface LayerChildrenProvider {
  /** Whether `layer` gets an expand arrow (called while rendering: no I/O). */
  hasChildren(layer: LayerNode): boolean;
  provideChildren(layer: LayerNode, token: vscode.CancellationToken): Promise<readonly ContributedNode[]>;
  /** Text appended to an image's or a layer's description (e.g. wasted bytes; no I/O). */
  describe?(node: ImageNode | LayerNode): string | undefined;
  /** Fires when what the provider shows changed (the view re-renders). */
  readonly onDidChange?: vscode.Event<void>;
}

/**
 * Adjusts a rendered item: e.g. a layer's command opening the Dockerfile line that made it, or
 * an image's wasted bytes in its description. Runs while rendering: no I/O.
 */
export type TreeItemDecorator = (node: ImagesViewNode | ContainersViewNode, item: vscode.TreeItem) => void;

export class ImagesTreeProvider implements vscode.TreeDataProvider<ImagesViewNode> {
  private readonly changed = new vscode.EventEmitter<ImagesViewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly layerProviders = new Set<LayerChildrenProvider>();
  /** Node id → the node it was listed under (undefined for roots): what reveal walks up. */
  private readonly parents = new Map<string, ImagesViewNode | undefined>();
  private readonly listings = new Set<Promise<unknown>>();

  constructor(
    private readonly model: ExplorerModel,
    private readonly decorators: ReadonlySet<TreeItemDecorator>,
    private readonly layerSources?: LayerSources,
  ) {}

  /** Re-renders from the model (after a refresh or a settings change). */
  fire(node?: ImagesViewNode): void {
    this.changed.fire(node);
  }

  registerLayerChildren(provider: LayerChildrenProvider): vscode.Disposable {
    this.layerProviders.add(provider);
    const changes = provider.onDidChange?.(() => this.fire());
    this.fire();
    return new vscode.Disposable(() => {
      changes?.dispose();
      this.layerProviders.delete(provider);
      this.fire();
    });
  }

  getTreeItem(node: ImagesViewNode): vscode.TreeItem {
    const item =
      node.kind === 'layer' && [...this.layerProviders].some((provider) => provider.hasChildren(node)) ? renderNode(node, 'collapsed') : renderNode(node);
    if (node.kind === 'layer' || node.kind === 'image') {
      const extra = [...this.layerProviders].map((provider) => provider.describe?.(node)).filter((text): text is string => !!text);
      if (extra.length > 0) item.description = [item.description, ...extra].filter(Boolean).join(' · ');
    }
    for (const decorate of this.decorators) decorate(node, item);
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, node: ImagesViewNode): vscode.TreeItem {
    return resolveTooltip(item, node);
  }

  getParent(node: ImagesViewNode): ImagesViewNode | undefined {
    return this.parents.get(node.id);
  }

  /**
   * Resolves when no listing the view asked for is running. A view made visible re-lists what
   * changed while it was hidden, and a selection made before that ends is dropped.
   */
  async whenListed(): Promise<void> {
    while (this.listings.size > 0) await Promise.allSettled([...this.listings]);
  }

  getChildren(node?: ImagesViewNode): Promise<ImagesViewNode[]> {
    const listing = this.childrenOf(node);
    this.listings.add(listing);
    void listing.finally(() => this.listings.delete(listing)).catch(() => undefined);
    return listing;
  }

  private async childrenOf(node: ImagesViewNode | undefined): Promise<ImagesViewNode[]> {
    const children = await this.listChildren(node);
    if (!node) this.parents.clear();
    for (const child of children) {
      this.parents.set(child.id, node);
      // Images under a group are known with the group: reveal may ask for their parent before
      // the group was ever expanded.
      if (child.kind === 'repository' || child.kind === 'danglingGroup') for (const image of child.children) this.parents.set(image.id, child);
    }
    return children;
  }

  private async listChildren(node: ImagesViewNode | undefined): Promise<ImagesViewNode[]> {
    const now = Math.floor(Date.now() / 1000);
    if (!node) {
      if (this.model.images.items === undefined && !this.model.images.error) await this.model.refresh({ images: true, containers: false });
      const items = this.model.images.items;
      // No items because of an error: an empty tree lets the welcome view show the reason and the fixes.
      return items ? shapeImages(items, imageViewOptions(), now) : [];
    }
    switch (node.kind) {
      case 'repository':
      case 'danglingGroup':
        return [...node.children];
      case 'image':
        try {
          const history = await this.model.history(node.image.id);
          const layers = shapeLayers(history, node.image.id, node.ref, now);
          // A failure to read a Dockerfile only costs the links, never the layers.
          const sources = (await this.layerSources?.sourcesFor(node.image, history).catch(() => undefined)) ?? new Map();
          return layers.map((layer) => {
            const source = sources.get(layer.index);
            return source ? withSource(layer, source) : layer;
          });
        } catch (error) {
          return [
            messageNode(`${node.id}:error`, 'Cannot read the layers', {
              description: error instanceof Error ? error.message : String(error),
              tooltip: error instanceof Error ? error.message : String(error),
              icon: { id: 'warning', color: 'problemsWarningIcon.foreground' },
              command: { id: 'layerwise.explorer.refresh', title: 'Refresh' },
            }),
          ];
        }
      case 'layer': {
        const source = new vscode.CancellationTokenSource();
        try {
          const lists = await Promise.all([...this.layerProviders].filter((provider) => provider.hasChildren(node)).map((provider) => provider.provideChildren(node, source.token)));
          return lists.flat();
        } finally {
          source.dispose();
        }
      }
      case 'contributed':
        return node.loadChildren ? ([...(await node.loadChildren())] as ImagesViewNode[]) : [];
      default:
        return [];
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
