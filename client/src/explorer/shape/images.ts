// Images → repositories → tags, the untagged ones in a group behind a toggle. Pure: the same
// input gives the same nodes, so shaping is unit-tested and benchmarked without an editor.
import type { ImageSummary } from '../../engine';
import { code, formatAge, formatBytes, formatDate, shortId } from './format';
import type { DanglingGroupNode, ImageNode, ImagesViewNode, RepositoryNode } from './nodes';

export type ImageGroupBy = 'repository' | 'none';
export type ImageSortBy = 'name' | 'created' | 'size';

export interface ImageViewOptions {
  readonly groupBy: ImageGroupBy;
  readonly sortBy: ImageSortBy;
  readonly showDangling: boolean;
  /** Case-insensitive text matched against references and ids; empty shows all. */
  readonly filter: string;
}

export const DEFAULT_IMAGE_VIEW_OPTIONS: ImageViewOptions = { groupBy: 'repository', sortBy: 'name', showDangling: false, filter: '' };

/** Splits `registry:5000/team/app:1.0` into repository and tag (a colon in the registry host is not a tag). */
export function splitReference(reference: string): { repository: string; tag: string } {
  const at = reference.indexOf('@');
  const withoutDigest = at >= 0 ? reference.slice(0, at) : reference;
  const colon = withoutDigest.lastIndexOf(':');
  if (colon > withoutDigest.lastIndexOf('/')) return { repository: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1) };
  return { repository: withoutDigest, tag: at >= 0 ? reference.slice(at + 1) : 'latest' };
}

function imageTooltip(image: ImageSummary, ref: string | undefined, nowSeconds: number): string {
  const lines = [
    `**${ref ?? '<untagged>'}**`,
    '',
    `ID: ${code(shortId(image.id))}`,
    `Created: ${formatDate(image.created)} (${formatAge(image.created, nowSeconds)})`,
    `Size: ${formatBytes(image.sizeBytes)}`,
  ];
  const otherTags = image.repoTags.filter((tag) => tag !== ref);
  const MAX_TAGS_LISTED = 8;
  if (otherTags.length > 0) {
    const more = otherTags.length > MAX_TAGS_LISTED ? ` and ${otherTags.length - MAX_TAGS_LISTED} more` : '';
    lines.push(`Also tagged: ${otherTags.slice(0, MAX_TAGS_LISTED).map(code).join(', ')}${more}`);
  }
  if (image.repoDigests.length > 0) lines.push(`Digest: ${code(image.repoDigests[0]!.replace(/^.*@/, ''))}`);
  if (image.containers > 0) lines.push(`Used by ${image.containers} container${image.containers === 1 ? '' : 's'}`);
  const labelCount = Object.keys(image.labels).length;
  if (labelCount > 0) lines.push(`${labelCount} label${labelCount === 1 ? '' : 's'}`);
  return lines.join('  \n');
}

function imageNode(image: ImageSummary, ref: string | undefined, label: string, nowSeconds: number): ImageNode {
  return {
    kind: 'image',
    id: ref ? `image:${ref}` : `image:${image.id}`,
    label,
    description: `${formatAge(image.created, nowSeconds)} · ${formatBytes(image.sizeBytes)}`,
    tooltip: () => imageTooltip(image, ref, nowSeconds),
    contextValue: ref ? 'image.tag' : 'image.dangling',
    icon: { id: ref ? 'tag' : 'circle-outline' },
    collapsible: 'collapsed',
    image,
    ref: ref ?? image.id,
  };
}

function compareImages(sortBy: ImageSortBy): (a: ImageNode, b: ImageNode) => number {
  switch (sortBy) {
    case 'created':
      return (a, b) => b.image.created - a.image.created || a.ref.localeCompare(b.ref);
    case 'size':
      return (a, b) => b.image.sizeBytes - a.image.sizeBytes || a.ref.localeCompare(b.ref);
    case 'name':
      return (a, b) => a.label.localeCompare(b.label, undefined, { numeric: true });
  }
}

function matches(filter: string, image: ImageSummary, ref: string | undefined): boolean {
  if (!filter) return true;
  const needle = filter.toLowerCase();
  return (ref ?? '').toLowerCase().includes(needle) || shortId(image.id).includes(needle);
}

export function shapeImages(images: readonly ImageSummary[], options: ImageViewOptions, nowSeconds: number): ImagesViewNode[] {
  const filter = options.filter.trim();
  const tagged: Array<{ image: ImageSummary; ref: string; repository: string; tag: string }> = [];
  const dangling: ImageSummary[] = [];
  for (const image of images) {
    if (image.repoTags.length === 0) {
      if (options.showDangling && matches(filter, image, undefined)) dangling.push(image);
      continue;
    }
    for (const ref of image.repoTags) {
      if (!matches(filter, image, ref)) continue;
      tagged.push({ image, ref, ...splitReference(ref) });
    }
  }

  const roots: ImagesViewNode[] = [];
  const compare = compareImages(options.sortBy);
  if (options.groupBy === 'none') {
    roots.push(...tagged.map((entry) => imageNode(entry.image, entry.ref, entry.ref, nowSeconds)).sort(compare));
  } else {
    const byRepository = new Map<string, ImageNode[]>();
    for (const entry of tagged) {
      let list = byRepository.get(entry.repository);
      if (!list) byRepository.set(entry.repository, (list = []));
      list.push(imageNode(entry.image, entry.ref, entry.tag, nowSeconds));
    }
    const repositories: Array<{ node: RepositoryNode; newest: number; largest: number }> = [];
    for (const [repository, children] of byRepository) {
      children.sort(compare);
      const newest = Math.max(...children.map((child) => child.image.created));
      const largest = Math.max(...children.map((child) => child.image.sizeBytes));
      const node: RepositoryNode = {
        kind: 'repository',
        id: `repository:${repository}`,
        label: repository,
        description: `${children.length} tag${children.length === 1 ? '' : 's'}`,
        tooltip: `**${repository}**  \n${children.length} tag${children.length === 1 ? '' : 's'}, newest ${formatAge(newest, nowSeconds)}, largest ${formatBytes(largest)}`,
        contextValue: 'image.repository',
        icon: { id: 'repo' },
        collapsible: filter ? 'expanded' : 'collapsed',
        repository,
        children,
      };
      repositories.push({ node, newest, largest });
    }
    // A repository sorts by its newest / largest tag.
    const byName = (a: RepositoryNode, b: RepositoryNode) => a.label.localeCompare(b.label, undefined, { numeric: true });
    repositories.sort((a, b) =>
      options.sortBy === 'created' ? b.newest - a.newest || byName(a.node, b.node) : options.sortBy === 'size' ? b.largest - a.largest || byName(a.node, b.node) : byName(a.node, b.node),
    );
    roots.push(...repositories.map((entry) => entry.node));
  }

  if (dangling.length > 0) {
    const children = dangling.map((image) => imageNode(image, undefined, shortId(image.id), nowSeconds)).sort(compareImages(options.sortBy === 'name' ? 'created' : options.sortBy));
    const total = dangling.reduce((sum, image) => sum + image.sizeBytes, 0);
    const group: DanglingGroupNode = {
      kind: 'danglingGroup',
      id: 'dangling',
      label: 'Untagged images',
      description: `${dangling.length} · ${formatBytes(total)}`,
      tooltip: 'Images without a tag (dangling): usually older builds of a tag that moved. `docker image prune` removes them.',
      contextValue: 'image.danglingGroup',
      icon: { id: 'circle-outline' },
      collapsible: 'collapsed',
      children,
    };
    roots.push(group);
  }
  return roots;
}

/** Number of untagged images hidden by the toggle, for the view's description. */
export function hiddenDanglingCount(images: readonly ImageSummary[], options: ImageViewOptions): number {
  return options.showDangling ? 0 : images.filter((image) => image.dangling).length;
}
