// A layer in the Images view opens the Dockerfile instruction that made it: the image history
// (newest first, as the engine lists it, recorded as BuildKit records it) against the file.
import { strict as assert } from 'node:assert';
import type { HistoryEntry } from '../../../client/src/engine';
import { mapLayersToDockerfile } from '../../../client/src/explorer/shape/layerSources';
import { shapeLayers, withSource } from '../../../client/src/explorer/shape/layers';
import { tooltipText } from '../../../client/src/explorer/shape/nodes';

const NOW = 1_700_000_000;
const step = (createdBy: string, sizeBytes = 0): HistoryEntry => ({ createdBy, sizeBytes, comment: '', created: NOW - 60, tags: [] });
const base = { ...step('', 1_980_000), comment: 'Imported from -' };

/** History of a BuildKit build of `lines` (the engine lists it newest first). */
function buildkitHistory(...recorded: Array<[string, number]>): HistoryEntry[] {
  return [base, ...recorded.map(([createdBy, sizeBytes]) => step(`${createdBy} # buildkit`, sizeBytes))].reverse();
}

const lines = (located: Map<number, { startLine: number; keyword: string; changed: boolean }> | undefined) =>
  located ? [...located].map(([layer, where]) => `${layer}:${where.keyword}@${where.startLine + 1}${where.changed ? '*' : ''}`) : undefined;

for (const eol of ['\n', '\r\n']) {
  describe(`layer → Dockerfile instruction (${eol === '\n' ? 'LF' : 'CRLF'})`, () => {
    const dockerfile = ['FROM layerwise-test/busybox:latest', '# build the two files', 'RUN echo one > /one', 'ENV MODE=fast', 'COPY hello.txt /hello.txt', 'RUN echo two \\', '  > /two', ''].join(eol);
    const history = buildkitHistory(['RUN /bin/sh -c echo one > /one', 4], ['ENV MODE=fast', 0], ['COPY hello.txt /hello.txt', 6], ['RUN /bin/sh -c echo two   > /two', 4]);

    it('maps every step the file made to its line; the base image\'s own layer to nothing', () => {
      assert.deepEqual(lines(mapLayersToDockerfile(dockerfile, history, { requireMatch: false })), ['1:RUN@3', '2:ENV@4', '3:COPY@5', '4:RUN@6']);
    });

    it('without a build record, the history must be the file\'s: it is, so it maps', () => {
      assert.deepEqual(lines(mapLayersToDockerfile(dockerfile, history, { requireMatch: true })), ['1:RUN@3', '2:ENV@4', '3:COPY@5', '4:RUN@6']);
    });

    it('another file\'s history does not match, and nothing is linked', () => {
      const other = ['FROM layerwise-test/busybox:latest', 'RUN echo other > /one', 'ENV MODE=fast', 'COPY hello.txt /hello.txt', 'RUN echo two > /two'].join(eol);
      assert.equal(mapLayersToDockerfile(other, history, { requireMatch: true }), undefined);
    });

    it('a file edited since our build still links its instructions, marked changed', () => {
      const edited = dockerfile.replace('echo one > /one', 'echo uno > /one');
      assert.deepEqual(lines(mapLayersToDockerfile(edited, history, { requireMatch: false })), ['1:RUN@3*', '2:ENV@4', '3:COPY@5', '4:RUN@6']);
    });

    it('a target stage: its chain, through the stage it is built on', () => {
      const multi = ['FROM layerwise-test/busybox:latest AS base', 'RUN echo base > /base', 'FROM base AS test', 'RUN echo test > /test', 'FROM base AS release', 'COPY app /app', ''].join(eol);
      const testHistory = buildkitHistory(['RUN /bin/sh -c echo base > /base', 5], ['RUN /bin/sh -c echo test > /test', 5]);
      assert.deepEqual(lines(mapLayersToDockerfile(multi, testHistory, { target: 'Test', requireMatch: false })), ['1:RUN@2', '2:RUN@4']);
      // Matched by history alone, the stage that was built is found among them.
      assert.deepEqual(lines(mapLayersToDockerfile(multi, testHistory, { requireMatch: true })), ['1:RUN@2', '2:RUN@4']);
    });

    it('instructions after a here-document are on the lines the parser says, not the here-document\'s', () => {
      const heredoc = ['FROM layerwise-test/busybox:latest', 'COPY <<EOF /etc/motd', 'RUN not an instruction', 'EOF', 'RUN echo after > /after', ''].join(eol);
      const heredocHistory = buildkitHistory(['COPY <<EOF /etc/motd', 24], ['RUN /bin/sh -c echo after > /after', 6]);
      assert.deepEqual(lines(mapLayersToDockerfile(heredoc, heredocHistory, { requireMatch: false })), ['1:COPY@2', '2:RUN@5']);
    });

    it('a linked layer says where it comes from in its tooltip', () => {
      const layers = shapeLayers(history, 'sha256:img', 'app:1', NOW);
      const located = mapLayersToDockerfile(dockerfile, history, { requireMatch: false })!.get(4)!;
      const linked = withSource(layers[4]!, { ...located, uri: 'file:///w/app/Dockerfile', path: 'app/Dockerfile', how: 'build' });
      assert.equal(linked.source?.uri, 'file:///w/app/Dockerfile');
      assert.deepEqual([linked.source?.startLine, linked.source?.endLine], [5, 6]);
      assert.match(tooltipText(linked)!, /Made by `RUN` on lines 6–7 of `app\/Dockerfile` \(built here by Layerwise\); click to open it\.$/);
    });
  });
}
