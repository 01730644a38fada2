// Stacks layer listings the way the engine's overlay does, bottom first, and records what each
// layer adds, modifies and deletes, and whose bytes it hides. File contents are tracked as
// shared records so hard links are counted once and their bytes are wasted only when the last
// name for them disappears.
//
// Per layer, in the order the OCI image spec prescribes:
//  1. whiteouts and opaque markers delete from the layers below (never from the same layer);
//     an opaque directory keeps only what this layer itself writes under it;
//  2. the layer's entries are written in archive order; writing over a file, link or directory
//     tree replaces it (a directory written over a directory keeps its children).
import type { LayerEntry, LayerListing } from '../archive/layerListing';
import type { ChangeKind, FileChange, FileKind, WastedPath } from '../model';
import { DiveEfficiency } from './diveEfficiency';

interface Content {
  readonly sizeBytes: number;
  readonly writer: number;
  readonly path: string;
  refs: number;
}

interface FsNode {
  kind: FileKind;
  /** Bytes the tar entry for this path declared (0 for hard links): dive's per-path size. */
  entrySize: number;
  content?: Content;
  children?: Map<string, FsNode>;
  /** Last layer with an entry below this directory (it is then no leaf of that layer's tree). */
  parentOfLayer: number;
  /** Last layer in which dive observed this path. */
  observedInLayer: number;
}

function newNode(kind: FileKind, entrySize: number): FsNode {
  return { kind, entrySize, content: undefined, children: kind === 'dir' ? new Map() : undefined, parentOfLayer: -1, observedInLayer: -1 };
}

interface MutableChange {
  path: string;
  change: ChangeKind;
  kind: FileKind;
  sizeBytes: number;
  link?: string;
}

export interface StackedLayer {
  readonly changes: FileChange[];
  /** Bytes written by lower layers that this layer removed or replaced. */
  hiddenBytes: number;
  /** Bytes this layer wrote that later layers removed or replaced. */
  wastedBytes: number;
}

export interface StackResult {
  readonly layers: StackedLayer[];
  readonly wastedPaths: WastedPath[];
  readonly dive: DiveEfficiency;
  readonly pathCount: number;
  readonly warnings: string[];
}

export function stackLayers(listings: readonly LayerListing[]): StackResult {
  return new LayerStack().run(listings);
}

class LayerStack {
  private readonly root: FsNode = newNode('dir', 0);
  private readonly layers: StackedLayer[] = [];
  private readonly wastedPaths: WastedPath[] = [];
  private readonly warnings: string[] = [];
  private readonly dive = new DiveEfficiency();
  private current = 0;
  private changes = new Map<string, MutableChange>();

  run(listings: readonly LayerListing[]): StackResult {
    for (let index = 0; index < listings.length; index++) {
      this.layers.push({ changes: [], hiddenBytes: 0, wastedBytes: 0 });
    }
    listings.forEach((listing, index) => this.apply(listing.entries, index));
    return {
      layers: this.layers,
      wastedPaths: this.wastedPaths.sort((a, b) => b.sizeBytes - a.sizeBytes || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
      dive: this.dive,
      pathCount: countNodes(this.root) - 1,
      warnings: this.warnings,
    };
  }

  private apply(entries: readonly LayerEntry[], index: number): void {
    this.current = index;
    this.changes = new Map();
    // Most layers delete nothing: the sets that deletions need are built only when they do.
    let written: Set<string> | undefined;
    let ancestors: Set<string> | undefined;
    if (entries.some((entry) => entry.kind === 'whiteout' || entry.kind === 'opaque')) {
      written = new Set();
      ancestors = new Set();
      for (const entry of entries) {
        if (entry.kind === 'whiteout' || entry.kind === 'opaque') continue;
        written.add(entry.path);
        addAncestors(entry.path, ancestors);
      }
      const seenWhiteouts = new Set<string>();
      for (const entry of entries) {
        if (entry.kind !== 'whiteout') continue;
        const hidden = this.whiteout(entry.path, written.has(entry.path));
        // dive sizes a whiteout by the directory tree it hides, a hidden file as 0; a whiteout
        // is always a leaf of the layer's tree.
        if (!seenWhiteouts.has(entry.path)) {
          seenWhiteouts.add(entry.path);
          this.dive.observe(entry.path, hidden);
        }
      }
      for (const entry of entries) {
        if (entry.kind === 'opaque') this.makeOpaque(entry.path, (path) => written!.has(path) || ancestors!.has(path));
      }
    }
    const nodes: FsNode[] = [];
    const nodeEntries: LayerEntry[] = [];
    for (const entry of entries) {
      if (entry.kind === 'whiteout' || entry.kind === 'opaque') continue;
      nodes.push(this.write(entry));
      nodeEntries.push(entry);
    }
    // dive observes the leaves of the layer's own tree: entries with nothing of this layer below.
    for (let position = 0; position < nodes.length; position++) {
      const node = nodes[position];
      if (node.parentOfLayer === index || node.observedInLayer === index) continue;
      node.observedInLayer = index;
      this.dive.observe(nodeEntries[position].path, nodeEntries[position].size);
    }
    // Not push(...values): a spread of a million arguments overflows the stack.
    for (const change of this.changes.values()) this.layers[index].changes.push(change);
  }

  /** Deletes `path` from the lower layers; returns dive's size for the whiteout. */
  private whiteout(path: string, rewrittenHere: boolean): number {
    const located = this.locate(path, true);
    if (!located) {
      this.record(path, 'deleted', 'other', 0);
      this.warnOnce(`A whiteout in layer ${this.current + 1} deletes "/${path}", which no lower layer has.`);
      return 0;
    }
    const { parent, name, node } = located;
    const diveBytes = node.kind === 'dir' ? subtreeEntryBytes(node) : 0;
    const bytes = this.removeTree(node, path, rewrittenHere ? 'replaced' : 'deleted');
    parent.children?.delete(name);
    this.record(path, 'deleted', node.kind, bytes);
    return diveBytes;
  }

  private makeOpaque(directory: string, keep: (path: string) => boolean): void {
    const node = directory === '' ? this.root : this.find(directory);
    if (!node?.children) return;
    const prune = (dir: FsNode, dirPath: string): void => {
      for (const [name, child] of [...dir.children!]) {
        const childPath = dirPath ? `${dirPath}/${name}` : name;
        if (keep(childPath)) {
          if (child.children) prune(child, childPath);
          continue;
        }
        const bytes = this.removeTree(child, childPath, 'deleted');
        dir.children!.delete(name);
        this.record(childPath, 'deleted', child.kind, bytes);
      }
    };
    prune(node, directory);
  }

  /** Writes one entry over the stack; returns its node. */
  private write(entry: LayerEntry): FsNode {
    const parent = this.ensureDirectory(entry.path);
    const slash = entry.path.lastIndexOf('/');
    const name = slash < 0 ? entry.path : entry.path.slice(slash + 1);
    const existing = parent.children!.get(name);
    const previous = this.changes.get(entry.path);
    const change: ChangeKind = previous?.change === 'added' ? 'added' : existing || previous ? 'modified' : 'added';
    if (existing && existing.kind === 'dir' && entry.kind === 'dir') {
      this.record(entry.path, change, 'dir', 0);
      return existing;
    }
    if (existing) this.removeTree(existing, entry.path, 'replaced');
    const node = newNode(entry.kind === 'whiteout' || entry.kind === 'opaque' ? 'other' : entry.kind, entry.size);
    if (entry.kind === 'file') {
      node.content = { sizeBytes: entry.size, writer: this.current, path: entry.path, refs: 1 };
    } else if (entry.kind === 'hardlink' && entry.link !== undefined) {
      const target = this.find(entry.link);
      if (target?.content) {
        target.content.refs++;
        node.content = target.content;
      } else {
        this.warnOnce(`Layer ${this.current + 1} hard-links "/${entry.path}" to "/${entry.link}", which does not exist.`);
      }
    }
    parent.children!.set(name, node);
    const link = entry.kind === 'symlink' || entry.kind === 'hardlink' ? entry.link : undefined;
    this.record(entry.path, change, node.kind, entry.kind === 'file' ? entry.size : 0, link);
    return node;
  }

  /** The directory that will hold `path`, creating missing parents and replacing non-directories. */
  private ensureDirectory(path: string): FsNode {
    let dir = this.root;
    let start = 0;
    for (;;) {
      const slash = path.indexOf('/', start);
      dir.parentOfLayer = this.current;
      if (slash < 0) return dir;
      const name = path.slice(start, slash);
      let child = dir.children!.get(name);
      if (!child || !child.children) {
        const dirPath = path.slice(0, slash);
        if (child) {
          this.removeTree(child, dirPath, 'replaced');
          this.record(dirPath, 'modified', 'dir', 0);
        } else if (this.changes.get(dirPath)?.change !== 'added') this.record(dirPath, 'added', 'dir', 0);
        child = newNode('dir', 0);
        dir.children!.set(name, child);
      }
      dir = child;
      start = slash + 1;
    }
  }

  /** Releases every content record under `node`; returns the bytes that disappeared from view. */
  private removeTree(node: FsNode, path: string, how: WastedPath['how']): number {
    let bytes = 0;
    if (node.content) {
      if (node.kind === 'file') bytes += node.content.sizeBytes;
      this.release(node.content, how);
    }
    if (node.children) {
      for (const [name, child] of node.children) bytes += this.removeTree(child, `${path}/${name}`, how);
    }
    return bytes;
  }

  private release(content: Content, how: WastedPath['how']): void {
    content.refs--;
    if (content.refs > 0 || content.sizeBytes === 0) return;
    this.wastedPaths.push({ path: content.path, sizeBytes: content.sizeBytes, writtenBy: content.writer, removedBy: this.current, how });
    this.layers[content.writer].wastedBytes += content.sizeBytes;
    this.layers[this.current].hiddenBytes += content.sizeBytes;
  }

  private record(path: string, change: ChangeKind, kind: FileKind, sizeBytes: number, link?: string): void {
    const previous = this.changes.get(path);
    // Deleted and then written in the same layer: the layer replaced what was below.
    const effective = previous?.change === 'deleted' && change !== 'deleted' ? 'modified' : change;
    const entry: MutableChange = { path, change: effective, kind, sizeBytes };
    if (link !== undefined) entry.link = link;
    this.changes.set(path, entry);
  }

  private find(path: string): FsNode | undefined {
    return this.locate(path)?.node;
  }

  /** Finds `path`; `markParents` notes that this layer has an entry below each directory passed. */
  private locate(path: string, markParents = false): { parent: FsNode; name: string; node: FsNode } | undefined {
    let dir = this.root;
    let start = 0;
    for (;;) {
      if (markParents) dir.parentOfLayer = this.current;
      const slash = path.indexOf('/', start);
      const name = slash < 0 ? path.slice(start) : path.slice(start, slash);
      const node = dir.children?.get(name);
      if (!node) return undefined;
      if (slash < 0) return { parent: dir, name, node };
      dir = node;
      start = slash + 1;
    }
  }

  private warnOnce(message: string): void {
    if (this.warnings.length < 20 && !this.warnings.includes(message)) this.warnings.push(message);
  }
}

function addAncestors(path: string, into: Set<string>): void {
  let end = path.lastIndexOf('/');
  while (end > 0) {
    const ancestor = path.slice(0, end);
    if (into.has(ancestor)) return; // its own ancestors were added with it
    into.add(ancestor);
    end = path.lastIndexOf('/', end - 1);
  }
}

function subtreeEntryBytes(node: FsNode): number {
  let bytes = node.entrySize;
  if (node.children) for (const child of node.children.values()) bytes += subtreeEntryBytes(child);
  return bytes;
}

function countNodes(node: FsNode): number {
  let count = 1;
  if (node.children) for (const child of node.children.values()) count += countNodes(child);
  return count;
}
