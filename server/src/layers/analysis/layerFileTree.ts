// A layer's changes as a file tree, one directory at a time (the explorer expands it lazily).
// Directories carry what changed below them, so a collapsed folder already says "+12 files,
// 30 MB"; a filter by change kind keeps only the folders that lead to matching files.
import type { ChangeKind, FileChange, FileKind, LayerAnalysis } from '../model';

export interface FileTreeEntry {
  readonly name: string;
  /** Path without a leading slash. */
  readonly path: string;
  readonly kind: FileKind;
  /** What the layer did to this path itself; undefined for a folder only passed through. */
  readonly change?: ChangeKind;
  readonly sizeBytes: number;
  readonly link?: string;
  /** For folders: changes below (of the kinds asked for). */
  readonly below?: { readonly added: number; readonly modified: number; readonly deleted: number; readonly bytes: number };
  readonly hasChildren: boolean;
}

interface DirectoryIndex {
  readonly children: Map<string, Map<string, FileChange | undefined>>;
}

const indexes = new WeakMap<LayerAnalysis, DirectoryIndex>();

function indexOf(layer: LayerAnalysis): DirectoryIndex {
  const cached = indexes.get(layer);
  if (cached) return cached;
  const children = new Map<string, Map<string, FileChange | undefined>>();
  const ensure = (directory: string): Map<string, FileChange | undefined> => {
    let entries = children.get(directory);
    if (!entries) {
      entries = new Map();
      children.set(directory, entries);
    }
    return entries;
  };
  for (const change of layer.changes) {
    ensure(parentOf(change.path)).set(change.path, change);
    // Folders on the way, even when the layer tar did not list them.
    for (let parent = parentOf(change.path); parent !== ''; parent = parentOf(parent)) {
      const siblings = ensure(parentOf(parent));
      if (siblings.has(parent)) break;
      siblings.set(parent, undefined);
    }
  }
  const index = { children };
  indexes.set(layer, index);
  return index;
}

/** The entries directly inside `directory` ('' for the root), folders first, then by name. */
export function layerDirectory(layer: LayerAnalysis, directory: string, kinds?: readonly ChangeKind[]): FileTreeEntry[] {
  const index = indexOf(layer);
  const wanted = (change: FileChange | undefined): boolean => !!change && change.kind !== 'dir' && (!kinds || kinds.includes(change.change));
  const summarise = (path: string): { added: number; modified: number; deleted: number; bytes: number } => {
    const totals = { added: 0, modified: 0, deleted: 0, bytes: 0 };
    const stack = [path];
    while (stack.length > 0) {
      const entries = index.children.get(stack.pop()!);
      if (!entries) continue;
      for (const [childPath, change] of entries) {
        if (wanted(change) || (change?.change === 'deleted' && (!kinds || kinds.includes('deleted')))) {
          totals[change!.change]++;
          totals.bytes += change!.sizeBytes;
        }
        if (index.children.has(childPath)) stack.push(childPath);
      }
    }
    return totals;
  };
  const result: FileTreeEntry[] = [];
  for (const [path, change] of index.children.get(directory) ?? []) {
    const isFolder = index.children.has(path);
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (isFolder) {
      const below = summarise(path);
      const selfMatches = change?.change === 'deleted' && (!kinds || kinds.includes('deleted'));
      if (below.added + below.modified + below.deleted === 0 && !selfMatches) continue;
      result.push({ name, path, kind: 'dir', ...(change ? { change: change.change } : {}), sizeBytes: below.bytes, below, hasChildren: true });
      continue;
    }
    if (!change) continue;
    const matches = change.change === 'deleted' ? !kinds || kinds.includes('deleted') : change.kind === 'dir' ? !kinds : wanted(change);
    if (!matches) continue;
    result.push({ name, path, kind: change.kind, change: change.change, sizeBytes: change.sizeBytes, ...(change.link !== undefined ? { link: change.link } : {}), hasChildren: false });
  }
  return result.sort((a, b) => (a.hasChildren === b.hasChildren ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.hasChildren ? -1 : 1));
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
