// Analysing a new version of a document from the analysis of the previous one (analyzeText's
// `previous`: parse and semantic model keep what lies before the first changed character) gives
// exactly what analysing the new text from scratch gives: BuildKit's dump, the tree with every
// range, the problems, stages, variables, references with their definitions and values, stage
// references, instruction facts, and what the lint finds. Random edits (insertions, deletions,
// replacements anywhere: here-documents, continuations, directives, the first FROM, stage names,
// CRLF) applied one after the other to generated files and to the real-world corpus.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyzeText, dumpBuildkit, type DockerfileDocument } from '../../../server/src/dockerfile';
import { lintDocument, type Finding, type LintResult } from '../../../server/src/dockerfile/rules';
import { ShellCache } from '../../../server/src/dockerfile/shell/cache';
import { realDockerfiles } from '../corpus/support/corpus';

const shells = new ShellCache();
const config = {};

/** Everything a feature reads, with identities turned into indexes (so that a kept object that points at a stale one shows). */
function snapshot(document: DockerfileDocument): unknown {
  const { ast, model } = document;
  const instructionIndex = new Map(ast.instructions.map((instruction, index) => [instruction, index]));
  const at = (instruction: unknown): number | string | undefined => (instruction === undefined ? undefined : (instructionIndex.get(instruction as never) ?? 'not in the tree'));
  const variableIndex = new Map(model.variables.map((variable, index) => [variable, index]));
  const variable = (definition: unknown): number | string | undefined => (definition === undefined ? undefined : (variableIndex.get(definition as never) ?? 'not in the model'));
  const located = (value: { start: number; end: number; range: unknown } | undefined) => value && { start: value.start, end: value.end, range: value.range };
  return JSON.parse(
    JSON.stringify({
      dump: dumpBuildkit(ast),
      lineStarts: Array.from(ast.lines.lineStarts),
      instructions: ast.instructions,
      comments: ast.comments,
      directives: ast.directives,
      parseProblems: ast.problems,
      escapeChar: ast.escapeChar,
      hasBom: ast.hasBom,
      syntax: ast.syntax,
      stages: model.stages.map((stage) => ({
        ...located(stage),
        index: stage.index,
        name: stage.name,
        nameToken: located(stage.nameToken),
        from: at(stage.from),
        instructions: stage.instructions.map(at),
        baseName: stage.baseName,
        base: stage.base,
        platform: stage.platform,
      })),
      globalVariables: model.globalVariables.map(variable),
      variables: model.variables.map((definition) => ({
        name: definition.name,
        kind: definition.kind,
        stageIndex: definition.stageIndex,
        instruction: at(definition.instruction),
        nameToken: located(definition.nameToken),
        valueToken: located(definition.valueToken),
        value: definition.value,
        source: definition.source,
      })),
      references: model.references.map((reference) => ({
        ...located(reference),
        name: reference.name,
        nameSpan: located(reference.nameSpan),
        braced: reference.braced,
        operator: reference.operator,
        context: reference.context,
        instruction: at(reference.instruction),
        stageIndex: reference.stageIndex,
        definition: variable(reference.definition),
        value: reference.value,
      })),
      stageReferences: model.stageReferences.map((reference) => ({
        ...located(reference),
        kind: reference.kind,
        name: reference.name,
        instruction: at(reference.instruction),
        stageIndex: reference.stageIndex,
      })),
      facts: model.instructions.map((facts) => ({
        instruction: at(facts.instruction),
        stageIndex: facts.stageIndex,
        effect: facts.effect,
        expandedArgs: facts.expandedArgs,
        expandedPairs: facts.expandedPairs,
        files: facts.files,
      })),
      problems: model.problems,
    }),
  );
}

function seen(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.rule.id} ${finding.severity} ${finding.start}-${finding.end} ${finding.message}`);
}

/**
 * Analyses each version from the previous one (and lints it from the previous lint, as the
 * server does) and from scratch; both must agree. `inspect[i]` false leaves version i unread, so
 * that what a kept node computes on demand is first computed after it was moved to a new text.
 */
function checkVersions(versions: readonly string[], inspect: readonly boolean[], label: string): void {
  checked.versions += versions.length - 1;
  let previous: DockerfileDocument | undefined;
  let previousLint: LintResult | undefined;
  versions.forEach((text, index) => {
    const incremental = analyzeText(text, {}, previous);
    const fresh = analyzeText(text);
    // Kept nodes read the new text: none of them keeps an earlier version alive.
    for (const located of [...incremental.ast.instructions, ...incremental.ast.comments, ...incremental.ast.problems, ...incremental.model.references, ...incremental.model.stages, ...incremental.model.problems]) {
      assert.equal((located as unknown as { source: { text: string } }).source.text, text, `${label}, version ${index + 1}: a kept node reads an earlier text`);
    }
    if (inspect[index] ?? true) {
      assert.deepEqual(snapshot(incremental), snapshot(fresh), `${label}, version ${index + 1}: ${JSON.stringify(text)}`);
      previousLint = lintDocument(incremental, config, shells, previousLint?.memory);
      assert.deepEqual(seen(previousLint.findings), seen(lintDocument(fresh, config, shells).findings), `${label}, version ${index + 1} (lint)`);
    }
    if (previous && previous.model.stages.length > 0 && incremental.model.stages[0] === previous.model.stages[0]) checked.stagesKept++;
    if (previous && previous.ast.instructions.length > 0 && incremental.ast.instructions[0] === previous.ast.instructions[0]) checked.instructionsKept++;
    previous = incremental;
  });
}

/** How many new versions were analysed, and how many kept instructions and stages: the properties must exercise what they check. */
const checked = { versions: 0, instructionsKept: 0, stagesKept: 0 };

function expectReuse(minimumShare: number): void {
  const { versions, instructionsKept, stagesKept } = checked;
  assert.ok(instructionsKept >= versions * minimumShare && stagesKept >= versions * minimumShare * 0.2, `too little kept to test: ${JSON.stringify(checked)}`);
  checked.versions = checked.instructionsKept = checked.stagesKept = 0;
}

// Lines of generated files: the first ones often, those that reach far (directives, here-documents, continuations) now and then.
const COMMON_LINES = [
  'ARG BASE=alpine:3.20',
  'ARG VERSION',
  'FROM ${BASE} AS build',
  'FROM build AS test',
  'FROM scratch',
  'FROM 0',
  'ENV A=1 B=$A',
  'ENV PLAIN=value',
  'ARG VERSION=2 OTHER',
  'RUN echo $A ${B:-x} > /tmp/$VERSION',
  'RUN apt-get update && apt-get install -y curl',
  'RUN rm -rf /tmp/x',
  'RUN --mount=type=cache,from=test,target=/c echo hi',
  'COPY --from=build /a /b',
  'COPY --from=later /a /b',
  'COPY --from=2 /a /b',
  'COPY . /src',
  'WORKDIR $A/app',
  'CMD echo $HOME',
  'HEALTHCHECK CMD curl $A',
  'LABEL a=$B b=c',
  'EXPOSE 80 $A',
  'FROM alpine AS later',
  'FROM ${BASE}',
  'USER nobody',
  'ARG STAGE=$TARGETSTAGE',
  'ARG STAGE',
  'RUN echo $STAGE',
];
const RARE_LINES = [
  '# syntax=docker/dockerfile:1',
  '# escape=`',
  '# check=skip=StageNameCasing',
  'RUN <<EOF',
  'RUN <<-"EOT" cat',
  'COPY <<EOF /dst',
  'echo $A in a here-document',
  'EOF',
  '\tEOT',
  'RUN echo continued \\',
  '  && echo more `',
  '# a comment',
  '',
  'ONBUILD COPY --from=build /a $A',
];
const LINES = [...COMMON_LINES, ...RARE_LINES];
const line = fc.oneof({ arbitrary: fc.constantFrom(...COMMON_LINES), weight: 6 }, { arbitrary: fc.constantFrom(...RARE_LINES), weight: 1 });

/**
 * Edits that change what a kept stage reads from the rest of the file: each chain of versions
 * must be analysed as from scratch (by stages, here-documents and directives it breaks).
 */
const CHAINS: readonly (readonly string[])[] = [
  // A forward reference whose stage is renamed, removed, then added again.
  ['FROM a AS one\nCOPY --from=later /a /b\nRUN echo\nFROM b AS later\nFROM c AS last\n', 'FROM a AS one\nCOPY --from=later /a /b\nRUN echo\nFROM b AS other\nFROM c AS last\n', 'FROM a AS one\nCOPY --from=later /a /b\nRUN echo\nFROM c AS last\n', 'FROM a AS one\nCOPY --from=later /a /b\nRUN echo\nFROM b AS later\nFROM c AS last\n'],
  // A numbered reference to a stage that stops (and starts again) existing.
  ['FROM a\nCOPY --from=1 /x /y\nRUN echo\nFROM b\n', 'FROM a\nCOPY --from=1 /x /y\nRUN echo\n', 'FROM a\nCOPY --from=1 /x /y\nRUN echo\nFROM b\n'],
  // The target stage (TARGETSTAGE, seen by a global ARG) renamed at the end, with the same stage names.
  ['ARG T=$TARGETSTAGE\nFROM a AS one\nARG T\nRUN echo $T\nFROM b AS two\nFROM c\n', 'ARG T=$TARGETSTAGE\nFROM a AS one\nARG T\nRUN echo $T\nFROM b AS two\nFROM c AS one\n', 'ARG T=$TARGETSTAGE\nFROM a AS one\nARG T\nRUN echo $T\nFROM b AS two\nFROM c AS two\n'],
  // References just after a kept stage (in the next FROM).
  ['ARG BASE=a\nFROM a AS one\nRUN x $BASE\nFROM ${BASE} AS two\nRUN y\n', 'ARG BASE=a\nFROM a AS one\nRUN x $BASE\nFROM ${BASE} AS two\nRUN y\nRUN z\n', 'ARG BASE=a\nFROM a AS one\nRUN x $BASE\nFROM ${BASE}:2 AS two\nRUN y\nRUN z\n'],
  // A stage's next FROM turned into another instruction, and back.
  ['FROM a AS one\nRUN x\nFROM b AS two\nRUN y\n', 'FROM a AS one\nRUN x\nRUN b AS two\nRUN y\n', 'FROM a AS one\nRUN x\nFROM b AS two\nRUN y\n'],
  // ONBUILD triggers run (and their references recorded) by a stage added at the end.
  ['FROM a AS base\nONBUILD RUN echo $X\nFROM base\nENV X=1\n', 'FROM a AS base\nONBUILD RUN echo $X\nFROM base\nENV X=1\nFROM base\n', 'FROM a AS base\nONBUILD RUN echo $X\nFROM base\nENV X=1\nFROM base\nENV X=2\n'],
  // A continuation, a here-document and a line without a line break, continued by the edit.
  ['FROM a\nRUN echo \\\n', 'FROM a\nRUN echo \\\n  two\n', 'FROM a\nRUN <<EOF\necho\n', 'FROM a\nRUN <<EOF\necho\nEOF\nRUN x\n', 'FROM a\nRUN x', 'FROM a\nRUN xy\n'],
  // The escape directive changed after the first instruction was read.
  ['# escape=`\nFROM a\nRUN echo `\n  b\n', '# escape=\\\nFROM a\nRUN echo `\n  b\n'],
  // A line too long for BuildKit is reported once, the first one: kept, then followed by another.
  [`FROM a\nRUN ${'x'.repeat(70_000)}\nRUN y\n`, `FROM a\nRUN ${'x'.repeat(70_000)}\nRUN y\nRUN ${'z'.repeat(70_000)}\n`, `FROM a\nRUN y\nRUN ${'z'.repeat(70_000)}\n`],
  // A byte order mark before everything.
  ['\ufeffFROM a\nRUN x\n', '\ufeffFROM a\nRUN x\nRUN y\n', 'FROM a\nRUN x\nRUN y\n'],
  // CR line breaks: a CR before the first changed character becomes a CRLF.
  ['FROM a\rRUN x\r\nRUN y\r', 'FROM a\rRUN x\r\nRUN y\r\n', 'FROM a\rRUN x\r\nRUN y\r\nRUN z\r\n'],
  // A FROM turned into an unknown instruction: its stage (and that stage's consecutive RUNs) is gone.
  [
    'ARG BASE=alpine:3.20\nFROM 0\nRUN apt-get update\nRUN rm -rf /tmp/x\nFROM build AS test\n',
    'ARG BASE=alpine:3.20\nFROM 0\nRUN apt-get update\nRUN rm -rf /tmp/x\nFROM build AS test\n',
    'ARG BASE=alpine:3.20\n\\FROM 0\nRUN apt-get update\nRUN rm -rf /tmp/x\nFROM build AS test\n',
  ],
  // An empty line added after an instruction's empty continuation lines: the instruction's text is
  // the same, what follows it is not.
  ['\\\n\n', '\\\n\n\n'],
];
const PIECES = ['FROM ', 'RUN ', 'AS ', 'x', ' ', '\n', '\r\n', '\r', '\\\n', '`\n', '\\', '`', '#', '# escape=`\n', '$', '${', '}', '"', "'", '<<EOF\n', 'EOF\n', '=', 'build', '--from=', '\t', '\u00a0'];

const edit = fc.record({
  // An offset as a share of the text (fc.double leans towards 0 and 1; this spreads over the file).
  at: fc.nat({ max: 10_000 }).map((share) => share / 10_000),
  remove: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 40 })),
  insert: fc.oneof(fc.constantFrom(...PIECES), fc.constantFrom(...LINES).map((line) => `${line}\n`), fc.constant('')),
  inspect: fc.boolean(),
});
type Edit = { at: number; remove: number; insert: string };

function apply(text: string, { at, remove, insert }: Edit): string {
  const offset = Math.floor(at * text.length);
  return text.slice(0, offset) + insert + text.slice(Math.min(text.length, offset + remove));
}

function versionsOf(first: string, edits: readonly (Edit & { inspect: boolean })[]): { versions: string[]; inspect: boolean[] } {
  const versions = [first];
  const inspect = [true];
  for (const change of edits) {
    versions.push(apply(versions[versions.length - 1], change));
    inspect.push(change.inspect);
  }
  // The last version is always compared.
  inspect[inspect.length - 1] = true;
  return { versions, inspect };
}

/**
 * Property runs: the default keeps the unit tier quick; LAYERWISE_PROPERTY_RUNS=N multiplies it
 * to look for rare failures locally (CI draws new random edits on every run).
 */
function runs(count: number): number {
  const factor = Number(process.env.LAYERWISE_PROPERTY_RUNS ?? 1);
  return Number.isFinite(factor) && factor > 1 ? Math.round(count * factor) : count;
}

describe('incremental analysis (parse and model kept from the previous version)', function () {
  this.timeout(120_000);

  for (const [index, chain] of CHAINS.entries()) {
    it(`edits that change what the kept part reads, ${index + 1} (LF and CRLF)`, () => {
      checkVersions(chain, [], `chain ${index + 1}`);
      checkVersions(
        chain.map((text) => text.replace(/\r?\n/g, '\r\n')),
        [],
        `chain ${index + 1}, CRLF`,
      );
      // Versions analysed one after the other without being read in between.
      checkVersions(chain, chain.map((_, at) => at === chain.length - 1), `chain ${index + 1}, unread`);
    });
  }

  it('on generated files, LF and CRLF, after random edits', () => {
    checked.versions = checked.instructionsKept = checked.stagesKept = 0;
    const file = fc.tuple(fc.array(line, { minLength: 1, maxLength: 25 }), fc.boolean()).map(([lines, crlf]) => lines.join(crlf ? '\r\n' : '\n') + (crlf ? '\r\n' : '\n'));
    fc.assert(
      fc.property(file, fc.array(edit, { minLength: 1, maxLength: 6 }), (text, edits) => {
        const { versions, inspect } = versionsOf(text, edits);
        checkVersions(versions, inspect, 'generated');
      }),
      { numRuns: runs(600) },
    );
    expectReuse(0.3);
  });

  it('edits at the end of a file keep the instructions and stages before them', () => {
    const lines = ['ARG BASE=debian:12', 'FROM ${BASE} AS build', 'ENV HOME_DIR=/app'];
    for (let index = 0; index < 300; index++) lines.push(index % 100 === 0 ? `FROM build AS stage${index}` : `RUN echo ${index} $HOME_DIR`);
    const text = `${lines.join('\n')}\n`;
    const first = analyzeText(text);
    const second = analyzeText(`${text}RUN echo edit\n`, {}, first);
    assert.equal(second.ast.instructions[lines.length - 1], first.ast.instructions[lines.length - 1]);
    assert.ok(second.model.stages.slice(0, -1).every((stage, index) => stage === first.model.stages[index]), 'the stages before the edited one are kept');
    assert.equal(second.model.references[0], first.model.references[0]);
    checkVersions([text, `${text}RUN echo edit\n`, `${text}RUN echo edit $HOME_DIR\n`, `${text}FROM build AS last\n`], [true, true, true, true], 'at the end');
  });

  const corpus = realDockerfiles();
  if (corpus.length === 0) {
    it('(NOT RUN on the corpus: ../shared/corpus/real is not here)', () => undefined);
    return;
  }
  it(`on the ${corpus.length} real-world Dockerfiles after random edits`, () => {
    // A spread of the corpus each run keeps the unit tier quick; every file when LAYERWISE_FULL_CORPUS is set.
    const files = process.env.LAYERWISE_FULL_CORPUS ? corpus : corpus.filter((_, index) => index % 4 === 0);
    checked.versions = checked.instructionsKept = checked.stagesKept = 0;
    for (const [name, text] of files) checkVersions([text, `${text}RUN echo appended\n`, text.replace(/\n[^\n]*\n?$/, '\n')], [true, true, true], name);
    fc.assert(
      fc.property(fc.nat({ max: corpus.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 4 }), (index, edits) => {
        const { versions, inspect } = versionsOf(corpus[index][1], edits);
        checkVersions(versions, inspect, corpus[index][0]);
      }),
      { numRuns: runs(150) },
    );
    expectReuse(0.3);
  });
});
