// What RUN instructions visibly create and delete, for the layer-waste rules: paths made
// absolute with the WORKDIR (followed through `cd`), variables substituted when known.
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../server/src/dockerfile';

const cases: { name: string; dockerfile: string; created: string[]; deleted: string[] }[] = [
  {
    name: 'download, unpack, delete in one RUN',
    dockerfile: 'FROM scratch\nRUN curl -fsSL -o /tmp/app.tgz https://x/app.tgz && tar -xzf /tmp/app.tgz -C /opt && rm -f /tmp/app.tgz',
    created: ['/tmp/app.tgz', '/opt'],
    deleted: ['/tmp/app.tgz'],
  },
  {
    name: 'relative paths follow WORKDIR and cd',
    dockerfile: 'FROM scratch\nWORKDIR /src\nRUN mkdir -p build && cd build && touch out.o ../notes && rm -rf ./tmp',
    created: ['/src/build', '/src/build/out.o', '/src/notes'],
    deleted: ['/src/build/tmp'],
  },
  {
    name: 'redirections, dd, mv, wget and variables',
    dockerfile: 'FROM scratch\nENV DIR=/data\nRUN echo hi > $DIR/a.txt 2>/dev/null; dd if=/dev/zero of=${DIR}/big bs=1M count=100; mv /data/a.txt /data/b.txt; wget -q -O- http://x | sh; wget -O /w http://y',
    created: ['/data/a.txt', '/data/big', '/data/b.txt', '/w'],
    deleted: ['/data/a.txt'],
  },
  {
    name: 'quoted paths, continuation lines, comments and apt lists',
    dockerfile: 'FROM scratch\nRUN apt-get update \\\n  # clean up after\n  && rm -rf "/var/lib/apt/lists/"* \'/my dir\'',
    created: [],
    deleted: ['/var/lib/apt/lists/*', '/my dir'],
  },
  {
    name: 'relative paths under an unknown WORKDIR stay relative; git clone names its directory',
    dockerfile: 'FROM alpine\nRUN git clone --depth 1 https://github.com/org/repo.git && touch file',
    created: ['repo', 'file'],
    deleted: [],
  },
  {
    name: 'a here-document script',
    dockerfile: 'FROM scratch\nRUN <<EOF\nset -e\ntouch /made\nrm /removed\nEOF',
    created: ['/made'],
    deleted: ['/removed'],
  },
];

describe('semantic model: files RUN creates and deletes', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const { model } = analyzeText(testCase.dockerfile);
      const run = model.instructions.find((facts) => facts.instruction.name === 'RUN');
      assert.ok(run);
      assert.deepEqual(run.files, { created: testCase.created, deleted: testCase.deleted });
    });
  }

  it('each RUN reads the variables as they were at that RUN, in its own stage, whenever its files are asked', () => {
    const { model } = analyzeText(
      'FROM scratch AS base\nENV D=/one\nRUN rm $D/a\nENV D=/two\nARG E=/e\nRUN rm $D/b ${E}/c\nFROM base\nENV D=/three\nRUN rm $D/d\nFROM base\nRUN rm $D/e',
    );
    const runs = model.instructions.filter((facts) => facts.instruction.name === 'RUN');
    // Asked last to first: the answers must not depend on the analysis having moved on.
    const deleted = runs.reverse().map((facts) => facts.files.deleted).reverse();
    assert.deepEqual(deleted, [['/one/a'], ['/two/b', '/e/c'], ['/three/d'], ['/two/e']]);
  });
});
