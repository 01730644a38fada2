// The explorer's nodes as plain data: the shaping functions build them, the tree providers only
// render them. contextValues are the contract for menus (other engineers' commands use them):
//   image.repository   a repository group              image.tag       an image under one tag
//   image.dangling     an untagged image                image.danglingGroup  the untagged group
//   layer / layer.empty  a history entry (empty = metadata-only, no filesystem change)
//   container.running / container.paused / container.restarting / container.stopped
//   container.group    a compose project, state or health group   container.port  a published port
//   message            an inline error or hint (with an optional fix command)
import type { ContainerSummary, HistoryEntry, ImageSummary } from '../../engine';
import type { InstructionLocation } from './layerSources';

export interface NodeIcon {
  /** A codicon id, e.g. `vm-running`. */
  readonly id: string;
  /** A theme color id, e.g. `charts.green`. */
  readonly color?: string;
}

export interface NodeBase {
  /** Stable across refreshes: VS Code keeps expansion and selection by it. */
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  /**
   * Markdown. A function for nodes that come by the thousand: built only when the user hovers
   * (eager tooltips made shaping 2,000 tags quadratic in tags per image).
   */
  readonly tooltip?: string | (() => string);
  readonly contextValue: string;
  readonly icon?: NodeIcon;
  readonly collapsible: 'none' | 'collapsed' | 'expanded';
  /** Rendered dimmed (empty layers). */
  readonly dimmed?: boolean;
}

export interface RepositoryNode extends NodeBase {
  readonly kind: 'repository';
  readonly repository: string;
  readonly children: readonly ImageNode[];
}

export interface ImageNode extends NodeBase {
  readonly kind: 'image';
  readonly image: ImageSummary;
  /** What commands act on: `repo:tag`, or the image id for an untagged image. */
  readonly ref: string;
}

export interface DanglingGroupNode extends NodeBase {
  readonly kind: 'danglingGroup';
  readonly children: readonly ImageNode[];
}

export interface LayerNode extends NodeBase {
  readonly kind: 'layer';
  readonly imageId: string;
  readonly imageRef: string;
  /** 0 = the oldest (base) entry, in build order. */
  readonly index: number;
  readonly entry: HistoryEntry;
  /** The Dockerfile-style instruction, e.g. `RUN apk add curl`. */
  readonly instruction: string;
  readonly empty: boolean;
  /** The workspace Dockerfile instruction that made it, when the image is known to come from one. */
  readonly source?: LayerSource;
}

/** A layer's instruction in a workspace Dockerfile (opened when the layer is clicked). */
export interface LayerSource extends InstructionLocation {
  /** The Dockerfile's URI, as a string: nodes are plain data. */
  readonly uri: string;
  /** The Dockerfile as the user knows it, e.g. `app/Dockerfile`. */
  readonly path: string;
  /** How the image is known to come from the file. */
  readonly how: 'build' | 'label' | 'history';
}

export interface ContainerGroupNode extends NodeBase {
  readonly kind: 'containerGroup';
  readonly children: readonly ContainerNode[];
}

export interface ContainerNode extends NodeBase {
  readonly kind: 'container';
  readonly container: ContainerSummary;
}

export interface PortNode extends NodeBase {
  readonly kind: 'port';
  readonly containerId: string;
  /** http://host:port to open. */
  readonly url: string;
}

export interface MessageNode extends NodeBase {
  readonly kind: 'message';
  /** A command to offer, e.g. retry. */
  readonly command?: { readonly id: string; readonly title: string; readonly arguments?: readonly unknown[] };
}

/** Children added by other features (e.g. the per-layer file tree); rendered as they come. */
export interface ContributedNode extends NodeBase {
  readonly kind: 'contributed';
  /** Anything the contributor needs to expand it later. */
  readonly data?: unknown;
  /** Opened on click, e.g. a diff. */
  readonly command?: { readonly id: string; readonly title: string; readonly arguments?: readonly unknown[] };
  /** Lazily loaded children of a contributed node (file-tree folders). */
  readonly loadChildren?: () => Promise<readonly ExplorerNode[]>;
  /** Optional resource for file icons and decorations. */
  readonly resourcePath?: string;
}

export type ImagesViewNode = RepositoryNode | ImageNode | DanglingGroupNode | LayerNode | MessageNode | ContributedNode;
export type ContainersViewNode = ContainerGroupNode | ContainerNode | PortNode | MessageNode;
export type ExplorerNode = ImagesViewNode | ContainersViewNode;

export function tooltipText(node: NodeBase): string | undefined {
  return typeof node.tooltip === 'function' ? node.tooltip() : node.tooltip;
}

export function messageNode(id: string, label: string, options: { description?: string; tooltip?: string; icon?: NodeIcon; command?: MessageNode['command'] } = {}): MessageNode {
  return { kind: 'message', id, label, contextValue: 'message', collapsible: 'none', icon: options.icon ?? { id: 'info' }, ...options };
}
