// Explorer nodes → VS Code tree items. Rendering only: every decision about labels, order and
// grouping was made by the shaping functions in shape/.
import * as vscode from 'vscode';
import type { ExplorerNode, NodeIcon } from './shape/nodes';

/** Scheme of the resourceUri that lets the decoration provider dim a node's label. */
export const DIMMED_SCHEME = 'layerwise-dimmed';

const COLLAPSIBLE: Record<ExplorerNode['collapsible'], vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

export function themeIcon(icon: NodeIcon | undefined): vscode.ThemeIcon | undefined {
  if (!icon) return undefined;
  return new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
}

export function markdown(text: string | undefined): vscode.MarkdownString | undefined {
  if (!text) return undefined;
  const value = new vscode.MarkdownString(text);
  value.supportThemeIcons = true;
  return value;
}

export function renderNode(node: ExplorerNode, collapsibleOverride?: ExplorerNode['collapsible']): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, COLLAPSIBLE[collapsibleOverride ?? node.collapsible]);
  item.id = node.id;
  item.description = node.description;
  // Function tooltips are filled in by the provider's resolveTreeItem, on hover.
  if (typeof node.tooltip === 'string') item.tooltip = markdown(node.tooltip);
  item.contextValue = node.contextValue;
  item.iconPath = themeIcon(node.icon);
  if (node.dimmed) item.resourceUri = vscode.Uri.from({ scheme: DIMMED_SCHEME, path: `/${encodeURIComponent(node.id)}` });
  if (node.kind === 'layer' && node.source) {
    item.command = { command: 'layerwise.layer.openDockerfile', title: 'Open the Dockerfile Instruction', arguments: [node] };
  } else if (node.kind === 'port') {
    item.command = { command: 'layerwise.container.openPort', title: 'Open in Browser', arguments: [node] };
  } else if ((node.kind === 'message' || node.kind === 'contributed') && node.command) {
    item.command = { command: node.command.id, title: node.command.title, arguments: node.command.arguments ? [...node.command.arguments] : undefined };
  }
  if (node.kind === 'contributed' && node.resourcePath && !node.dimmed) item.resourceUri = vscode.Uri.file(node.resourcePath);
  return item;
}

/** For resolveTreeItem: the node's deferred tooltip, if it has one and the item none yet. */
export function resolveTooltip(item: vscode.TreeItem, node: ExplorerNode): vscode.TreeItem {
  if (item.tooltip === undefined && typeof node.tooltip === 'function') item.tooltip = markdown(node.tooltip());
  return item;
}

/** Dims the labels of nodes rendered with the DIMMED_SCHEME resourceUri (empty layers). */
export function registerDimmedDecorations(): vscode.Disposable {
  return vscode.window.registerFileDecorationProvider({
    provideFileDecoration(uri) {
      return uri.scheme === DIMMED_SCHEME ? { color: new vscode.ThemeColor('disabledForeground') } : undefined;
    },
  });
}
