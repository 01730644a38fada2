// Layer analysis in the Dockerfile, through the real language server (dist/server.js over stdio)
// against images built by the real engine: the layer sizes next to the instructions, the waste
// a RUN leaves, the merge fix, the code lenses, and the requests the extension's explorer uses.
import { strict as assert } from 'node:assert';
import {
  CodeActionRequest,
  CodeLensRequest,
  InlayHintRequest,
  WorkDoneProgress,
  type CodeAction,
  type InlayHint,
} from 'vscode-languageserver-protocol/node';
import { TestClient } from '../../protocol/support/testClient';
import { ImageNotFoundCode, ServerMethods, type LayerFileEntry, type LayersSummary } from '../../../server/src/protocol';
import { docker, RUN_ID, TEST_LABEL, testState, uniqueName, useCleanup, waitFor } from '../support';

const MiB = 1024 * 1024;

describe('layer analysis in the Dockerfile (language server, real engine)', function () {
  this.timeout(180_000);
  const cleanup = useCleanup();
  const base = testState().baseImage;
  let client: TestClient;

  const lesson = (marker: string): string =>
    [
      `FROM ${base}`,
      `RUN dd if=/dev/zero of=/big1 bs=1024 count=3072 && echo ${marker}`,
      'RUN dd if=/dev/zero of=/big2 bs=1024 count=2048',
      'RUN rm -f /big1',
      'RUN rm -f /big2',
      '',
    ].join('\n');

  async function build(dockerfile: string, labels: Record<string, string> = {}): Promise<string> {
    const tag = cleanup.image(`${uniqueName('editor')}:1`);
    const labelArgs = Object.entries({ [TEST_LABEL]: RUN_ID, ...labels }).flatMap(([key, value]) => ['--label', `${key}=${value}`]);
    await docker(['build', '-q', ...labelArgs, '-t', tag, '-'], { input: dockerfile, env: { DOCKER_BUILDKIT: '1' } });
    return tag;
  }

  async function start(findImages = 'labelAndHistory'): Promise<TestClient> {
    // The bundled server over stdio: what users run, and an in-process server would keep this
    // test process alive (vscode-languageserver polls the client's process id forever).
    client = await TestClient.start({ transport: 'stdio', settings: { layerwise: { layers: { findImages, minimumWastedBytes: 1_000_000 } } } });
    return client;
  }

  function hints(uri: string, lines = 10): Promise<InlayHint[]> {
    return client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } } }).then((found) => found ?? []);
  }

  const labels = (found: InlayHint[]): string[] => found.map((hint) => `${hint.position.line + 1}: ${typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('')}`);

  /** A server told by the build command that `text` made its image: once `hintCount` hints show. */
  async function buildAndAssociate(name: string, text: string, hintCount: number): Promise<{ uri: string; found: InlayHint[] }> {
    await start('off');
    const tag = await build(text);
    const uri = `file:///tmp/${uniqueName(name)}/Dockerfile`;
    await client.open(uri, text);
    await client.connection.sendRequest(ServerMethods.associateDockerfileImage, { uri, image: tag });
    const found = await waitFor(`${hintCount} layer hint(s) in ${name}`, async () => {
      const current = await hints(uri);
      return current.length === hintCount ? current : undefined;
    });
    return { uri, found };
  }

  afterEach(async () => client?.stop());

  it('built by our build command: sizes and later removals next to each RUN, and a fix that merges the RUNs', async () => {
    const text = lesson(uniqueName('built'));
    const { uri, found } = await buildAndAssociate('built', text, 4);
    assert.deepEqual(labels(found), ['2: 3.15 MB · 3.15 MB removed later (line 4)', '3: 2.10 MB · 2.10 MB removed later (line 5)', '4: 0 B · removes 3.15 MB', '5: 0 B · removes 2.10 MB']);
    assert.deepEqual(found[0].position, { line: 1, character: text.split('\n')[1].length });

    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    const merge = actions.find((action) => action.title === 'Merge lines 2–4 into one RUN, saving 3.15 MB');
    assert.ok(merge, `actions offered: ${actions.map((action) => action.title).join(', ')}`);
    const edit = merge.edit!.changes![uri][0];
    assert.deepEqual(edit.range, { start: { line: 1, character: 0 }, end: { line: 3, character: 'RUN rm -f /big1'.length } });
    assert.match(edit.newText, /^RUN dd if=\/dev\/zero of=\/big1 .* && \\\n {4}dd if=\/dev\/zero of=\/big2 bs=1024 count=2048 && \\\n {4}rm -f \/big1$/);

    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    const titles = (lenses ?? []).map((lens) => lens.command?.title);
    assert.ok(titles.includes(`Analyse layers of ${base}`), `lenses: ${titles.join(' | ')}`);
    assert.ok(titles.some((title) => /^\$\(layers\) .*: [\d.]+ MB, 5\.24 MB wasted$/.test(title ?? '')), `lenses: ${titles.join(' | ')}`);
  });

  it('the merged Dockerfile, rebuilt, wastes nothing', async () => {
    const merged = [`FROM ${base}`, 'RUN dd if=/dev/zero of=/big1 bs=1024 count=3072 && \\', '    dd if=/dev/zero of=/big2 bs=1024 count=2048 && \\', '    rm -f /big1 && rm -f /big2', ''].join('\n');
    const { found } = await buildAndAssociate('merged', merged, 1);
    // The hint sits where the instruction ends: after its last continuation line.
    assert.deepEqual(labels(found), ['4: 0 B']);
  });

  it('finds the image by its io.layerwise.dockerfile label', async () => {
    await start('label');
    const uri = `file:///tmp/${uniqueName('label')}/Dockerfile`;
    const text = lesson(uniqueName('label'));
    await build(text, { 'io.layerwise.dockerfile': uri });
    await client.open(uri, text);
    const found = await waitFor('hints for the labelled image', async () => {
      const current = await hints(uri);
      return current.length === 4 ? current : undefined;
    });
    assert.match(labels(found)[0], /^2: 3\.15 MB · 3\.15 MB removed later \(line 4\)$/);
  });

  it('finds the newest image whose history is the file, and no image for a file nobody built', async () => {
    await start('labelAndHistory');
    const text = lesson(uniqueName('history'));
    await build(text);
    // The file nobody built is opened first, so its search is over when the other one's is.
    const unbuilt = `file:///tmp/${uniqueName('unbuilt')}/Dockerfile`;
    await client.open(unbuilt, lesson(uniqueName('never-built')));
    const uri = `file:///tmp/${uniqueName('history')}/Dockerfile`;
    await client.open(uri, text);
    await waitFor('hints for the image matched by history', async () => ((await hints(uri)).length === 4 ? true : undefined));
    assert.deepEqual(await hints(unbuilt), []);
  });

  it('analyses on request with work-done progress, then lists a layer folder by folder', async () => {
    await start('off');
    const tag = await build(`FROM ${base}\nRUN mkdir -p /data/deep && dd if=/dev/zero of=/data/deep/blob bs=1024 count=1024 && ln -s /data/deep/blob /blob-link\n`);
    const token = 'progress-1';
    const reports: string[] = [];
    client.connection.onProgress(WorkDoneProgress.type, token, (value) => {
      reports.push(value.kind);
    });
    const summary = await client.connection.sendRequest<LayersSummary>(ServerMethods.analyseLayers, { image: tag, workDoneToken: token });
    assert.equal(summary.layers.length, 2);
    assert.equal(summary.layers[1].sizeBytes, MiB);
    assert.equal(reports[0], 'begin');
    assert.equal(reports[reports.length - 1], 'end');
    const root = await client.connection.sendRequest<LayerFileEntry[]>(ServerMethods.layerFiles, { imageId: summary.imageId, layerIndex: 1, directory: '' });
    const shown = (name: string) => root.find((entry) => entry.name === name);
    assert.deepEqual(shown('data'), { name: 'data', path: 'data', kind: 'dir', change: 'added', sizeBytes: MiB, below: { added: 1, modified: 0, deleted: 0, bytes: MiB }, hasChildren: true });
    assert.deepEqual(shown('blob-link'), { name: 'blob-link', path: 'blob-link', kind: 'symlink', change: 'added', sizeBytes: 0, link: '/data/deep/blob', hasChildren: false });
    // The rest are the mount points BuildKit leaves in a RUN layer (/dev, /proc, …): empty folders.
    assert.ok(root.every((entry) => entry.name === 'data' || entry.name === 'blob-link' || (entry.kind === 'dir' && entry.sizeBytes === 0)), JSON.stringify(root));
    const deep = await client.connection.sendRequest<LayerFileEntry[]>(ServerMethods.layerFiles, { imageId: summary.imageId, layerIndex: 1, directory: 'data/deep', kinds: ['added'] });
    assert.deepEqual(deep.map((entry) => entry.name), ['blob']);
    await assert.rejects(
      client.connection.sendRequest(ServerMethods.layerFiles, { imageId: 'sha256:0000', layerIndex: 0, directory: '' }),
      /not analysed/,
    );
    // A missing image has its own code: the editor then offers to pull it.
    await assert.rejects(client.connection.sendRequest(ServerMethods.analyseLayers, { image: `${uniqueName('absent')}:1` }), (error: unknown) => {
      assert.equal((error as { code?: number }).code, ImageNotFoundCode);
      assert.match((error as Error).message, /Cannot inspect image layerwise-test-absent.*:1: the engine at .* has no image layerwise-test-absent/);
      return true;
    });
  });
});
