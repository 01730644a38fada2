import { strict as assert } from 'node:assert';
import { analyseLayers, bytes, changesOf } from './support/analyse';

describe('layers: what each layer adds, modifies, deletes and wastes', () => {
  it('the classic example: two RUNs write files, two later RUNs delete them — all of it is waste of the writers', async () => {
    const analysis = await analyseLayers(
      [
        [{ name: 'bin/', type: 'dir' }, { name: 'bin/busybox', data: bytes(1000) }],
        [{ name: 'big1', data: bytes(100_000) }],
        [{ name: 'big2', data: bytes(200_000) }],
        [{ name: '.wh.big1' }],
        [{ name: '.wh.big2' }],
      ],
      {
        history: [
          { createdBy: '/bin/sh -c #(nop) ADD file:abc in / ' },
          { createdBy: 'RUN /bin/sh -c dd if=/dev/zero of=/big1 bs=1k count=100 # buildkit' },
          { createdBy: 'RUN /bin/sh -c dd if=/dev/zero of=/big2 bs=1k count=200 # buildkit' },
          { createdBy: 'RUN /bin/sh -c rm -f /big1 # buildkit' },
          { createdBy: 'RUN /bin/sh -c rm -f /big2 # buildkit' },
        ],
      },
    );
    assert.equal(analysis.sizeBytes, 301_000);
    assert.equal(analysis.wastedBytes, 300_000);
    assert.deepEqual(
      analysis.layers.map((layer) => [layer.command, layer.sizeBytes, layer.wastedBytes, layer.hiddenBytes]),
      [
        ['ADD file:abc in /', 1000, 0, 0],
        ['RUN dd if=/dev/zero of=/big1 bs=1k count=100', 100_000, 100_000, 0],
        ['RUN dd if=/dev/zero of=/big2 bs=1k count=200', 200_000, 200_000, 0],
        ['RUN rm -f /big1', 0, 0, 100_000],
        ['RUN rm -f /big2', 0, 0, 200_000],
      ],
    );
    assert.deepEqual(analysis.wastedPaths, [
      { path: 'big2', sizeBytes: 200_000, writtenBy: 2, removedBy: 4, how: 'deleted' },
      { path: 'big1', sizeBytes: 100_000, writtenBy: 1, removedBy: 3, how: 'deleted' },
    ]);
    assert.deepEqual(changesOf(analysis, 3), ['big1:deleted:file:100000']);
    assert.deepEqual(analysis.layers[3].counts, { added: 0, modified: 0, deleted: 1, addedBytes: 0, modifiedBytes: 0, deletedBytes: 100_000 });
    // dive: big1 and big2 are seen twice (written, then whited out as 0): min 0, total = their size.
    assert.equal(analysis.inefficientBytes, 300_000);
    assert.equal(analysis.efficiency, 1000 / 301_000);
    assert.equal(analysis.userSizeBytes, 300_000);
    assert.equal(analysis.userWastedFraction, 1);
  });

  it('a file overwritten by a later layer wastes the first copy', async () => {
    const analysis = await analyseLayers([
      [{ name: 'etc/', type: 'dir' }, { name: 'etc/config', data: bytes(500) }],
      [{ name: 'etc/', type: 'dir' }, { name: 'etc/config', data: bytes(700) }],
    ]);
    assert.deepEqual(changesOf(analysis, 1), ['etc/config:modified:file:700', 'etc:modified:dir:0']);
    assert.deepEqual(analysis.wastedPaths, [{ path: 'etc/config', sizeBytes: 500, writtenBy: 0, removedBy: 1, how: 'replaced' }]);
    assert.deepEqual(analysis.layers.map((layer) => layer.wastedBytes), [500, 0]);
    assert.equal(analysis.inefficientBytes, 1200);
    assert.equal(analysis.efficiency, 500 / 1200);
  });

  it('an opaque directory hides everything below it except what the layer writes there', async () => {
    const analysis = await analyseLayers([
      [
        { name: 'app/', type: 'dir' },
        { name: 'app/a', data: bytes(10) },
        { name: 'app/b', data: bytes(20) },
        { name: 'app/sub/', type: 'dir' },
        { name: 'app/sub/c', data: bytes(30) },
        { name: 'keep', data: bytes(1) },
      ],
      [{ name: 'app/', type: 'dir' }, { name: 'app/.wh..wh..opq' }, { name: 'app/b', data: bytes(5) }, { name: 'app/new', data: bytes(1) }],
    ]);
    assert.deepEqual(changesOf(analysis, 1), [
      'app/a:deleted:file:10',
      'app/b:modified:file:5',
      'app/new:added:file:1',
      'app/sub:deleted:dir:30',
      'app:modified:dir:0',
    ]);
    assert.equal(analysis.layers[0].wastedBytes, 60);
    assert.deepEqual(
      analysis.wastedPaths.map((wasted) => `${wasted.path} ${wasted.how}`).sort(),
      ['app/a deleted', 'app/b replaced', 'app/sub/c deleted'],
    );
    assert.equal(analysis.pathCount, 4); // app, app/b, app/new, keep
  });

  it('a file replaced by a directory, and a directory by a file, waste what they replace', async () => {
    const analysis = await analyseLayers([
      [{ name: 'x', data: bytes(100) }, { name: 'y/', type: 'dir' }, { name: 'y/z', data: bytes(50) }],
      [{ name: 'x/', type: 'dir' }, { name: 'x/inner', data: bytes(5) }, { name: 'y', data: bytes(7) }],
      [{ name: 'x', data: bytes(3) }],
    ]);
    assert.deepEqual(changesOf(analysis, 1), ['x/inner:added:file:5', 'x:modified:dir:0', 'y:modified:file:7']);
    assert.deepEqual(changesOf(analysis, 2), ['x:modified:file:3']);
    assert.deepEqual(analysis.layers.map((layer) => layer.wastedBytes), [150, 5, 0]);
    assert.deepEqual(analysis.layers.map((layer) => layer.hiddenBytes), [0, 150, 5]);
  });

  it('hard links share their bytes: deleting one name wastes nothing, deleting the last wastes them once', async () => {
    const analysis = await analyseLayers([
      [
        { name: 'bin/', type: 'dir' },
        { name: 'bin/busybox', data: bytes(1000) },
        { name: 'bin/ls', type: 'hardlink', link: 'bin/busybox' },
      ],
      [{ name: 'bin/', type: 'dir' }, { name: 'bin/.wh.busybox' }],
      [{ name: 'bin/', type: 'dir' }, { name: 'bin/.wh.ls' }],
    ]);
    assert.equal(analysis.layers[0].sizeBytes, 1000, 'a hard link stores no second copy');
    assert.deepEqual(changesOf(analysis, 0), ['bin/busybox:added:file:1000', 'bin/ls:added:hardlink:0', 'bin:added:dir:0']);
    assert.equal(analysis.layers[0].changes.find((change) => change.path === 'bin/ls')?.link, 'bin/busybox');
    assert.deepEqual(analysis.layers.map((layer) => layer.hiddenBytes), [0, 0, 1000]);
    assert.deepEqual(analysis.wastedPaths, [{ path: 'bin/busybox', sizeBytes: 1000, writtenBy: 0, removedBy: 2, how: 'deleted' }]);
  });

  it('symlinks weigh nothing and keep their target', async () => {
    const analysis = await analyseLayers([
      [{ name: 'bin/busybox', data: bytes(1000) }, { name: 'bin/sh', type: 'symlink', link: '/bin/busybox' }],
      [{ name: 'bin/.wh.sh' }],
    ]);
    assert.equal(analysis.layers[0].changes.find((change) => change.path === 'bin/sh')?.link, '/bin/busybox');
    assert.deepEqual(changesOf(analysis, 1), ['bin/sh:deleted:symlink:0']);
    assert.equal(analysis.wastedBytes, 0);
  });

  it('deleting a directory wastes every file below it — which dive does not count', async () => {
    const analysis = await analyseLayers([
      [{ name: 'var/cache/apt/', type: 'dir' }, { name: 'var/cache/apt/a', data: bytes(100) }, { name: 'var/cache/apt/b', data: bytes(200) }],
      [{ name: 'var/cache/', type: 'dir' }, { name: 'var/cache/.wh.apt' }],
    ]);
    assert.deepEqual(changesOf(analysis, 1), ['var/cache/apt:deleted:dir:300', 'var/cache:modified:dir:0']);
    assert.equal(analysis.wastedBytes, 300);
    assert.equal(analysis.inefficientBytes, 0, 'dive sees the directory path once');
    assert.equal(analysis.efficiency, 1);
  });

  it('parents missing from the layer tar are created, and only files are counted', async () => {
    const analysis = await analyseLayers([[{ name: 'a', data: bytes(1) }], [{ name: 'new/dir/file', data: bytes(9) }]]);
    assert.deepEqual(changesOf(analysis, 1), ['new/dir/file:added:file:9', 'new/dir:added:dir:0', 'new:added:dir:0']);
    assert.deepEqual(analysis.layers[1].counts, { added: 1, modified: 0, deleted: 0, addedBytes: 9, modifiedBytes: 0, deletedBytes: 0 });
  });

  it('a chmod or chown of a big file copies it up: the old copy is waste', async () => {
    const analysis = await analyseLayers([[{ name: 'opt/app.jar', data: bytes(4096) }], [{ name: 'opt/', type: 'dir' }, { name: 'opt/app.jar', data: bytes(4096) }]]);
    assert.deepEqual(analysis.wastedPaths, [{ path: 'opt/app.jar', sizeBytes: 4096, writtenBy: 0, removedBy: 1, how: 'replaced' }]);
  });

  it('a whiteout of a path no layer has is listed and explained', async () => {
    const analysis = await analyseLayers([[{ name: 'a', data: 'x' }], [{ name: '.wh.ghost' }]]);
    assert.deepEqual(changesOf(analysis, 1), ['ghost:deleted:other:0']);
    assert.match(analysis.warnings.join('\n'), /deletes "\/ghost", which no lower layer has/);
  });

  it('matches history steps to layers, skipping empty-layer steps', async () => {
    const analysis = await analyseLayers([[{ name: 'a', data: 'x' }], [{ name: 'b', data: 'yy' }]], {
      history: [
        { createdBy: '/bin/sh -c #(nop) ADD file:1 in / ' },
        { createdBy: 'ENV A=b', empty: true },
        { createdBy: '|1 V=2 /bin/sh -c make' },
        { createdBy: 'CMD ["sh"]', empty: true },
      ],
    });
    assert.deepEqual(
      analysis.history.map((step) => [step.command, step.emptyLayer, step.layerIndex]),
      [
        ['ADD file:1 in /', false, 0],
        ['ENV A=b', true, undefined],
        ['RUN make', false, 1],
        ['CMD ["sh"]', true, undefined],
      ],
    );
    assert.deepEqual(analysis.layers.map((layer) => layer.historyIndex), [0, 2]);
  });

  it('says so when the history describes fewer layers than the image has', async () => {
    const analysis = await analyseLayers([[{ name: 'a', data: 'x' }], [{ name: 'b', data: 'y' }]], { history: [{ createdBy: 'x' }] });
    assert.equal(analysis.layers[1].command, '(missing)');
    assert.match(analysis.warnings[0], /history describes 1 of its 2 layers/);
  });
});
