// The explorer's layer nodes expand into the files the layer added, changed and deleted, one
// folder at a time, with sizes; layers and images show their wasted bytes in the description.
// Plugs into the explorer through its LayerChildrenProvider hook.
import * as vscode from 'vscode';
import type { ContributedNode, ExplorerNode, ImageNode, LayerChildrenProvider, LayerNode } from '../explorer';
import type { LayerFileEntry } from '../../../server/src/protocol';
import type { ChangeKind } from '../../../server/src/layers/model';
import { formatBytes } from '../../../server/src/layers/byteSize';
import type { LayersClient } from './layersClient';

export const allChangeKinds: readonly ChangeKind[] = ['added', 'modified', 'deleted'];

const changeIcons: Record<ChangeKind, { id: string; color: string }> = {
  added: { id: 'diff-added', color: 'gitDecoration.addedResourceForeground' },
  modified: { id: 'diff-modified', color: 'gitDecoration.modifiedResourceForeground' },
  deleted: { id: 'diff-removed', color: 'gitDecoration.deletedResourceForeground' },
};

export class LayerFileTree implements LayerChildrenProvider {
  private kinds: readonly ChangeKind[] = allChangeKinds;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly layers: LayersClient) {
    layers.onDidChange(() => this.changed.fire());
  }

  get filter(): readonly ChangeKind[] {
    return this.kinds;
  }

  setFilter(kinds: readonly ChangeKind[]): void {
    this.kinds = kinds.length > 0 ? kinds : allChangeKinds;
    this.changed.fire();
  }

  hasChildren(layer: LayerNode): boolean {
    // The history calls every 0-byte step empty; the analysis knows which of them hold a layer
    // (a RUN rm is one: its whiteouts delete files), and those expand to what they changed.
    return !layer.empty || this.layerOf(layer) !== undefined;
  }

  describe(node: ImageNode | LayerNode): string | undefined {
    if (node.kind === 'image') {
      const summary = this.layers.summary(node.image.id);
      return summary && summary.wastedBytes > 0 ? `${formatBytes(summary.wastedBytes)} wasted` : undefined;
    }
    const layer = this.layerOf(node);
    if (!layer) return undefined;
    const parts: string[] = [];
    if (layer.wastedBytes > 0) parts.push(`${formatBytes(layer.wastedBytes)} wasted`);
    if (layer.hiddenBytes > 0) parts.push(`hides ${formatBytes(layer.hiddenBytes)}`);
    return parts.join(' · ') || undefined;
  }

  async provideChildren(layer: LayerNode, token: vscode.CancellationToken): Promise<readonly ContributedNode[]> {
    let summary = this.layers.summary(layer.imageId);
    if (!summary) {
      summary = await this.layers.analyse({ image: layer.imageId }, `Analysing the layers of ${layer.imageRef}`);
      if (!summary) return [message(layer, 'Analysis cancelled', 'Expand the layer again to analyse it.')];
    }
    const layerIndex = summary.history[layer.index]?.layerIndex;
    if (layerIndex === undefined) return [message(layer, 'No files changed', 'This step made no filesystem layer.')];
    return this.folder(layer, layerIndex, '', token);
  }

  private async folder(layer: LayerNode, layerIndex: number, directory: string, token: vscode.CancellationToken): Promise<ContributedNode[]> {
    const entries = await this.layers.layerFiles(layer.imageId, { imageId: layer.imageId, layerIndex, directory, kinds: this.kinds }, token);
    if (entries.length === 0 && directory === '') {
      const filtered = this.kinds.length < allChangeKinds.length;
      return [message(layer, filtered ? 'No files of the kinds shown' : 'No files changed', filtered ? `Showing ${this.kinds.join(', ')} files only.` : '')];
    }
    return entries.map((entry) => this.node(layer, layerIndex, entry));
  }

  private node(layer: LayerNode, layerIndex: number, entry: LayerFileEntry): ContributedNode {
    const description = entry.hasChildren && entry.below
      ? [entry.below.added && `+${entry.below.added}`, entry.below.modified && `~${entry.below.modified}`, entry.below.deleted && `−${entry.below.deleted}`, formatBytes(entry.below.bytes)]
          .filter(Boolean)
          .join(' ')
      : `${entry.change ?? ''}${entry.link !== undefined ? ` → ${entry.link}` : ''} · ${formatBytes(entry.sizeBytes)}`;
    const icon = entry.hasChildren ? { id: 'folder' } : entry.change ? changeIcons[entry.change] : { id: 'file' };
    return {
      kind: 'contributed',
      id: `layer-file:${layer.imageId}:${layerIndex}:${entry.path}`,
      label: entry.name,
      description,
      tooltip: `\`/${entry.path}\`  \n${entry.change ? `${entry.change} in this layer` : 'folder'}${entry.link !== undefined ? `, link to \`${entry.link}\`` : ''} · ${formatBytes(entry.sizeBytes)}`,
      contextValue: entry.hasChildren ? 'layer.folder' : 'layer.file',
      icon,
      collapsible: entry.hasChildren ? 'collapsed' : 'none',
      data: { imageId: layer.imageId, layerIndex, path: entry.path, change: entry.change },
      ...(entry.hasChildren
        ? {
            loadChildren: async (): Promise<readonly ExplorerNode[]> => {
              const source = new vscode.CancellationTokenSource();
              try {
                return await this.folder(layer, layerIndex, entry.path, source.token);
              } finally {
                source.dispose();
              }
            },
          }
        : {}),
    };
  }

  private layerOf(node: LayerNode) {
    const summary = this.layers.summary(node.imageId);
    const layerIndex = summary?.history[node.index]?.layerIndex;
    return layerIndex === undefined ? undefined : summary?.layers[layerIndex];
  }
}

function message(layer: LayerNode, label: string, detail: string): ContributedNode {
  return {
    kind: 'contributed',
    id: `layer-file:${layer.imageId}:${layer.index}:message`,
    label,
    ...(detail ? { description: detail } : {}),
    contextValue: 'message',
    icon: { id: 'info' },
    collapsible: 'none',
  };
}
