// Shaping the Images view: grouping, tags, the untagged toggle, sorting, filtering.
import { strict as assert } from 'node:assert';
import type { ImageSummary } from '../../../client/src/engine';
import { shapeImages, splitReference, hiddenDanglingCount, DEFAULT_IMAGE_VIEW_OPTIONS, type ImageViewOptions } from '../../../client/src/explorer/shape/images';
import { tooltipText, type ImageNode, type RepositoryNode } from '../../../client/src/explorer/shape/nodes';

const NOW = 1_700_000_000;

function image(id: string, tags: string[], created: number, sizeBytes: number): ImageSummary {
  return { id: `sha256:${id.padEnd(64, '0')}`, repoTags: tags, repoDigests: [], created, sizeBytes, containers: -1, labels: {}, parentId: '', dangling: tags.length === 0 };
}

const images = [
  image('aa', ['busybox:1.36', 'busybox:latest'], NOW - 3600, 2_000_000),
  image('bb', ['127.0.0.1:5000/team/app:1.0'], NOW - 60, 9_000_000),
  image('cc', ['app:2', 'app:10'], NOW - 86400 * 3, 5_500_000),
  image('dd', [], NOW - 120, 1_000),
];

function shape(options: Partial<ImageViewOptions> = {}) {
  return shapeImages(images, { ...DEFAULT_IMAGE_VIEW_OPTIONS, ...options }, NOW);
}

describe('images view shaping', () => {
  it('splits references: a registry port is not a tag, a digest is', () => {
    assert.deepEqual(splitReference('127.0.0.1:5000/team/app:1.0'), { repository: '127.0.0.1:5000/team/app', tag: '1.0' });
    assert.deepEqual(splitReference('127.0.0.1:5000/team/app'), { repository: '127.0.0.1:5000/team/app', tag: 'latest' });
    assert.deepEqual(splitReference('app@sha256:abc'), { repository: 'app', tag: 'sha256:abc' });
  });

  it('groups tags under their repository, repositories and tags in natural order', () => {
    const roots = shape() as RepositoryNode[];
    assert.deepEqual(roots.map((node) => node.label), ['127.0.0.1:5000/team/app', 'app', 'busybox']);
    const app = roots[1]!;
    assert.deepEqual(app.children.map((node) => node.label), ['2', '10']);
    assert.equal(app.description, '2 tags');
    assert.equal(app.contextValue, 'image.repository');
    const tag = app.children[0]!;
    assert.equal(tag.contextValue, 'image.tag');
    assert.equal(tag.ref, 'app:2');
    assert.equal(tag.description, '3 days ago · 5.5 MB');
    assert.equal(tag.collapsible, 'collapsed', 'an image expands to its layers');
    assert.match(tooltipText(tag) ?? '', /Also tagged: `app:10`/);
  });

  it('untagged images stay hidden until the toggle is on, then sit in their own group', () => {
    assert.ok(!shape().some((node) => node.kind === 'danglingGroup'));
    assert.equal(hiddenDanglingCount(images, DEFAULT_IMAGE_VIEW_OPTIONS), 1);
    const group = shape({ showDangling: true }).at(-1)!;
    assert.equal(group.kind, 'danglingGroup');
    assert.ok(group.kind === 'danglingGroup');
    const child = group.children[0]!;
    assert.equal(child.contextValue, 'image.dangling');
    assert.equal(child.label, 'dd0000000000');
    assert.equal(child.ref, images[3]!.id);
  });

  it('flat list when grouping is off; sort by size or creation', () => {
    const flat = shape({ groupBy: 'none', sortBy: 'size' }) as ImageNode[];
    assert.deepEqual(flat.map((node) => node.label), ['127.0.0.1:5000/team/app:1.0', 'app:10', 'app:2', 'busybox:1.36', 'busybox:latest']);
    const byCreated = shape({ sortBy: 'created' }) as RepositoryNode[];
    assert.deepEqual(byCreated.map((node) => node.label), ['127.0.0.1:5000/team/app', 'busybox', 'app']);
  });

  it('filters by reference or id, case-insensitively, and expands the matching groups', () => {
    const roots = shape({ filter: 'BUSY' }) as RepositoryNode[];
    assert.deepEqual(roots.map((node) => node.label), ['busybox']);
    assert.equal(roots[0]!.collapsible, 'expanded');
    assert.deepEqual((shape({ filter: 'bb0000' }) as RepositoryNode[]).map((node) => node.label), ['127.0.0.1:5000/team/app']);
    assert.deepEqual(shape({ filter: 'nothing-matches' }), []);
  });

  it('node ids are stable and unique per tag (VS Code keeps expansion by id)', () => {
    const ids = (shape({ showDangling: true }) as Array<RepositoryNode>).flatMap((node) => [node.id, ...(node.children ?? []).map((child) => child.id)]);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(shape().map((node) => node.id), shape().map((node) => node.id));
  });
});
