import { strict as assert } from 'node:assert';
import { layerDirectory } from '../../../server/src/layers/analysis/layerFileTree';
import { analyseLayers, bytes } from './support/analyse';

describe('layers: a layer as a lazy file tree', () => {
  it('lists one folder at a time, folders first, with what changed below them, filterable by kind', async () => {
    const analysis = await analyseLayers([
      [{ name: 'etc/', type: 'dir' }, { name: 'etc/old', data: bytes(10) }, { name: 'etc/conf', data: bytes(5) }, { name: 'tmp/x', data: bytes(7) }],
      [
        { name: 'etc/', type: 'dir' },
        { name: 'etc/.wh.old' },
        { name: 'etc/conf', data: bytes(6) },
        { name: 'usr/local/bin/tool', data: bytes(100) },
        { name: 'usr/local/bin/link', type: 'symlink', link: 'tool' },
        { name: '.wh.tmp' },
        { name: 'zz', data: bytes(1) },
      ],
    ]);
    const layer = analysis.layers[1];
    const show = (entries: ReturnType<typeof layerDirectory>) =>
      entries.map((entry) => `${entry.name}${entry.hasChildren ? '/' : ''} ${entry.change ?? '-'} ${entry.sizeBytes}${entry.below ? ` +${entry.below.added} ~${entry.below.modified} -${entry.below.deleted}` : ''}${entry.link ? ` -> ${entry.link}` : ''}`);
    assert.deepEqual(show(layerDirectory(layer, '')), ['etc/ modified 16 +0 ~1 -1', 'usr/ added 100 +2 ~0 -0', 'tmp deleted 7', 'zz added 1']);
    assert.deepEqual(show(layerDirectory(layer, 'etc')), ['conf modified 6', 'old deleted 10']);
    assert.deepEqual(show(layerDirectory(layer, 'usr/local/bin')), ['link added 0 -> tool', 'tool added 100']);
    assert.deepEqual(show(layerDirectory(layer, '', ['deleted'])), ['etc/ modified 10 +0 ~0 -1', 'tmp deleted 7']);
    assert.deepEqual(show(layerDirectory(layer, '', ['added'])), ['usr/ added 100 +2 ~0 -0', 'zz added 1']);
  });
});
