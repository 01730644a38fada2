// Completion as a user sees it: each case puts the cursor (‸) somewhere in a Dockerfile and
// lists labels that must be offered (in order, when `first` is given), labels that must not be,
// and optionally the text after accepting one item. Every case runs with LF and CRLF.
import { strict as assert } from 'node:assert';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { analyzeText, type DockerfileDocument } from '../../../server/src/dockerfile';
import { complete, resolveCompletionItem, type KnownImage } from '../../../server/src/dockerfile/completion';
import { answersAtEveryOffset, parserTestFiles } from '../corpus/support/corpus';
import { EOLS, marked } from '../parser/support/markers';

const images: KnownImage[] = [
  { id: 'sha256:1111', repoTags: ['busybox:1.36', 'layerwise-test/busybox:latest'], repoDigests: [], created: 1_700_000_000, sizeBytes: 2_000_000 },
  { id: 'sha256:2222', repoTags: ['node:20-alpine'], repoDigests: ['node@sha256:abcd'], created: 1_710_000_000, sizeBytes: 140_000_000 },
];

interface Case {
  readonly name: string;
  readonly source: string;
  /** Offered, in this relative order when `ordered`. */
  readonly includes?: readonly string[];
  readonly ordered?: boolean;
  readonly excludes?: readonly string[];
  /** Exactly these labels (any order). */
  readonly exactly?: readonly string[];
  /** The first item after sorting. */
  readonly first?: string;
  /** Accept the item with this label; the document must then read `result` (snippet syntax kept). */
  readonly accept?: { readonly label: string; readonly result: string };
  readonly withoutImages?: boolean;
  /** The character that triggered the request. */
  readonly trigger?: string;
}

const cases: Case[] = [
  // ---- instruction keywords
  { name: 'empty file: FROM first, ARG, and the directives', source: '‸', first: 'FROM', includes: ['FROM', 'ARG', '# syntax=docker/dockerfile:1'], excludes: ['RUN', 'COPY'] },
  { name: 'before the first FROM only ARG and FROM', source: 'ARG V=1\n‸\nFROM alpine', includes: ['FROM', 'ARG'], excludes: ['RUN', 'HEALTHCHECK', '# syntax=docker/dockerfile:1'] },
  { name: 'after FROM every instruction, most used first', source: 'FROM alpine\n‸', includes: ['RUN', 'ENV', 'COPY', 'HEALTHCHECK', 'ONBUILD'], ordered: true, first: 'RUN' },
  { name: 'a partial keyword is replaced whole', source: 'FROM alpine\nHEALTH‸', includes: ['HEALTHCHECK'], accept: { label: 'HEALTHCHECK', result: 'FROM alpine\nHEALTHCHECK ' } },
  { name: 'cursor inside a keyword: only the keyword is replaced', source: 'FROM alpine\nRU‸N echo', includes: ['RUN'], excludes: ['RUN <<EOF'], accept: { label: 'COPY', result: 'FROM alpine\nCOPY echo' } },
  { name: 'lowercase file gets lowercase keywords', source: 'from alpine\nrun true\n‸', includes: ['copy', 'run'], excludes: ['COPY'] },
  { name: 'ONBUILD offers only trigger instructions', source: 'FROM alpine\nONBUILD ‸', includes: ['RUN', 'COPY'], excludes: ['FROM', 'ONBUILD', 'MAINTAINER'] },
  { name: 'ONBUILD with a partial trigger', source: 'FROM alpine\nONBUILD CO‸', includes: ['COPY'], excludes: ['FROM'] },
  { name: 'exec-form snippet', source: 'FROM alpine\n‸', includes: ['CMD ["executable", "param1", "param2"]', 'RUN <<EOF'] },
  { name: 'MAINTAINER is offered last', source: 'FROM alpine\n‸', includes: ['STOPSIGNAL', 'MAINTAINER'], ordered: true },
  { name: 'nothing inside a RUN command', source: 'FROM alpine\nRUN apt-get ins‸', exactly: [] },
  { name: 'nothing in a continuation line of a RUN command', source: 'FROM alpine\nRUN apt-get update \\\n  ‸', exactly: [] },
  { name: 'nothing in a heredoc body', source: 'FROM alpine\nRUN <<EOF\n‸\nEOF', exactly: [] },
  { name: 'nothing in a plain comment', source: 'FROM alpine\n# build the ‸', exactly: [] },

  { name: 'a space typed at the start of a line offers nothing (Enter stays a new line)', source: 'FROM alpine\n ‸', trigger: ' ', exactly: [] },
  { name: 'a space after ONBUILD still offers the triggers', source: 'FROM alpine\nONBUILD ‸', trigger: ' ', includes: ['RUN'] },
  { name: 'a space after FROM offers images', source: 'FROM ‸', trigger: ' ', includes: ['scratch', 'busybox:1.36'] },

  // ---- directives
  { name: 'starting a comment offers nothing', source: 'FROM alpine\n#‸', trigger: '#', exactly: [] },
  { name: 'a space in a comment offers nothing', source: 'FROM alpine\n# ‸', trigger: ' ', exactly: [] },
  { name: '# at the top offers the directives', source: '#‸', trigger: '#', includes: ['syntax=', 'escape=', 'check='] },
  { name: 'a space after layerwise-ignore offers rule ids', source: 'FROM alpine\n# layerwise-ignore ‸', trigger: ' ', includes: ['apt-get-yes'] },
  { name: 'directive names at the top, then the ignore pragmas', source: '# ‸', includes: ['syntax=', 'escape=', 'check=', 'layerwise-ignore-file'], ordered: true, first: 'syntax=' },
  { name: 'a used directive is not offered again', source: '# syntax=docker/dockerfile:1\n# ‸', includes: ['escape=', 'check='], excludes: ['syntax='] },
  { name: 'after the directives only pragmas', source: 'FROM alpine\n# ‸', exactly: ['layerwise-ignore', 'layerwise-ignore-file', 'hadolint ignore=', 'check=skip='] },
  { name: '# layerwise-ignore offers our rule ids', source: 'FROM alpine\n# layerwise-ignore ‸\nRUN apt-get install curl', includes: ['apt-get-yes', 'json-args-recommended'], excludes: ['DL3014'] },
  { name: '# layerwise-ignore does not repeat a listed id', source: 'FROM alpine\n# layerwise-ignore apt-get-yes, ‸', excludes: ['apt-get-yes'], includes: ['json-args-recommended'] },
  { name: '# hadolint ignore= offers DL codes', source: 'FROM alpine\n# hadolint ignore=DL3008,‸', includes: ['DL3014', 'DL3025'], excludes: ['DL3008', 'apt-get-yes'] },
  { name: 'syntax values, no outdated :experimental', source: '# syntax=‸', includes: ['docker/dockerfile:1', 'docker/dockerfile:1-labs'], excludes: ['docker/dockerfile:experimental'] },
  { name: 'escape values', source: '# escape=‸', exactly: ['\\', '`'] },
  { name: 'check options', source: '# check=‸', exactly: ['skip=', 'error=', 'experimental='] },
  { name: 'check=skip= names BuildKit checks and all', source: '# check=skip=‸', includes: ['all', 'JSONArgsRecommended', 'StageNameCasing', 'UndefinedVar'] },
  { name: 'check=skip= does not repeat a listed check', source: '# check=skip=JSONArgsRecommended,‸', includes: ['UndefinedVar'], excludes: ['JSONArgsRecommended', 'all'] },
  { name: 'check after ; offers the other options', source: '# check=skip=all;‸', exactly: ['error=', 'experimental='] },
  { name: 'check=error= booleans', source: '# check=error=‸', exactly: ['true', 'false'] },
  { name: 'check=experimental= only experimental checks', source: '# check=experimental=‸', exactly: ['all', 'InvalidDefinitionDescription'] },
  { name: 'per-instruction # check=skip= comment', source: 'FROM alpine\n# check=skip=‸\nCMD x', includes: ['JSONArgsRecommended'] },

  // ---- flags
  { name: 'RUN flags', source: 'FROM alpine\nRUN --‸', exactly: ['--mount=', '--network=', '--security=', '--device='] },
  { name: 'COPY flags', source: 'FROM alpine\nCOPY --‸', exactly: ['--from=', '--chown=', '--chmod=', '--link', '--parents', '--exclude='] },
  { name: 'ADD flags', source: 'FROM alpine\nADD --‸', exactly: ['--chown=', '--chmod=', '--link', '--keep-git-dir', '--checksum=', '--unpack', '--exclude='] },
  { name: 'FROM flag', source: 'FROM --‸', exactly: ['--platform='] },
  { name: 'HEALTHCHECK flags', source: 'FROM alpine\nHEALTHCHECK --‸', exactly: ['--interval=', '--timeout=', '--start-period=', '--start-interval=', '--retries='] },
  { name: 'a used flag is not offered again', source: 'FROM alpine\nCOPY --link --chown=1:1 --‸', excludes: ['--link', '--chown='], includes: ['--from=', '--chmod='] },
  { name: 'repeatable flags stay', source: 'FROM alpine\nRUN --mount=type=cache,target=/x --‸', includes: ['--mount=', '--network='] },
  { name: 'no flags once the arguments started', source: 'FROM alpine\nCOPY a --‸', exactly: [] },
  { name: 'no flags for instructions without any', source: 'FROM alpine\nWORKDIR --‸', exactly: [] },
  { name: 'flags after a space (HEALTHCHECK: CMD and NONE first)', source: 'FROM alpine\nHEALTHCHECK ‸', first: 'CMD', includes: ['CMD', 'NONE', '--interval=', '--retries='], ordered: true },
  { name: 'NONE is not offered after options', source: 'FROM alpine\nHEALTHCHECK --interval=5s ‸', includes: ['CMD'], excludes: ['NONE', '--interval='] },
  { name: 'a flag is inserted with its =', source: 'FROM alpine\nRUN --mo‸', accept: { label: '--mount=', result: 'FROM alpine\nRUN --mount=' } },

  // ---- flag values
  { name: '--mount= offers type first, then bind options', source: 'FROM alpine\nRUN --mount=‸', first: 'type=', includes: ['type=', 'target=', 'source=', 'from=', 'readonly', 'readwrite'], excludes: ['sharing=', 'mode='] },
  { name: '--mount=type= offers the five types', source: 'FROM alpine\nRUN --mount=type=‸', exactly: ['cache', 'secret', 'bind', 'ssh', 'tmpfs'] },
  { name: 'cache mount options', source: 'FROM alpine\nRUN --mount=type=cache,‸', includes: ['target=', 'id=', 'sharing=', 'mode=', 'uid=', 'gid=', 'from=', 'source='], excludes: ['type=', 'size=', 'required', 'env='] },
  { name: 'secret mount options', source: 'FROM alpine\nRUN --mount=type=secret,‸', includes: ['id=', 'target=', 'env=', 'required', 'mode='], excludes: ['sharing=', 'from='] },
  { name: 'ssh mount options', source: 'FROM alpine\nRUN --mount=type=ssh,‸', includes: ['id=', 'required'], excludes: ['sharing=', 'size='] },
  { name: 'tmpfs mount options', source: 'FROM alpine\nRUN --mount=type=tmpfs,‸', includes: ['target=', 'size='], excludes: ['from=', 'id='] },
  { name: 'the type written after the cursor counts', source: 'FROM alpine\nRUN --mount=‸,type=cache echo', includes: ['sharing='] },
  { name: 'given mount options are not repeated (aliases too)', source: 'FROM alpine\nRUN --mount=type=cache,dst=/x,‸', excludes: ['target='], includes: ['id='] },
  { name: 'sharing values, the default first', source: 'FROM alpine\nRUN --mount=type=cache,sharing=‸', first: 'shared', exactly: ['shared', 'locked', 'private'] },
  { name: 'cache targets of common tools', source: 'FROM alpine\nRUN --mount=type=cache,target=‸', includes: ['/root/.cache/pip', '/var/cache/apt', '/go/pkg/mod', '/root/.npm'] },
  { name: 'mount from= offers earlier stages', source: 'FROM alpine AS deps\nFROM alpine\nRUN --mount=type=bind,from=‸', includes: ['deps', 'busybox:1.36'] },
  { name: '--network values', source: 'FROM alpine\nRUN --network=‸', first: 'default', exactly: ['default', 'none', 'host'] },
  { name: '--security values', source: 'FROM alpine\nRUN --security=‸', exactly: ['sandbox', 'insecure'] },
  { name: '--platform values with the build platform ARGs', source: 'FROM --platform=‸ alpine', includes: ['$BUILDPLATFORM', '$TARGETPLATFORM', 'linux/amd64', 'linux/arm64', 'linux/arm/v7'] },
  { name: '--chmod values', source: 'FROM alpine\nCOPY --chmod=‸', includes: ['755', '644', 'u+x'] },
  { name: 'HEALTHCHECK durations with the real defaults', source: 'FROM alpine\nHEALTHCHECK --start-period=‸', first: '0s' },
  { name: '--interval default 30s first', source: 'FROM alpine\nHEALTHCHECK --interval=‸', first: '30s' },
  { name: '--start-interval default 5s first', source: 'FROM alpine\nHEALTHCHECK --start-interval=‸', first: '5s' },
  { name: '--retries default 3 first', source: 'FROM alpine\nHEALTHCHECK --retries=‸', first: '3' },
  { name: 'boolean flags take true/false', source: 'FROM alpine\nCOPY --link=‸', exactly: ['true', 'false'] },
  { name: 'quoted flag value', source: 'FROM alpine\nRUN --network="‸', includes: ['none'] },

  // ---- stages and images
  { name: '--from offers earlier stages, never the current one, then images', source: 'FROM golang AS build\nFROM alpine AS final\nCOPY --from=‸', includes: ['build', 'busybox:1.36', 'node:20-alpine'], excludes: ['final'], first: 'build' },
  { name: '--from offers unnamed earlier stages by index', source: 'FROM golang\nFROM alpine\nCOPY --from=‸', includes: ['0'], excludes: ['1'] },
  { name: '--from does not offer later stages', source: 'FROM alpine AS a\nCOPY --from=‸\nFROM alpine AS later', excludes: ['later', 'a'] },
  { name: 'FROM image: stages, scratch and local images, newest first', source: 'FROM alpine AS base\nFROM ‸', includes: ['base', 'scratch', 'node:20-alpine', 'busybox:1.36'], ordered: true },
  { name: 'FROM image without an engine', source: 'FROM ‸', exactly: ['scratch', '--platform='], withoutImages: true },
  { name: 'FROM image after the platform flag', source: 'FROM --platform=$BUILDPLATFORM ‸', includes: ['scratch', 'busybox:1.36'], excludes: ['--platform='] },
  { name: 'FROM tags of a repository', source: 'FROM busybox:‸', includes: ['busybox:1.36'] },
  { name: 'FROM … AS', source: 'FROM alpine ‸', exactly: ['AS'] },
  { name: 'from … as in lowercase', source: 'from alpine ‸', exactly: ['as'] },
  { name: 'FROM image is replaced whole', source: 'FROM bus‸', accept: { label: 'busybox:1.36', result: 'FROM busybox:1.36' } },

  // ---- variables
  { name: '${ offers ENV and ARG in scope with values', source: 'FROM alpine\nARG VERSION=1.2\nENV HOME_DIR=/app\nRUN echo ${‸}', includes: ['VERSION', 'HOME_DIR', 'TARGETARCH', 'HTTP_PROXY'] },
  { name: 'global ARGs are not in a stage', source: 'ARG GLOBAL=1\nFROM alpine\nRUN echo $‸', excludes: ['GLOBAL'] },
  { name: 'global ARGs and platform ARGs in FROM', source: 'ARG TAG=3.20\nFROM alpine:$‸', includes: ['TAG', 'TARGETPLATFORM', 'BUILDPLATFORM'], excludes: ['HTTP_PROXY'] },
  { name: 'names no substitution can reach are not offered', source: 'FROM alpine\nENV "" 2\nARG a-b=1\nARG OK=1\nRUN echo $‸', includes: ['OK'], excludes: ['', '""', 'a-b'] },
  { name: 'a stage named twice is offered once', source: 'FROM a AS x\nFROM a AS x\nFROM ‸', exactly: ['--platform=', 'scratch', 'x', 'busybox:1.36', 'layerwise-test/busybox:latest', 'node:20-alpine'] },
  { name: 'variables defined later are not in scope', source: 'FROM alpine\nRUN echo $‸\nENV LATER=1', excludes: ['LATER'] },
  { name: 'ENV of the parent stage is inherited', source: 'FROM alpine AS base\nENV FROM_BASE=1\nFROM base\nRUN echo $‸', includes: ['FROM_BASE'] },
  { name: 'CMD sees ENV but not ARG', source: 'FROM alpine\nARG BUILD_ONLY=1\nENV RUNTIME=1\nCMD echo $‸', includes: ['RUNTIME'], excludes: ['BUILD_ONLY', 'TARGETARCH'] },
  { name: 'a braced variable is closed', source: 'FROM alpine\nENV APP=/app\nWORKDIR ${A‸', accept: { label: 'APP', result: 'FROM alpine\nENV APP=/app\nWORKDIR ${APP}' } },
  { name: 'an undeclared platform ARG adds its ARG line', source: 'FROM alpine\nRUN echo $TARGETA‸', accept: { label: 'TARGETARCH', result: 'FROM alpine\nARG TARGETARCH\nRUN echo $TARGETARCH' } },
  { name: 'a declared platform ARG adds nothing', source: 'FROM alpine\nARG TARGETARCH\nRUN echo $TARGETA‸', accept: { label: 'TARGETARCH', result: 'FROM alpine\nARG TARGETARCH\nRUN echo $TARGETARCH' } },
  { name: 'variables in a heredoc body', source: 'FROM alpine\nENV NAME=x\nRUN <<EOF\necho $‸\nEOF', includes: ['NAME'] },
  { name: 'not after an escaped dollar', source: 'FROM alpine\nENV A=1\nRUN echo \\$‸', exactly: [] },

  // ---- positional arguments
  { name: 'STOPSIGNAL signals, SIGTERM first', source: 'FROM alpine\nSTOPSIGNAL ‸', first: 'SIGTERM', includes: ['SIGQUIT', 'SIGKILL', 'SIGINT'] },
  { name: 'EXPOSE protocols', source: 'FROM alpine\nEXPOSE 53‸', exactly: ['53/tcp', '53/udp'] },
  { name: 'EXPOSE protocol after the slash', source: 'FROM alpine\nEXPOSE 80 53/‸', exactly: ['53/tcp', '53/udp'] },
  { name: 'ARG names: global ARGs to redeclare and platform ARGs', source: 'ARG VERSION=1\nFROM alpine\nARG ‸', includes: ['VERSION', 'TARGETPLATFORM', 'TARGETARCH'], excludes: ['HTTP_PROXY'] },
  { name: 'SHELL offers shells', source: 'FROM alpine\nSHELL ‸', includes: ['["/bin/bash", "-o", "pipefail", "-c"]'] },
];

function sortedLabels(items: readonly CompletionItem[]): string[] {
  return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((item) => item.label);
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const document = analyzeText(text).ast.lines;
  const withOffsets = edits.map((edit) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end), newText: edit.newText }));
  withOffsets.sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of withOffsets) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

describe('completion', () => {
  for (const [eolName, eol] of EOLS) {
    for (const testCase of cases) {
      it(`${eolName}: ${testCase.name}`, () => {
        const { text, cursor } = marked(testCase.source, eol);
        const list = complete(analyzeText(text), cursor!, { images: testCase.withoutImages ? [] : images, triggerCharacter: testCase.trigger });
        const labels = sortedLabels(list.items);
        if (testCase.exactly) assert.deepEqual([...labels].sort(), [...testCase.exactly].sort());
        for (const label of testCase.includes ?? []) assert.ok(labels.includes(label), `${label} is offered; got ${labels.join(', ')}`);
        for (const label of testCase.excludes ?? []) assert.ok(!labels.includes(label), `${label} is not offered; got ${labels.join(', ')}`);
        if (testCase.ordered) {
          const positions = testCase.includes!.map((label) => labels.indexOf(label));
          assert.deepEqual(positions, [...positions].sort((a, b) => a - b), `in this order: ${testCase.includes!.join(', ')}; got ${labels.join(', ')}`);
        }
        if (testCase.first) assert.equal(labels[0], testCase.first, `first item; got ${labels.join(', ')}`);
        if (testCase.accept) {
          const item = list.items.find((entry) => entry.label === testCase.accept!.label);
          assert.ok(item?.textEdit && 'range' in item.textEdit, `${testCase.accept.label} has a text edit`);
          const result = applyEdits(text, [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])]);
          assert.equal(result, testCase.accept.result.replace(/\n/g, eol));
        }
      });
    }
  }

  it('items carry kinds, details and Markdown documentation with a reference link', () => {
    const { items } = complete(analyzeText('FROM alpine\nRUN --mount=type=cache,‸'.replace('‸', '')), 'FROM alpine\nRUN --mount=type=cache,'.length);
    const sharing = items.find((item) => item.label === 'sharing=')!;
    assert.match(sharing.detail ?? '', /Default: shared/);
    assert.equal(typeof sharing.documentation === 'object' && sharing.documentation.kind, 'markdown');
    assert.match(typeof sharing.documentation === 'object' ? sharing.documentation.value : '', /docs\.docker\.com\/reference\/dockerfile\/#run---mounttypecache/);
  });

  it('variable items show the value at that point and where it came from', () => {
    const text = 'FROM alpine\nARG VERSION=1.2\nENV HOME_DIR=/app\nRUN echo $';
    const items = complete(analyzeText(text), text.length).items;
    assert.equal(items.find((item) => item.label === 'VERSION')?.detail, '1.2');
    assert.equal(items.find((item) => item.label === 'HOME_DIR')?.labelDetails?.description, 'ENV');
  });

  it('plain-text clients get plain documentation and no snippets', () => {
    const text = 'FROM alpine\n';
    const { items } = complete(analyzeText(text), text.length, { markdown: false, snippets: false });
    assert.ok(items.every((item) => item.insertTextFormat !== 2), 'no snippet items');
    const run = items.find((item) => item.label === 'RUN')!;
    assert.equal(typeof run.documentation === 'object' && run.documentation.kind, 'plaintext');
  });

  it('a retrigger command follows items after which more completions come', () => {
    const text = 'FROM alpine\nRUN --';
    const { items } = complete(analyzeText(text), text.length, { retriggerCommand: 'editor.action.triggerSuggest' });
    assert.equal(items.find((item) => item.label === '--mount=')?.command?.command, 'editor.action.triggerSuggest');
  });

  it('with lazy documentation, items name their docs and resolve fills them in', () => {
    const text = 'FROM alpine\nRUN --mount=type=cache,';
    const { items } = complete(analyzeText(text), text.length, { resolveDocumentation: true });
    const sharing = items.find((item) => item.label === 'sharing=')!;
    assert.equal(sharing.documentation, undefined);
    assert.deepEqual(sharing.data, { doc: 'mount-option', type: 'cache', name: 'sharing' });
    const resolved = resolveCompletionItem(JSON.parse(JSON.stringify(sharing)));
    assert.match(typeof resolved.documentation === 'object' ? resolved.documentation.value : '', /Default for cache mounts: `shared`/);
    const keywords = complete(analyzeText('FROM alpine\n'), 'FROM alpine\n'.length, { resolveDocumentation: true });
    assert.ok(JSON.stringify(keywords).length < 20_000, `a keyword list stays small: ${JSON.stringify(keywords).length} bytes`);
  });

  /** What VS Code needs of an item's range: on the cursor's line, holding the cursor. */
  function rangeProblem(document: DockerfileDocument, offset: number, items: readonly CompletionItem[]): string | undefined {
    const cursor = document.ast.lines.positionAt(offset);
    for (const item of items) {
      const range = item.textEdit && 'range' in item.textEdit ? item.textEdit.range : undefined;
      if (!range) continue;
      const fits = range.start.line === cursor.line && range.end.line === cursor.line && range.start.character <= cursor.character && cursor.character <= range.end.character;
      if (!fits) return `${item.label}: ${JSON.stringify(range)} at ${JSON.stringify(cursor)}`;
    }
    return undefined;
  }

  it('an item replaces a range on the cursor\'s line that holds the cursor, also in a word continued on the next line or after a stray escape', () => {
    for (const [text, offset] of [['FROM a\nCOPY -\\\n', 15], ['FROM al\\\npine', 9], ['\\\nENV a b', 0]] as const) {
      const document = analyzeText(text);
      const items = complete(document, offset).items;
      assert.ok(items.length > 0, `items at ${offset} of ${JSON.stringify(text)}`);
      assert.equal(rangeProblem(document, offset, items), undefined);
    }
  });

  const parserFiles = parserTestFiles();
  it(`answers at every offset of BuildKit's parser test files without throwing, with ranges VS Code accepts (${parserFiles.length} files, LF and CRLF)`, function () {
    if (parserFiles.length === 0) this.skip();
    answersAtEveryOffset(parserFiles, 'completion', (document, offset) => {
      const items = complete(document, offset, { images, resolveDocumentation: true }).items;
      // An editor never puts the cursor between the two characters of a CRLF.
      if (document.text[offset - 1] === '\r' && document.text[offset] === '\n') return;
      const problem = rangeProblem(document, offset, items);
      if (problem) throw new Error(problem);
    });
  });
});
