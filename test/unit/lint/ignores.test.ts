// Inline ignores in our, hadolint's and BuildKit's syntax, and the check directive's error=true.
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../server/src/dockerfile';
import { lintDocument, type LintConfig } from '../../../server/src/dockerfile/rules';
import { ignoreOnInstruction } from '../../../server/src/dockerfile/fixes/ignore';
import { applyEdits } from '../../../server/src/dockerfile/fixes/text';

/** `rule@line:severity` of every finding, sorted (compare with a sorted expectation). */
function codes(text: string, config: LintConfig = {}): string[] {
  const document = analyzeText(text);
  // Consecutive RUNs are beside the point here.
  return lintDocument(document, { ...config, severities: { 'consecutive-run': 'off', ...config.severities } })
    .findings.map((finding) => `${finding.rule.id}@${document.ast.lines.positionAt(finding.start).line}:${finding.severity}`)
    .sort();
}

const RUN = 'RUN apk add curl\n'; // apk-pin-versions (DL3018), apk-no-cache (DL3019)

describe('inline ignores', () => {
  for (const eol of ['\n', '\r\n']) {
    const t = (text: string) => text.replace(/\n/g, eol);
    describe(eol === '\n' ? 'LF' : 'CRLF', () => {
      it('without any: both apk rules fire', () => {
        assert.deepEqual(codes(t(`FROM alpine:3.20\n${RUN}`)), ['apk-no-cache@1:info', 'apk-pin-versions@1:warning']);
      });
      it('# layerwise-ignore <id or alias> silences the next instruction only', () => {
        assert.deepEqual(codes(t(`FROM alpine:3.20\n# layerwise-ignore apk-pin-versions, DL3019 -- vendor pins\n${RUN}${RUN}`)), ['apk-no-cache@3:info', 'apk-pin-versions@3:warning']);
      });
      it('"ignore for this instruction" adds the code to an ignore comment before its reason', () => {
        for (const [comment, after] of [
          ['# layerwise-ignore apk-pin-versions -- vendor pins', '# layerwise-ignore apk-pin-versions, apk-no-cache -- vendor pins'],
          ['# layerwise-ignore apk-pin-versions # vendor pins', '# layerwise-ignore apk-pin-versions, apk-no-cache # vendor pins'],
          ['# layerwise-ignore apk-pin-versions', '# layerwise-ignore apk-pin-versions, apk-no-cache'],
        ]) {
          const before = t(`FROM alpine:3.20\n${comment}\n${RUN}`);
          const document = analyzeText(before);
          const fixed = applyEdits(before, ignoreOnInstruction(document, document.ast.instructions[1], 'apk-no-cache').edits);
          assert.equal(fixed, t(`FROM alpine:3.20\n${after}\n${RUN}`));
          assert.deepEqual(codes(fixed), []);
        }
      });
      it('# layerwise-ignore with no code silences every rule on the next instruction', () => {
        assert.deepEqual(codes(t(`FROM alpine:3.20\n# layerwise-ignore\n${RUN}`)), []);
      });
      it('# layerwise-ignore-file silences the whole file', () => {
        assert.deepEqual(codes(t(`# layerwise-ignore-file DL3018\nFROM alpine:3.20\n${RUN}${RUN}`)), ['apk-no-cache@2:info', 'apk-no-cache@3:info']);
      });
      it('# hadolint ignore=… (with a trailing comment) and global ignore', () => {
        assert.deepEqual(codes(t(`FROM alpine:3.20\n# hadolint ignore=DL3018,DL3019 # reason\n${RUN}`)), []);
        assert.deepEqual(codes(t(`# hadolint global ignore=DL3019\nFROM alpine:3.20\n${RUN}`)), ['apk-pin-versions@2:warning']);
      });
      it('# hadolint stage ignore=… lasts until the end of the stage', () => {
        assert.deepEqual(codes(t(`FROM alpine:3.20 AS a\n# hadolint stage ignore=DL3018\n${RUN}${RUN}FROM a\n${RUN}`)), ['apk-no-cache@2:info', 'apk-no-cache@3:info', 'apk-no-cache@5:info', 'apk-pin-versions@5:warning']);
      });
      it('# hadolint shell=powershell turns the RUN rules off', () => {
        assert.deepEqual(codes(t(`# hadolint shell=powershell\nFROM alpine:3.20\n${RUN}`)), []);
      });
      it('# check=skip=… directive skips BuildKit checks for the file; error=true makes them errors', () => {
        const text = 'FROM alpine:3.20\nCMD node server.js\nENV A 1\n';
        assert.deepEqual(codes(t(text)), ['json-args-recommended@1:warning', 'legacy-key-value@2:warning']);
        assert.deepEqual(codes(t(`# check=skip=JSONArgsRecommended\n${text}`)), ['legacy-key-value@3:warning']);
        assert.deepEqual(codes(t(`# check=error=true\n${text}`)), ['json-args-recommended@2:error', 'legacy-key-value@3:error']);
        assert.deepEqual(codes(t(`# check=skip=all\n${text}${RUN}`)), ['apk-no-cache@4:info', 'apk-pin-versions@4:warning']);
      });
      it('# check=skip=… above an instruction skips it there only, and only BuildKit checks', () => {
        const text = `FROM alpine:3.20\n# check=skip=all // reason\nCMD node server.js\n# check=skip=all\n${RUN}CMD node other.js\n`;
        assert.deepEqual(codes(t(text)), ['apk-no-cache@4:info', 'apk-pin-versions@4:warning', 'json-args-recommended@5:warning']);
      });
      it('disable-ignore-pragma (hadolint) ignores every inline ignore', () => {
        assert.deepEqual(codes(t(`FROM alpine:3.20\n# hadolint ignore=DL3018\n${RUN}`), { disableInlineIgnores: true }), ['apk-no-cache@2:info', 'apk-pin-versions@2:warning']);
      });
      it('experimental=InvalidDefinitionDescription turns the experimental check on', () => {
        const text = '# The build stage\nFROM alpine:3.20 AS build\n';
        assert.deepEqual(codes(t(text)), []);
        assert.deepEqual(codes(t(`# check=experimental=InvalidDefinitionDescription\n${text}`)), ['definition-description@1:warning']);
      });
    });
  }
});
