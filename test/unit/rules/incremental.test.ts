// Linting a new version with what the lint of the previous version left (LintMemory) finds
// exactly what linting it from scratch finds — same rules, ranges, messages, severities, related
// places and fixes — whatever the edit: appended, changed, inserted or deleted lines, a new
// last stage (which changes the stages that ship), pragmas that switch rules off. On small
// files written here (LF and CRLF) and, when ../shared/corpus/real is here, on its files.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../../server/src/dockerfile';
import { lintDocument, type Finding, type LintConfig, type LintResult } from '../../../server/src/dockerfile/rules';
import { ShellCache } from '../../../server/src/dockerfile/shell/cache';

const shells = new ShellCache();
const config: LintConfig = {};

/** What a user sees of a finding, its fix applied included. */
function seen(findings: readonly Finding[]): string[] {
  return findings.map((finding) => {
    const fix = finding.fix?.();
    const related = (finding.related ?? []).map((place) => `${place.start}-${place.end} ${place.message}`).join('; ');
    const edits = fix ? `${fix.title}: ${fix.edits.map((edit) => `${edit.start}-${edit.end}=${JSON.stringify(edit.newText)}`).join(', ')}` : '';
    return `${finding.rule.id} ${finding.severity} ${finding.start}-${finding.end} ${finding.message} [${related}] {${edits}} ${finding.instruction?.start ?? ''}`;
  });
}

/** Lints each version from the previous one's memory and from scratch; both must agree. */
function checkVersions(versions: readonly string[], label: string): void {
  let previous: LintResult | undefined;
  versions.forEach((text, index) => {
    const incremental = lintDocument(analyzeText(text), config, shells, previous?.memory);
    const fresh = lintDocument(analyzeText(text), config, shells);
    assert.deepEqual(seen(incremental.findings), seen(fresh.findings), `${label}, version ${index + 1}`);
    previous = incremental;
  });
}

const BASE = [
  '# check=skip=StageNameCasing',
  'ARG VERSION=3.20',
  'FROM alpine:${VERSION} AS build',
  'RUN apk add curl && curl -o /tmp/x http://example.com/x',
  'RUN apt-get update && apt-get install -y curl',
  'RUN rm -rf /var/lib/apt/lists/*',
  'COPY . /src',
  'RUN pip install -r requirements.txt',
  'WORKDIR app',
  'RUN cd /tmp && wget http://example.com/y | tar x',
  'CMD echo one',
  'CMD ["echo", "two"]',
  'FROM build',
  'ADD local.txt /dst',
  'RUN echo $UNDEFINED_THING',
  'USER root',
  '',
].join('\n');

/**
 * Rules that read comments above an instruction, experimental checks, errors by directive,
 * stage-wide ignores and empty continuation lines (kept findings that lie outside their
 * instruction, or whose severity the directive decides).
 */
const BASE_DIRECTIVES = [
  '# check=error=true;experimental=all',
  '# ARG without a description',
  'ARG VERSION=3.20',
  '# check=skip=JSONArgsRecomended',
  'FROM alpine:${VERSION} AS build',
  '# hadolint stage ignore=DL3018',
  'RUN apk add curl \\',
  '',
  '  && echo done',
  'CMD echo one',
  'FROM build AS final',
  'RUN apk add vim',
  'RUN apt-get install curl',
  '',
].join('\n');

/** Edits of a text: each gives the next version. */
const EDITS: readonly [string, (text: string) => string][] = [
  ['append a RUN', (text) => `${text}RUN echo appended\n`],
  ['append twice', (text) => `${text}RUN echo one\nRUN echo two\n`],
  ['change the last line', (text) => text.replace(/[^\n]*\n$/, 'RUN apt-get install curl\n')],
  ['append a stage (other stages ship)', (text) => `${text}FROM scratch\nCOPY --from=build /a /a\n`],
  ['insert in the middle', (text) => insertAtLine(text, Math.floor(lineCount(text) / 2), 'RUN yum install vim')],
  ['delete a middle line', (text) => deleteLine(text, Math.floor(lineCount(text) / 2))],
  ['continue the last line', (text) => text.replace(/\n$/, ' \\\n  && rm -rf /var/cache/apk/*\n')],
  ['drop the final newline', (text) => text.replace(/\n$/, '')],
  ['an ignore pragma at the end', (text) => `${text}# hadolint ignore=DL3018,DL3008\nRUN apk add vim\n`],
  ['a non-POSIX shell pragma', (text) => `# hadolint shell=pwsh\n${text}`],
  ['a here-document at the end', (text) => `${text}RUN <<EOF\napt-get install -y x\nEOF\n`],
  ['an unterminated here-document at the end', (text) => `${text}RUN <<EOF\napt-get install x\n`],
  ['case of the keywords at the end', (text) => `${text}run echo a\nrun echo b\nrun echo c\n`],
  ['a file-wide ignore at the end', (text) => `${text}# hadolint global ignore=DL3008,DL3059,DL3018\nRUN echo x\n`],
  ['a check comment above an instruction at the end', (text) => `${text}# check=skip=JSONArgsRecommended\nCMD echo x\n`],
  ['an empty continuation line at the end', (text) => `${text}RUN echo a \\\n\n  b\n`],
];

function lineCount(text: string): number {
  return text.split('\n').length;
}

function insertAtLine(text: string, line: number, inserted: string): string {
  const lines = text.split('\n');
  lines.splice(line, 0, inserted);
  return lines.join('\n');
}

function deleteLine(text: string, line: number): string {
  const lines = text.split('\n');
  lines.splice(line, 1);
  return lines.join('\n');
}

describe('incremental lint (reusing the previous version)', () => {
  for (const [baseName, base] of [['', BASE], [', a file with directives and comment pragmas', BASE_DIRECTIVES]] as const) {
    for (const [eolName, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
      for (const [name, edit] of EDITS) {
        it(`${name} (${eolName}${baseName})`, () => {
          const first = base.replace(/\n/g, eol);
          const second = edit(base).replace(/\n/g, eol);
          const third = edit(edit(base)).replace(/\n/g, eol);
          checkVersions([first, second, third, first], name);
        });
      }
    }

    it(`every edit in turn, each from the previous${baseName}`, () => {
      let text = base;
      const versions = [text];
      for (const [, edit] of EDITS) versions.push((text = edit(text)));
      // And back, each version from the one after it: the kept block shrinks.
      checkVersions([...versions, ...[...versions].reverse()], 'chain');
    });
  }

  it('layer-waste-delete: an unchanged stage walked again when the deleted names or the stages that ship change', () => {
    // The final stage deletes what an unchanged earlier stage wrote: which of its writes count depends on the deleted names.
    const written = ['FROM alpine AS a', 'RUN echo x > /tmp/big', 'RUN echo y > /tmp/other', 'FROM a', 'RUN echo y', ''].join('\n');
    const big = `${written}RUN rm /tmp/big\n`;
    checkVersions([written, `${written}RUN rm /tmp/other\n`, big, `${written}RUN rm /tmp/other\n`], 'deleted names');
    assert.ok(lintDocument(analyzeText(big), config, shells).findings.some((finding) => finding.rule.id === 'layer-waste-delete'));
    // A stage that deletes its own writes: wasteful while it ships, not once a new last stage is built from elsewhere.
    const own = ['FROM alpine AS a', 'RUN echo z > /tmp/z', 'RUN rm /tmp/z', 'FROM a', 'RUN echo y', ''].join('\n');
    checkVersions([own, `${own}FROM alpine\nRUN echo q > /tmp/z\nRUN rm /tmp/z\n`, own], 'stages that ship');
  });

  it('copy-from-stage-root: a COPY --from naming a stage defined later reads nothing after it', () => {
    const copy = 'FROM a\nCOPY --from=y / /r\nFROM b AS y\n';
    checkVersions([copy, `${copy}R`, copy, `${copy}RUN z\n`], 'stage defined later, by name');
    checkVersions(['FROM a\nCOPY --from=y / /r\nFROM scratch AS y\nRUN z\n', 'FROM a\nCOPY --from=y / /r\nFROM alpine AS y\nRUN z\n'], 'its base');
    const numbered = 'FROM a\nCOPY --from=1 / /r\nFROM b\n';
    checkVersions([numbered, `${numbered}RUN z\n`], 'stage defined later, by index');
    // A later stage takes the name, or gives it up, or a stage with that index appears.
    const image = 'FROM alpine\nCOPY --from=b / /r\nFROM alpine\n';
    checkVersions([image, 'FROM alpine\nCOPY --from=b / /r\nFROM alpine AS b\n', 'FROM alpine\nCOPY --from=b / /r\nFROM alpine AS c\n'], 'a name taken by a later stage');
    checkVersions(['FROM alpine\nCOPY --from=2 / /r\nFROM alpine\n', 'FROM alpine\nCOPY --from=2 / /r\nFROM alpine\nFROM alpine\n'], 'an index reached by a later stage');
    assert.equal(lintDocument(analyzeText(image), config, shells).findings.filter((finding) => finding.rule.id === 'copy-from-stage-root').length, 1);
  });

  it('two versions linted from the memory of one version both find what a lint from scratch finds', () => {
    const base = ['FROM alpine AS a', 'RUN echo a', 'FROM a', 'RUN wget -q http://e/1 -O /tmp/one', 'RUN curl -o /tmp/two http://e/2', 'RUN rm -f /tmp/one', 'RUN echo done', ''].join('\n');
    const first = lintDocument(analyzeText(base), config, shells);
    // The first takes the memory's values over; the second (which keeps more instructions) must not read what the first left there.
    for (const text of [insertAtLine(base, 1, 'RUN echo inserted'), `${base}RUN echo z\n`]) {
      const incremental = lintDocument(analyzeText(text), config, shells, first.memory);
      assert.deepEqual(seen(incremental.findings), seen(lintDocument(analyzeText(text), config, shells).findings), text);
    }
  });

  it('reuses what it can: an edit at the end reads no earlier instruction again', () => {
    const lines = ['FROM debian:12'];
    for (let index = 0; index < 200; index++) lines.push(`RUN apt-get install -y pkg${index}`);
    const text = `${lines.join('\n')}\n`;
    const first = lintDocument(analyzeText(text), config, shells);
    const second = lintDocument(analyzeText(`${text}RUN echo edit\n`), config, shells, first.memory);
    // The findings of the unchanged instructions are the very same objects.
    const kept = second.findings.filter((finding) => first.findings.includes(finding));
    assert.ok(kept.length >= 400, `reused ${kept.length} findings`);
  });

  it('a document just opened hands its first edit every kept finding as one block, in order', () => {
    const lines = ['FROM debian:12 AS base'];
    for (let index = 0; index < 50; index++) lines.push(`RUN apt-get install -y pkg${index}`);
    lines.push('FROM base', 'RUN apt-get install -y last', 'RUN echo two');
    const text = `${lines.join('\n')}\n`;
    const lastStage = text.indexOf('FROM base');
    const first = lintDocument(analyzeText(text), config, shells);
    const block = first.memory.block;
    assert.equal(block.instructions, analyzeText(text).ast.instructions.length);
    // The block is the first lint's own findings, in its order.
    const order = block.findings.map((finding) => first.findings.indexOf(finding));
    assert.ok(order.every((at, index) => at >= 0 && (index === 0 || at > order[index - 1])), 'the block is a subsequence of the findings');
    // Stage-wide findings (consecutive RUNs) of the first stage are in it; those of the last stage,
    // which may still grow, are not.
    const consecutive = (finding: Finding) => finding.rule.id === 'consecutive-run';
    assert.equal(block.findings.filter(consecutive).length, 1);
    assert.ok(block.findings.filter(consecutive).every((finding) => finding.start < lastStage));
    assert.ok(first.findings.some((finding) => consecutive(finding) && finding.start > lastStage));
    // The first edit carries the block over: what the first stage found is the same objects at the same places.
    const second = lintDocument(analyzeText(`${text}RUN echo edit\n`), config, shells, first.memory);
    const kept = first.findings.filter((finding) => finding.start < lastStage);
    assert.ok(kept.length >= 100, `${kept.length} findings before the last stage`);
    kept.forEach((finding, index) => assert.equal(second.findings[index], finding, `finding ${index}`));
  });

  const corpus = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'real');
  if (!existsSync(corpus)) {
    it('(NOT RUN on the corpus: ../shared/corpus/real is not here)', () => undefined);
    return;
  }
  it('on the real-Dockerfile corpus, with edits at the end, in the middle and at the start', function () {
    this.timeout(120_000);
    const paths = files(corpus);
    // A spread of the corpus keeps the unit tier quick; every file when LAYERWISE_FULL_CORPUS is set.
    const sample = process.env.LAYERWISE_FULL_CORPUS ? paths : paths.filter((_, index) => index % 6 === 0);
    for (const path of sample) {
      const text = readFileSync(path, 'utf8');
      const lines = text.split('\n');
      const versions = [
        text,
        `${text}RUN apt-get install curl\n`,
        insertAtLine(text, Math.floor(lines.length / 2), 'RUN echo inserted'),
        deleteLine(text, Math.floor(lines.length / 3)),
        text.replace(/\n[^\n]*\n?$/, '\n'),
        `FROM scratch\n${text}`,
        text,
      ];
      checkVersions(versions, path);
    }
  });
});

function files(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}
