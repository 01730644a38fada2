// Hover as a user sees it: the cursor (‸) on something, the text the hover must contain, and
// the span it covers (⟦…⟧ when given). Every case runs with LF and CRLF.
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../server/src/dockerfile';
import type { KnownImage } from '../../../server/src/dockerfile/completion';
import { baseImageAt, hover, type ImageDetails } from '../../../server/src/dockerfile/hover';
import { answersAtEveryOffset, parserTestFiles } from '../corpus/support/corpus';
import { EOLS, marked } from '../parser/support/markers';

const images: KnownImage[] = [{ id: 'sha256:0123456789abcdef', repoTags: ['busybox:1.36'], repoDigests: [], created: 1_700_000_000, sizeBytes: 2_140_000 }];
const busyboxDetails: ImageDetails = {
  id: 'sha256:0123456789abcdef',
  created: 1_700_000_000,
  sizeBytes: 2_140_000,
  layers: 1,
  digest: 'sha256:feedface',
  platform: 'linux/amd64',
  config: { Cmd: ['sh'], Env: ['PATH=/bin'], WorkingDir: '/home' },
};

interface Case {
  readonly name: string;
  readonly source: string;
  /** Substrings of the hover text; `null`: no hover. */
  readonly contains: readonly string[] | null;
  readonly excludes?: readonly string[];
  readonly withDetails?: boolean;
  /** No reachable engine: no image list at all (not an empty one). */
  readonly noEngine?: boolean;
}

const cases: Case[] = [
  // instructions
  { name: 'instruction keyword', source: '⟦FR‸OM⟧ alpine', contains: ['**FROM**', 'AS name', 'https://docs.docker.com/reference/dockerfile/#from', 'Example'] },
  { name: 'lowercase keyword', source: 'from alpine\n⟦r‸un⟧ true', contains: ['**RUN**', '--mount'] },
  { name: 'deprecated MAINTAINER', source: 'FROM alpine\n⟦MAINT‸AINER⟧ me', contains: ['Deprecated', 'org.opencontainers.image.authors'] },
  { name: 'ONBUILD trigger keyword', source: 'FROM alpine\nONBUILD ⟦CO‸PY⟧ . /app', contains: ['**COPY**'] },
  // flags and values
  { name: 'flag name', source: 'FROM alpine\nHEALTHCHECK ⟦--start-per‸iod⟧=10s CMD true', contains: ['--start-period', 'Default: `0s`'] },
  { name: 'flag value with its default', source: 'FROM alpine\nHEALTHCHECK --interval=⟦1‸0s⟧ CMD true', contains: ['10 seconds', 'Default: `30s`'] },
  { name: 'duration value', source: 'FROM alpine\nHEALTHCHECK --timeout=⟦1m3‸0s⟧ CMD true', contains: ['1 minute 30 seconds'] },
  { name: 'invalid duration', source: 'FROM alpine\nHEALTHCHECK --timeout=⟦3‸0⟧ CMD true', contains: ['not a valid duration'] },
  { name: 'enum value', source: 'FROM alpine\nRUN --network=⟦no‸ne⟧ true', contains: ['No network at all', 'Default: `default`'] },
  { name: 'the default value says so', source: 'FROM alpine\nRUN --security=⟦sand‸box⟧ true', contains: ['This is the default'] },
  { name: 'octal permissions', source: 'FROM alpine\nCOPY --chmod=⟦7‸55⟧ a /b', contains: ['rwxr-xr-x'] },
  { name: 'COPY --link', source: 'FROM alpine\nCOPY ⟦--li‸nk⟧ a /b', contains: ['independent', 'docker/dockerfile 1.4+'] },
  { name: 'labs-only flag', source: 'FROM alpine\nRUN ⟦--dev‸ice⟧=x true', contains: ['labs'] },
  // RUN --mount
  { name: 'mount type', source: 'FROM alpine\nRUN --mount=⟦ty‸pe=cache⟧,target=/root/.cache true', contains: ['type=cache', 'persists between builds', 'sharing'] },
  { name: 'mount option with per-type default', source: 'FROM alpine\nRUN --mount=type=cache,⟦sha‸ring=locked⟧ true', contains: ['Concurrent builds wait', 'Default for cache mounts: `shared`'] },
  { name: 'mount option alias', source: 'FROM alpine\nRUN --mount=type=secret,id=npm,⟦d‸st=/x⟧ true', contains: ['`target` / `dst` / `destination`'] },
  { name: 'mount option not valid for the type', source: 'FROM alpine\nRUN --mount=type=bind,⟦sha‸ring=locked⟧ true', contains: ['is not an option of `type=bind` mounts'] },
  { name: 'bind is the default mount type', source: 'FROM alpine\nRUN --mount=⟦ta‸rget=/x⟧ true', contains: ['`type=bind` mount'] },
  // variables
  { name: 'variable value and definition', source: 'FROM alpine\nENV APP=/srv/app\nWORKDIR ⟦$A‸PP⟧', contains: ['**$APP** (ENV) = `/srv/app`', 'Defined on line 2', 'ENV APP=/srv/app', 'Substituted by BuildKit'] },
  { name: 'variable in a RUN shell', source: 'FROM alpine\nARG V=1\nRUN echo ⟦${V‸}⟧', contains: ['(ARG) = `1`', 'Expanded by the shell of this RUN'] },
  { name: 'variable at run time', source: 'FROM alpine\nENV PORT=80\nCMD echo ⟦$P‸ORT⟧', contains: ['= `80`', 'at run time'] },
  { name: 'value at that point, not the last one', source: 'FROM alpine\nENV A=1\nRUN echo ⟦$‸A⟧\nENV A=2', contains: ['= `1`'], excludes: ['= `2`'] },
  { name: 'global ARG in FROM', source: 'ARG TAG=3.20\nFROM alpine:⟦${T‸AG}⟧', contains: ['(global ARG) = `3.20`'] },
  { name: 'predefined platform ARG', source: 'FROM --platform=⟦$BUILDPL‸ATFORM⟧ alpine', contains: ['predefined ARG', 'Platform of the machine running the build'] },
  { name: 'undefined variable', source: 'FROM alpine\nRUN echo ⟦$NO‸PE⟧', contains: ['Not defined in this file'] },
  { name: 'default operator', source: 'FROM alpine\nWORKDIR ⟦${DIR‸:-/app}⟧', contains: ['`:-`', 'unset or empty'] },
  { name: 'ARG definition', source: 'FROM alpine\nARG ⟦VER‸SION⟧=1.0\nRUN echo $VERSION $VERSION', contains: ['**ARG VERSION** = `1.0`', 'Used 2 times'] },
  { name: 'ENV definition', source: 'FROM alpine\nENV ⟦NO‸DE_ENV⟧=production', contains: ['**ENV NODE_ENV** = `production`', 'Kept in the image', 'Not used'] },
  // stages
  { name: 'stage name in FROM … AS', source: 'FROM golang AS ⟦bu‸ild⟧\nRUN go build\nFROM alpine\nCOPY --from=build /out /app', contains: ['**Stage `build`**', 'FROM golang AS build', 'Used by:', 'line 4: `COPY --from=build /out /app`'] },
  { name: 'stage reference in COPY --from', source: 'FROM golang AS build\nFROM alpine\nCOPY --from=⟦bu‸ild⟧ /out /app', contains: ['**Stage `build`**', 'stage 0 of 2', 'Used by:'] },
  { name: 'stage reference in RUN --mount from=', source: 'FROM golang AS deps\nFROM alpine\nRUN --mount=type=bind,from=⟦de‸ps⟧,target=/d true', contains: ['**Stage `deps`**'] },
  { name: 'stage used as a base', source: 'FROM alpine AS base\nFROM ⟦ba‸se⟧\nRUN true', contains: ['**Stage `base`**', 'line 2: `FROM base`'] },
  { name: 'unused stage', source: 'FROM alpine AS ⟦tes‸t⟧\nFROM alpine', contains: ['Nothing refers to it', '--target'] },
  // FROM images
  { name: 'base image on the engine', source: 'FROM ⟦busy‸box:1.36⟧', contains: ['**busybox:1.36**', 'Docker Hub', 'Tag: `1.36`', 'On your engine', '2.1 MB', '0123456789ab'] },
  { name: 'base image details from the engine', source: 'FROM ⟦busy‸box:1.36⟧', withDetails: true, contains: ['Layers: 1', 'Digest: `sha256:feedface`', 'Platform: `linux/amd64`', 'Command: `["sh"]`'] },
  { name: 'base image not on the engine', source: 'FROM ⟦ngi‸nx⟧', contains: ['Tag: none, so `latest`', 'Not on your engine: the build pulls it, or pull it now from the light bulb.'] },
  { name: 'base image for a named platform not on the engine', source: 'FROM --platform=linux/arm64 ⟦ngi‸nx⟧', contains: ['Not on your engine: the build pulls it, or pull it now from the light bulb.'] },
  { name: 'base image for a platform not known here', source: 'ARG P\nFROM --platform=$P ⟦ngi‸nx⟧', contains: ['Not on your engine: the build pulls it.'], excludes: ['light bulb'] },
  { name: 'base image without an engine: nothing said about the engine', source: 'FROM ⟦ngi‸nx⟧', noEngine: true, contains: ['Tag: none, so `latest`'], excludes: ['engine'] },
  { name: 'base image pinned by digest', source: 'FROM ⟦alpine@sha256:0123456789012345678901234567890123456789012345678901234567890‸123⟧', contains: ['Pinned by digest'] },
  { name: 'scratch', source: 'FROM ⟦scra‸tch⟧', contains: ['empty image'] },
  { name: 'AS keyword', source: 'FROM alpine ⟦A‸S⟧ base', contains: ['names this stage', '--target base'] },
  // the FROM line: the stage's predicted image config
  { name: 'FROM keyword: what the image runs and what docker run replaces', source: '⟦F‸ROM⟧ ubuntu AS app\nWORKDIR /app\nENTRYPOINT ["top", "-b"]\nCMD ["-c"]', contains: ['Image config of stage `app`', 'Runs: `top -b -c`', 'replaces the CMD part', 'Working directory: `/app` (line 2)', '**FROM**'] },
  { name: 'FROM keyword: an unknown base makes the prediction incomplete', source: 'F‸ROM ubuntu\nENV A=1', contains: ['Environment:', '`A=1`', 'Incomplete: the base image'] },
  { name: 'FROM scratch: complete', source: 'F‸ROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\nEXPOSE 8080', contains: ['Runs: `/app`', 'Exposed ports: `8080/tcp`'], excludes: ['Incomplete'] },
  { name: 'FROM image with the engine config: the base CMD and WORKDIR carry over', source: 'FROM ⟦busy‸box:1.36⟧\nENV A=1', withDetails: true, contains: ['Image config of stage 0', 'Runs: `sh`', 'Working directory: `/home`', '`A=1`'], excludes: ['Incomplete'] },
  { name: 'CMD: what the container runs with the ENTRYPOINT', source: 'FROM ubuntu\nENTRYPOINT ["top", "-b"]\n⟦C‸MD⟧ ["-c"]', contains: ['Runs: `top -b -c`', 'replaces the CMD part', '**CMD**'] },
  { name: 'an overridden CMD says so', source: 'FROM ubuntu\n⟦C‸MD⟧ ["a"]\nCMD ["b"]', contains: ['Runs: `b`', 'the one on line 3 replaces it'] },
  { name: 'shell-form ENTRYPOINT runs under /bin/sh -c', source: 'FROM ubuntu\n⟦ENTRY‸POINT⟧ top -b', contains: ["Runs: `/bin/sh -c 'top -b'`"] },
  { name: 'an unnamed stage that is not the last has no prediction', source: 'F‸ROM alpine\nFROM scratch', contains: ['**FROM**'], excludes: ['Image config'] },
  // arguments
  { name: 'EXPOSE well-known port', source: 'FROM alpine\nEXPOSE ⟦54‸32⟧', contains: ['Port 5432/tcp', 'PostgreSQL', 'docker run -p'] },
  { name: 'EXPOSE udp', source: 'FROM alpine\nEXPOSE ⟦53/u‸dp⟧', contains: ['Port 53/udp', 'DNS', '-p 8080:53/udp'] },
  { name: 'EXPOSE uppercase protocol', source: 'FROM alpine\nEXPOSE ⟦80/T‸CP⟧', contains: ['lowercase'] },
  { name: 'EXPOSE host mapping', source: 'FROM alpine\nEXPOSE ⟦8080:8‸0⟧', contains: ['No IP address or host port'] },
  { name: 'STOPSIGNAL', source: 'FROM alpine\nSTOPSIGNAL ⟦SIGQ‸UIT⟧', contains: ['**SIGQUIT** (3)', 'nginx'] },
  { name: 'HEALTHCHECK CMD shows the settings in effect', source: 'FROM alpine\nHEALTHCHECK --interval=5s ⟦C‸MD⟧ true', contains: ['`--interval`: `5s` (set here)', '`--timeout`: `30s` (default)', '`--start-period`: `0s` (default)', '`--start-interval`: `5s` (default)', '`--retries`: `3` (default)'] },
  { name: 'HEALTHCHECK NONE', source: 'FROM alpine\nHEALTHCHECK ⟦NO‸NE⟧', contains: ['turns off'] },
  // directives and comments
  { name: 'directive', source: '⟦# esc‸ape=`⟧\nFROM alpine', contains: ['**# escape=**', 'Windows'] },
  { name: 'syntax value', source: '# syntax=⟦docker/docker‸file:1⟧\nFROM alpine', contains: ['Dockerfile frontend', 'moving tag'] },
  { name: 'check name in the check directive', source: '# check=skip=⟦JSONArgs‸Recommended⟧\nFROM alpine', contains: ['**JSONArgsRecommended**', 'json-args-recommended'] },
  { name: 'check name in a per-instruction comment', source: 'FROM alpine\n# check=skip=⟦Undefined‸Var⟧\nRUN echo $X', contains: ['**UndefinedVar**'] },
  { name: 'plain comment: nothing', source: 'FROM alpine\n# just a ‸note', contains: null },
  { name: 'a stray escape before a keyword on the next line: nothing', source: '‸\\\nENV a b', contains: null },
  // nothing
  { name: 'inside a RUN command: nothing', source: 'FROM alpine\nRUN apt-get ins‸tall -y curl', contains: null },
  { name: 'inside a heredoc body: nothing', source: 'FROM alpine\nRUN <<EOF\nap‸t-get update\nEOF', contains: null },
];

describe('hover', () => {
  for (const [eolName, eol] of EOLS) {
    for (const testCase of cases) {
      it(`${eolName}: ${testCase.name}`, () => {
        const { text, cursor, ranges } = marked(testCase.source, eol);
        const document = analyzeText(text);
        const image = baseImageAt(document, cursor!);
        const imageDetails = testCase.withDetails && image ? new Map([[image, busyboxDetails]]) : undefined;
        const result = hover(document, cursor!, { images: testCase.noEngine ? undefined : images, imageDetails });
        if (testCase.contains === null) {
          assert.equal(result, null, `no hover; got ${JSON.stringify(result)}`);
          return;
        }
        assert.ok(result, 'a hover');
        const value = typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
        for (const expected of testCase.contains) assert.ok(value.includes(expected), `hover contains ${JSON.stringify(expected)}; got:\n${value}`);
        for (const unexpected of testCase.excludes ?? []) assert.ok(!value.includes(unexpected), `hover does not contain ${JSON.stringify(unexpected)}`);
        if (ranges.length) {
          const lines = document.ast.lines;
          assert.deepEqual(result.range, lines.rangeOf(ranges[0].start, ranges[0].end), `covers ${JSON.stringify(text.slice(ranges[0].start, ranges[0].end))}`);
        }
      });
    }
  }

  it('plain-text clients get plain text', () => {
    const result = hover(analyzeText('FROM alpine'), 1, { markdown: false });
    assert.equal(typeof result?.contents === 'object' && 'kind' in result.contents && result.contents.kind, 'plaintext');
  });

  it('baseImageAt names the image to fetch details for, after substitution', () => {
    const text = 'ARG TAG=1.36\nFROM busybox:${TAG} AS b';
    assert.equal(baseImageAt(analyzeText(text), text.indexOf('busybox') + 2), 'busybox:1.36');
    assert.equal(baseImageAt(analyzeText(text), text.indexOf(' AS') + 2), undefined);
  });

  const parserFiles = parserTestFiles();
  it(`answers at every offset of BuildKit's parser test files without throwing (${parserFiles.length} files, LF and CRLF)`, function () {
    if (parserFiles.length === 0) this.skip();
    answersAtEveryOffset(parserFiles, 'hover', (document, offset) => hover(document, offset, { images }));
  });
});
