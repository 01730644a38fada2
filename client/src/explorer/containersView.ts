// The Containers view: compose projects (or state / health / image groups) → containers → ports.
// The tooltip's health log comes from one inspect, only when the user hovers a container.
import * as vscode from 'vscode';
import type { ExplorerModel } from './explorerModel';
import type { TreeItemDecorator } from './imagesView';
import { markdown, renderNode, resolveTooltip } from './render';
import { containerViewOptions } from './settings';
import { containerChildren, containerDetailsTooltip, shapeContainers } from './shape/containers';
import type { ContainersViewNode } from './shape/nodes';

export class ContainersTreeProvider implements vscode.TreeDataProvider<ContainersViewNode> {
  private readonly changed = new vscode.EventEmitter<ContainersViewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly model: ExplorerModel,
    private readonly decorators: ReadonlySet<TreeItemDecorator>,
  ) {}

  fire(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: ContainersViewNode): vscode.TreeItem {
    const item = renderNode(node);
    for (const decorate of this.decorators) decorate(node, item);
    return item;
  }

  async getChildren(node?: ContainersViewNode): Promise<ContainersViewNode[]> {
    if (!node) {
      if (this.model.containers.items === undefined && !this.model.containers.error) await this.model.refresh({ images: false, containers: true });
      const items = this.model.containers.items;
      return items ? shapeContainers(items, containerViewOptions(), Math.floor(Date.now() / 1000)) : [];
    }
    if (node.kind === 'containerGroup') return [...node.children];
    if (node.kind === 'container') return containerChildren(node.container);
    return [];
  }

  async resolveTreeItem(item: vscode.TreeItem, node: ContainersViewNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (node.kind !== 'container') return resolveTooltip(item, node);
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      const details = await this.model.containerDetails(node.container.id, controller.signal);
      item.tooltip = markdown(containerDetailsTooltip(node.container, details, Math.floor(Date.now() / 1000)));
    } catch {
      resolveTooltip(item, node);
      // The list tooltip stays; the container may have gone meanwhile (a refresh follows its event).
    } finally {
      subscription.dispose();
    }
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
