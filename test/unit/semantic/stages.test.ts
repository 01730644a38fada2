// Stages: names, bases (scratch, earlier stage, image), and every place that names a stage.
import { strict as assert } from 'node:assert';
import { analyzeText, parseImageReference } from '../../../server/src/dockerfile';
import { EOLS, marked } from '../parser/support/markers';

describe('semantic model: stages', () => {
  it('numbers stages, lower-cases names and resolves bases', () => {
    const { model } = analyzeText('ARG BASE=alpine:3.20\nFROM $BASE AS Build\nFROM scratch\nFROM build AS final\nFROM other/image:1@sha256:' + 'a'.repeat(64));
    assert.deepEqual(
      model.stages.map((stage) => [stage.index, stage.name, stage.base.kind]),
      [
        [0, 'build', 'image'],
        [1, undefined, 'scratch'],
        [2, 'final', 'stage'],
        [3, undefined, 'image'],
      ],
    );
    const base = model.stages[0].base;
    assert.ok(base.kind === 'image');
    assert.equal(base.reference.normalized, 'docker.io/library/alpine:3.20');
    const parent = model.stages[2].base;
    assert.ok(parent.kind === 'stage' && parent.stageIndex === 0);
  });

  it('a base that depends on an unknown value is unknown, not guessed', () => {
    const { model } = analyzeText('FROM --platform=$BUILDPLATFORM golang:${GO}');
    assert.deepEqual(model.stages[0].base, { kind: 'image', reference: parseImageReference('golang:') });
  });

  for (const [eolName, eol] of EOLS) {
    it(`${eolName}: locates FROM, COPY --from and RUN --mount from= stage references`, () => {
      const { text, ranges } = marked(
        'FROM alpine AS build\nFROM ⟦build⟧\nCOPY --from=⟦build⟧ /a /b\nCOPY --from=⟦0⟧ /a /b\nRUN --mount=type=cache,from=⟦build⟧,target=/c make\nCOPY --from=⟦nginx:1⟧ /x /y',
        eol,
      );
      const { model } = analyzeText(text);
      const references = model.stageReferences.filter((reference) => reference.start > text.indexOf('\n'));
      assert.deepEqual(
        references.map((reference) => ({ start: reference.start, end: reference.end })),
        ranges,
      );
      assert.deepEqual(
        references.map((reference) => [reference.kind, reference.stageIndex]),
        [
          ['from', 0],
          ['copy-from', 0],
          ['copy-from', 0],
          ['mount-from', 0],
          ['copy-from', undefined],
        ],
      );
    });
  }

  for (const [eolName, eol] of EOLS) {
    it(`${eolName}: locates references in flag values with quotes anywhere in them, and in JSON strings with escapes`, () => {
      const { text, ranges } = marked(
        'FROM alpine AS build\nFROM x\nARG V=1\nRUN --mount=type=cache,target="/c/$⟦V⟧",from=⟦build⟧ x\nCOPY --chown="a"b$⟦V⟧ ["\\u0041\\"${⟦V⟧}", "/d"]',
        eol,
      );
      const { model } = analyzeText(text);
      const names = [...model.references.map((reference) => reference.nameSpan), ...model.stageReferences.filter((reference) => reference.kind === 'mount-from')];
      assert.deepEqual(
        names.map((span) => ({ start: span.start, end: span.end })).sort((a, b) => a.start - b.start),
        ranges,
      );
    });
  }

  it('finds a stage defined later (BuildKit does); reports an index out of range and --from with a variable', () => {
    const { model } = analyzeText('FROM x AS a\nCOPY --from=b /x /y\nCOPY --from=7 /x /y\nCOPY --from=$S /x /y\nFROM x AS b');
    assert.deepEqual(
      model.problems.map((problem) => problem.code),
      ['stage-index-out-of-range', 'copy-from-variable'],
    );
    assert.deepEqual(model.stageReferences.filter((reference) => reference.kind === 'copy-from').map((reference) => reference.stageIndex), [1, undefined]);
  });

  it('reports the references that close a cycle between stages (BuildKit: circular dependency)', () => {
    const { model } = analyzeText('FROM x AS s0\nCOPY --from=s2 f /\nFROM x AS s1\nCOPY --from=s0 f /\nFROM x AS s2\nCOPY --from=s1 f /\nFROM s2 AS s3\nCOPY --from=s1 f /');
    assert.deepEqual(
      model.problems.map((problem) => [problem.code, model.ast.text.slice(problem.start, problem.end)]),
      [
        ['stage-cycle', 's2'],
        ['stage-cycle', 's0'],
        ['stage-cycle', 's1'],
      ],
    );
    assert.match(model.problems[0].message, /This copy from s2, which depends on this stage, makes a cycle/);
  });

  it('reports a stage copying or mounting from itself, by name or index', () => {
    const { model } = analyzeText('FROM x AS build\nCOPY --from=Build /x /y\nRUN --mount=from=build,target=/m true\nCOPY --from=0 /x /y\nFROM x\nCOPY --from=build /x /y');
    assert.deepEqual(
      model.problems.map((problem) => [problem.code, problem.message]),
      [
        ['stage-cycle', 'A stage cannot copy from itself (Build): BuildKit fails with "circular dependency detected". Name another stage.'],
        ['stage-cycle', 'A stage cannot mount from itself (build): BuildKit fails with "circular dependency detected". Name another stage.'],
        ['stage-cycle', 'A stage cannot copy from itself (0): BuildKit fails with "circular dependency detected". Name another stage.'],
      ],
    );
    assert.deepEqual(
      model.stageReferences.filter((reference) => reference.kind !== 'from').map((reference) => reference.stageIndex),
      [0, 0, 0, 0],
    );
  });

  it('finds the stages ONBUILD triggers name, once, without reporting for them', () => {
    const { model } = analyzeText('FROM scratch AS build\nFROM scratch AS base\nONBUILD COPY --from=build /a /b\nONBUILD RUN --mount=from=later,target=/m true\nFROM base\nFROM base AS later');
    const inTriggers = model.stageReferences.filter((reference) => reference.kind !== 'from');
    assert.deepEqual(
      inTriggers.map((reference) => [reference.kind, reference.name, reference.stageIndex, reference.instruction.name]),
      [
        ['copy-from', 'build', 0, 'COPY'],
        ['mount-from', 'later', 3, 'RUN'],
      ],
    );
    assert.deepEqual(model.problems, []);
  });

  it('reports FROM with a wrong shape and an invalid stage name', () => {
    const { model } = analyzeText('FROM a b\nFROM x AS 9lives');
    assert.deepEqual(
      model.problems.map((problem) => problem.code),
      ['from-arguments', 'invalid-stage-name'],
    );
  });

  it('classifies what instructions do to the image', () => {
    const { model } = analyzeText('FROM x\nARG A\nRUN a\nCOPY a b\nENV A=1\nWORKDIR /\nWORKDIR /app\nCMD x');
    assert.deepEqual(
      model.instructions.map((facts) => `${facts.instruction.name}:${facts.effect}`),
      ['FROM:build', 'ARG:build', 'RUN:layer', 'COPY:layer', 'ENV:config', 'WORKDIR:config', 'WORKDIR:layer', 'CMD:config'],
    );
  });
});

describe('image references', () => {
  const cases: [string, Partial<ReturnType<typeof parseImageReference>>][] = [
    ['alpine', { registry: undefined, repository: 'alpine', tag: undefined, normalized: 'docker.io/library/alpine:latest', error: undefined }],
    ['alpine:3.20', { tag: '3.20', normalized: 'docker.io/library/alpine:3.20' }],
    ['ghcr.io/org/app:1.0', { registry: 'ghcr.io', repository: 'org/app', tag: '1.0', normalized: 'ghcr.io/org/app:1.0' }],
    ['localhost:5000/app', { registry: 'localhost:5000', repository: 'app', tag: undefined }],
    ['org/app@sha256:' + 'b'.repeat(64), { repository: 'org/app', tag: undefined, digest: 'sha256:' + 'b'.repeat(64), normalized: 'docker.io/org/app@sha256:' + 'b'.repeat(64) }],
    ['Alpine', { error: 'the repository name must be lowercase ("Alpine")' }],
    ['alpine:', { error: 'invalid tag "": use letters, digits, _ . - (at most 128, not starting with . or -)' }],
  ];
  for (const [text, expected] of cases) {
    it(text, () => {
      const reference = parseImageReference(text);
      for (const [key, value] of Object.entries(expected)) assert.equal(reference[key as keyof typeof reference], value, key);
    });
  }
});
