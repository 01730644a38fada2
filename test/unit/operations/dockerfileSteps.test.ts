import { strict as assert } from 'node:assert';
import {
  estimatedBuildkitSteps,
  instructionAtLine,
  instructionForBuildkitVertex,
  instructionForClassicStep,
  readBuildDockerfile,
} from '../../../client/src/engine/operations/dockerfileSteps';

const dockerfile = [
  '# syntax-less file',
  'ARG VERSION=1',
  'FROM busybox:1.36 AS Build',
  'ENV A=1',
  'WORKDIR /src',
  'RUN echo one \\',
  '  # a comment inside the continuation',
  '',
  '  && echo two',
  'COPY . .',
  'FROM build',
  'LABEL x=y',
  'RUN make',
  'FROM scratch',
  'COPY --from=build /src/out /out',
];

for (const eol of ['\n', '\r\n']) {
  describe(`Dockerfile steps (${eol === '\n' ? 'LF' : 'CRLF'})`, () => {
    const text = dockerfile.join(eol);

    it('splits logical instructions across continuations, comments and blank lines', () => {
      const { instructions } = readBuildDockerfile(text);
      assert.deepEqual(
        instructions.map((instruction) => [instruction.keyword, instruction.startLine, instruction.endLine]),
        [['ARG', 1, 1], ['FROM', 2, 2], ['ENV', 3, 3], ['WORKDIR', 4, 4], ['RUN', 5, 8], ['COPY', 9, 9], ['FROM', 10, 10], ['LABEL', 11, 11], ['RUN', 12, 12], ['FROM', 13, 13], ['COPY', 14, 14]],
      );
      assert.equal(instructions[4]!.args, 'echo one   && echo two');
    });

    it('names stages as BuildKit does (lower case)', () => {
      assert.deepEqual(readBuildDockerfile(text).stages.map((stage) => [stage.index, stage.name, stage.base]), [[0, 'build', 'busybox:1.36'], [1, undefined, 'build'], [2, undefined, 'scratch']]);
    });

    const vertexes: Array<[string, number | undefined]> = [
      ['[build 1/4] FROM docker.io/library/busybox:1.36', 2],
      ['[build 2/4] WORKDIR /src', 4],
      ['[build 3/4] RUN echo one     && echo two', 5],
      ['[build 4/4] COPY . .', 9],
      ['[stage-1 1/1] RUN make', 12],
      ['[stage-2 1/1] COPY --from=build /src/out /out', 14],
      ['[linux/amd64 stage-1 1/1] RUN make', 12],
      ['[internal] load build context', undefined],
      ['exporting to image', undefined],
      ['[build 9/9] RUN nothing', undefined],
    ];
    for (const [name, line] of vertexes) {
      it(`maps the vertex "${name}" to ${line === undefined ? 'no line' : `line ${line + 1}`}`, () => {
        assert.equal(instructionForBuildkitVertex(readBuildDockerfile(text), name)?.startLine, line);
      });
    }

    it('maps an unnamed single stage ("[2/3] RUN …")', () => {
      const single = ['FROM busybox', 'ENV X=1', 'RUN a', 'RUN b'].join(eol);
      assert.equal(instructionForBuildkitVertex(readBuildDockerfile(single), '[3/3] RUN b')?.startLine, 3);
    });

    it('maps classic "Step k/n" lines, which count every instruction', () => {
      assert.equal(instructionForClassicStep(readBuildDockerfile(text), 'Step 5/11 : RUN echo one && echo two')?.startLine, 5);
      assert.equal(instructionForClassicStep(readBuildDockerfile(text), 'Step 1/11 : ARG VERSION=1')?.startLine, 1);
    });

    it('honours the escape directive', () => {
      const windows = ['# escape=`', 'FROM busybox', 'RUN echo a `', '  b', 'RUN c:\\path'].join(eol);
      assert.deepEqual(readBuildDockerfile(windows).instructions.map((instruction) => [instruction.keyword, instruction.startLine, instruction.endLine]), [['FROM', 1, 1], ['RUN', 2, 3], ['RUN', 4, 4]]);
    });

    it('with `# escape=`: a trailing backslash is a path, a backquote continues, and the steps still count', () => {
      const windows = ['# escape=`', 'FROM busybox AS win', 'WORKDIR c:\\', 'RUN echo a `', '  # dropped `', '  b', 'COPY c:\\src\\ c:\\dst\\', 'RUN done'].join(eol);
      const dockerfile = readBuildDockerfile(windows);
      assert.deepEqual(dockerfile.instructions.map((instruction) => [instruction.keyword, instruction.startLine, instruction.endLine]), [['FROM', 1, 1], ['WORKDIR', 2, 2], ['RUN', 3, 5], ['COPY', 6, 6], ['RUN', 7, 7]]);
      assert.equal(dockerfile.instructions[2]!.args, 'echo a   b');
      assert.equal(instructionForBuildkitVertex(dockerfile, '[win 4/5] COPY c:\\src\\ c:\\dst\\')?.startLine, 6);
      assert.equal(instructionForBuildkitVertex(dockerfile, '[win 5/5] RUN done')?.startLine, 7);
      assert.equal(instructionForClassicStep(dockerfile, 'Step 4/5 : COPY c:\\src\\ c:\\dst\\')?.startLine, 6);
    });

    it('a directive-like comment ends the directives: a later `# escape=` is a comment', () => {
      const text = ['# owner=platform-team', '# escape=`', 'FROM busybox', 'RUN echo one # ends in a backquote `', 'RUN exit 6'].join(eol);
      const dockerfile = readBuildDockerfile(text);
      assert.deepEqual(dockerfile.instructions.map((instruction) => [instruction.keyword, instruction.startLine, instruction.endLine]), [['FROM', 2, 2], ['RUN', 3, 3], ['RUN', 4, 4]]);
      assert.equal(instructionForBuildkitVertex(dockerfile, '[3/3] RUN exit 6')?.startLine, 4);
    });

    it('here-documents belong to their instruction: lines inside them are not instructions', () => {
      const heredocs = [
        'FROM busybox AS build',
        'RUN <<EOF',
        'echo one',
        'RUN not-an-instruction',
        'FROM not-a-stage',
        'EOF',
        'COPY <<A <<B /out/',
        'WORKDIR inside-a',
        'A',
        'ARG INSIDE_B',
        'B',
        'ARG VERSION=1',
        'RUN make',
      ].join(eol);
      const dockerfile = readBuildDockerfile(heredocs);
      assert.deepEqual(dockerfile.instructions.map((instruction) => [instruction.keyword, instruction.startLine, instruction.endLine]), [['FROM', 0, 0], ['RUN', 1, 5], ['COPY', 6, 10], ['ARG', 11, 11], ['RUN', 12, 12]]);
      assert.deepEqual(dockerfile.stages.map((stage) => stage.name), ['build']);
      assert.deepEqual(dockerfile.buildArgs, ['VERSION']);
      assert.equal(instructionForBuildkitVertex(dockerfile, '[build 2/4] RUN <<EOF echo one')?.startLine, 1);
      assert.equal(instructionForBuildkitVertex(dockerfile, '[build 3/4] COPY <<A <<B /out/')?.startLine, 6);
      assert.equal(instructionForBuildkitVertex(dockerfile, '[build 4/4] RUN make')?.startLine, 12);
      assert.equal(instructionForClassicStep(dockerfile, 'Step 5/5 : RUN make')?.startLine, 12);
      // A parse error that names a line inside a here-document points at its instruction.
      assert.equal(instructionAtLine(dockerfile, 3)?.startLine, 1);
      assert.equal(estimatedBuildkitSteps(dockerfile), 4);
    });
  });
}
