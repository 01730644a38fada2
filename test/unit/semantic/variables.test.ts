// Variable scoping as BuildKit applies it: each case puts the cursor (‸) on a reference and
// states the value it has there and which kind of definition it resolves to.
import { strict as assert } from 'node:assert';
import { analyzeText, hostPlatform, referenceAt, type AnalyzeOptions, type VariableKind, type VariableState } from '../../../server/src/dockerfile';
import { EOLS, marked } from '../parser/support/markers';

const linuxAmd64 = { build: { os: 'linux', architecture: 'amd64' }, target: { os: 'linux', architecture: 'amd64' } };

/** Stages s0 … s(n-1), each built FROM the one before; s0 sets A=1, each sets B to its number. */
function chain(stages: number): string {
  let text = 'FROM scratch AS s0\nENV A=1 B=0\n';
  for (let i = 1; i < stages; i++) text += `FROM s${i - 1} AS s${i}\nENV B=${i}\n`;
  return text;
}

const cases: {
  name: string;
  source: string;
  options?: AnalyzeOptions;
  value: VariableState['kind'] | string;
  definition?: VariableKind;
}[] = [
  { name: 'global ARG default in FROM', source: 'ARG V=3.20\nFROM alpine:${‸V}', value: '3.20', definition: 'arg' },
  { name: '--build-arg overrides the default', source: 'ARG V=3.20\nFROM alpine:$‸V', options: { buildArgs: { V: '3.19' } }, value: '3.19', definition: 'arg' },
  { name: 'global ARG without value is unset in FROM', source: 'ARG V\nFROM alpine:${‸V}', value: 'unset', definition: 'arg' },
  { name: 'a stage redeclares a global ARG to see it', source: 'ARG V=1\nFROM scratch\nARG V\nRUN echo $‸V', value: '1', definition: 'arg' },
  { name: 'a global ARG is not visible in a stage without ARG', source: 'ARG V=1\nFROM scratch\nRUN echo $‸V', value: 'unset' },
  { name: 'an undefined name may come from an external base image', source: 'FROM alpine\nRUN echo $‸HOME', value: 'unknown' },
  { name: 'ENV after ARG of the same name wins', source: 'FROM scratch\nARG A=1\nENV A=2\nRUN echo $‸A', value: '2', definition: 'env' },
  { name: 'pairs of one ENV see the environment before it', source: 'FROM scratch\nENV A=1\nENV A=2 B=$‸A', value: '1', definition: 'env' },
  { name: 'ENV is inherited from the parent stage', source: 'FROM scratch AS base\nENV A=1\nFROM base\nRUN echo $‸A', value: '1', definition: 'env' },
  { name: 'a sibling stage\'s ENV is not inherited', source: 'FROM scratch AS base\nENV A=1\nFROM base AS one\nENV A=2\nFROM base\nRUN echo $‸A', value: '1', definition: 'env' },
  { name: 'ENV from the first of twelve stages built one from another', source: `${chain(12)}RUN echo $‸A`, value: '1', definition: 'env' },
  { name: 'the nearest of twelve stages built one from another wins', source: `${chain(12)}RUN echo $‸B`, value: '11', definition: 'env' },
  { name: 'an ARG without value keeps what twelve stages set', source: `${chain(12)}ARG B\nRUN echo $‸B`, value: '11', definition: 'env' },
  { name: 'ARG values are not in the container environment', source: 'FROM scratch\nARG A=1\nCMD echo $‸A', value: 'unset' },
  { name: 'ENV values are in the container environment', source: 'FROM scratch\nENV A=1\nCMD echo ${‸A}', value: '1', definition: 'env' },
  { name: 'scratch images get the default PATH', source: 'FROM scratch\nRUN echo $‸PATH', value: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', definition: 'image' },
  { name: 'automatic platform ARGs with a known platform', source: 'FROM --platform=$‸BUILDPLATFORM x', options: { platform: linuxAmd64 }, value: 'linux/amd64', definition: 'automatic' },
  { name: 'automatic platform ARGs without a platform', source: 'FROM --platform=$‸BUILDPLATFORM x', value: 'unknown', definition: 'automatic' },
  { name: 'a default platform gives the automatic ARGs values', source: 'FROM alpine\nARG TARGETARCH\nRUN echo $‸TARGETARCH', options: { defaultPlatform: { os: 'linux', architecture: 'arm64' } }, value: 'arm64', definition: 'arg' },
  { name: 'an explicit platform wins over the default', source: 'FROM --platform=$‸TARGETPLATFORM x', options: { platform: linuxAmd64, defaultPlatform: { os: 'linux', architecture: 'arm64' } }, value: 'linux/amd64', definition: 'automatic' },
  { name: 'ONBUILD trigger replayed in a later stage: that stage\'s values', source: 'FROM scratch AS base\nONBUILD RUN echo $‸A\nFROM base\nENV A=late\nFROM base', value: 'unset' },
  { name: 'ONBUILD trigger sees the environment the child inherits', source: 'FROM scratch AS base\nENV A=1\nONBUILD ENV B=${‸A}2\nFROM base', value: '1', definition: 'env' },
  { name: 'ONBUILD trigger no stage runs: unknown', source: 'FROM scratch\nARG A=1\nONBUILD RUN echo ${‸A}', value: 'unknown' },
  { name: 'a stage ARG default sees earlier ENV', source: 'FROM scratch\nENV A=x\nARG B=${A}y\nRUN echo $‸B', value: 'xy', definition: 'arg' },
  { name: 'ARG in a stage default is expanded', source: 'FROM scratch\nARG A=1\nARG B=${A:-2}\nLABEL l=$‸B', value: '1', definition: 'arg' },
  { name: 'proxy ARGs reach RUN when given', source: 'FROM scratch\nRUN curl $‸HTTP_PROXY', options: { buildArgs: { HTTP_PROXY: 'http://p' } }, value: 'http://p' },
  { name: 'reference inside a default', source: 'FROM scratch\nENV A=1\nENV B=${C:-$‸A}', value: '1', definition: 'env' },
  { name: 'reference on a continuation line', source: 'FROM scratch\nENV A=1\nRUN echo \\\n  $‸A', value: '1', definition: 'env' },
  { name: 'reference in a heredoc body', source: 'FROM scratch\nENV A=1\nRUN <<EOF\necho $‸A\nEOF', value: '1', definition: 'env' },
];

describe('semantic model: variables', () => {
  for (const [eolName, eol] of EOLS) {
    for (const testCase of cases) {
      it(`${eolName}: ${testCase.name}`, () => {
        const { text, cursor } = marked(testCase.source, eol);
        const { model } = analyzeText(text, testCase.options);
        const reference = referenceAt(model, cursor ?? -1);
        assert.ok(reference, `no reference at the cursor; references: ${model.references.map((r) => r.name)}`);
        const state = reference.value;
        assert.equal(state.kind === 'set' ? state.value : state.kind, testCase.value);
        assert.equal(reference.definition?.kind, testCase.definition);
        assert.equal(text.slice(reference.nameSpan.start, reference.nameSpan.end), reference.name);
      });
    }
  }

  it('expands ENV values the way BuildKit does: quotes removed, escapes applied, single quotes literal', () => {
    const { model } = analyzeText('FROM scratch\nENV A=1 B="x $A" C=\'$A\' D=\\$A E=a\\ b');
    const env = model.instructions[1].expandedPairs.map((pair) => [pair.key.value, pair.value?.value]);
    assert.deepEqual(env, [
      ['A', '1'],
      ['B', 'x '],
      ['C', '$A'],
      ['D', '$A'],
      ['E', 'a b'],
    ]);
    assert.deepEqual(
      model.references.map((reference) => reference.name),
      ['A'],
      'no reference inside single quotes or after \\$',
    );
  });

  it('keeps unknown values visible rather than guessing', () => {
    const { model } = analyzeText('FROM alpine\nENV B=${HOME}/bin');
    const value = model.instructions[1].expandedPairs[0].value;
    assert.deepEqual({ ...value }, { value: '${HOME}/bin', unknown: true, error: undefined });
  });

  it('reports a substitution BuildKit rejects', () => {
    const { model } = analyzeText('FROM scratch\nENV A=${:x}\nENV B="${C:?C must be set}"');
    assert.deepEqual(
      model.problems.map((problem) => [problem.code, text(problem.message)]),
      [
        ['substitution-error', 'bad substitution'],
        ['substitution-error', 'C: C must be set'],
      ],
    );
    function text(message: string): string {
      return message.includes('bad substitution') ? 'bad substitution' : message.slice(0, message.indexOf(' in '));
    }
  });

  it('reports a trigger word that cannot be expanded where a stage runs it, once, on the trigger', () => {
    const problems = (text: string) => analyzeText(text).model.problems.map((problem) => [problem.code, text.slice(problem.start, problem.end)]);
    assert.deepEqual(problems('FROM scratch AS one\nONBUILD LABEL A=b1"\nFROM one\nFROM one\n'), [['substitution-error', '"']]);
    // No stage here runs it: this file builds (an image built FROM it will not).
    assert.deepEqual(problems('FROM scratch AS one\nONBUILD LABEL A=b1"\n'), []);
    assert.deepEqual(problems('FROM scratch AS one\nONBUILD LABEL A=$B"\n'), [], 'replayed for its references only');
  });

  it('records each ONBUILD trigger reference once, however many stages run it', () => {
    const { model } = analyzeText('FROM scratch AS base\nONBUILD LABEL v=$V\nFROM base\nFROM base');
    assert.deepEqual(
      model.references.map((reference) => [reference.name, reference.instruction.name, reference.stageIndex]),
      [['V', 'LABEL', 1]],
    );
  });

  it('lists references in source order when a replayed trigger records one above its stage', () => {
    // The FROM's $BASE (line 4) is recorded before the trigger's $V (line 3), which the stage replays.
    const { model } = analyzeText('ARG BASE=base\nFROM scratch AS base\nONBUILD LABEL v=$V\nFROM $BASE\nRUN echo $W');
    assert.deepEqual(
      model.references.map((reference) => [reference.name, reference.range.start.line]),
      [['V', 2], ['BASE', 3], ['W', 4]],
    );
  });

  it('maps Node\'s platform names to BuildKit\'s', () => {
    assert.deepEqual(
      [hostPlatform('linux', 'x64'), hostPlatform('darwin', 'arm64'), hostPlatform('linux', 'arm'), hostPlatform('aix', 'ppc64'), hostPlatform('linux', 'sparc')],
      [{ os: 'linux', architecture: 'amd64' }, { os: 'linux', architecture: 'arm64' }, { os: 'linux', architecture: 'arm', variant: 'v7' }, undefined, undefined],
    );
  });

  it('links every reference to its definition', () => {
    const { model } = analyzeText('ARG V=1\nFROM x:$V\nARG V\nRUN echo $V ${V}');
    const global = model.variables.find((definition) => definition.kind === 'arg' && definition.stageIndex === undefined);
    const local = model.variables.find((definition) => definition.kind === 'arg' && definition.stageIndex === 0);
    assert.deepEqual(
      model.references.map((reference) => reference.definition),
      [global, local, local],
    );
    assert.equal(local?.source, 'global');
  });

  // An instruction on one line is split and expanded in place in the source: nothing after its
  // end may count, whatever the next line starts with.
  describe('reads an instruction on one line only up to its end', () => {
    const lines = [
      "RUN echo 'open quote $A",
      'RUN echo ${A',
      'RUN echo ${#',
      'RUN echo $',
      "COPY --chown=$U 'x $A",
      'COPY ${A:-x',
      "ENV B='open $A",
      'ENV B=${A',
      'WORKDIR $A/${',
      "RUN echo \\'x $A",
      // Exec forms that are not JSON: the reason quotes what stands there, not the next line.
      'CMD [1 x',
      'ENTRYPOINT ["a" b',
      'COPY ["a", 1',
      'HEALTHCHECK CMD ["x" ',
    ];
    const followers = ["'$A'", '}', '-x}', "A}'", 'B=1', '<<EOF'];
    const summary = (text: string, line: number) => {
      const { ast, model } = analyzeText(text);
      const inLine = <T extends { range: { start: { line: number } } }>(items: readonly T[]) => items.filter((item) => item.range.start.line === line);
      const instruction = ast.instructions.find((candidate) => candidate.range.start.line === line);
      return JSON.parse(
        JSON.stringify({
          instruction,
          references: inLine(model.references).map((reference) => [reference.name, reference.range, reference.value]),
          problems: inLine([...ast.problems, ...model.problems]).map((problem) => [problem.code, problem.range]),
          facts: model.instructions.find((facts) => facts.instruction === instruction)?.expandedArgs,
        }),
      );
    };
    for (const line of lines) {
      for (const follower of followers) {
        it(`${line} followed by ${follower}`, () => {
          const alone = summary(`FROM scratch\nENV A=1\n${line}`, 2);
          assert.deepEqual(summary(`FROM scratch\nENV A=1\n${line}\nRUN ${follower}`, 2), alone);
          assert.deepEqual(summary(`FROM scratch\nENV A=1\n${line}\n${follower}`, 2), alone);
        });
      }
    }
  });
});
