// ShellCheck on RUN scripts: findings mapped to the Dockerfile's lines and columns (continuation
// lines and here-documents included), hadolint's `ignore=SC…` honoured; a missing binary is a
// clear error. The mapping needs the real shellcheck (Debian's package): without it this file
// checks the error users then get, and says so.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { analyzeText } from '../../../server/src/dockerfile';
import { ShellCache } from '../../../server/src/dockerfile/shell/cache';
import { ShellcheckRunner, ShellcheckUnavailableError } from '../../../server/src/lint/shellcheck';

const installed = spawnSync('shellcheck', ['--version']).status === 0;

describe('ShellCheck on RUN', () => {
  it('a missing executable says how to install it', async () => {
    const runner = new ShellcheckRunner('/nonexistent/shellcheck');
    await assert.rejects(runner.check(analyzeText('FROM alpine:3.20\nRUN echo $1\n'), new ShellCache(), new Set()), (error: Error) => {
      return error instanceof ShellcheckUnavailableError && /apt-get install shellcheck/.test(error.message) && /layerwise\.lint\.shellcheck\.path/.test(error.message);
    });
  });

  if (!installed) {
    it('maps findings (needs shellcheck: apt-get install shellcheck)', function () {
      // In CI nothing skips: .ci/run installs Debian's shellcheck.
      if (process.env.CI === 'true') throw new Error('ShellCheck must be installed in CI (apt-get install shellcheck).');
      process.stdout.write('\n    SKIPPED: ShellCheck is not installed, so the mapping tests did not run.\n');
      this.skip();
    });
    return;
  }

  for (const eol of ['\n', '\r\n']) {
    it(`maps findings to Dockerfile positions (${eol === '\n' ? 'LF' : 'CRLF'})`, async () => {
      const text = ['FROM alpine:3.20', 'RUN apk add --no-cache curl \\', '    && echo $1', '# hadolint ignore=SC2164', 'RUN cd /tmp', 'RUN <<EOF', 'echo $2', 'EOF', ''].join(eol);
      const document = analyzeText(text);
      const findings = await new ShellcheckRunner('shellcheck').check(document, new ShellCache(), new Set());
      const at = findings.map((finding) => {
        const position = document.ast.lines.positionAt(finding.start);
        return `${finding.code}@${position.line}:${position.character}:${text.slice(finding.start, finding.end)}`;
      });
      assert.deepEqual(at.sort(), ['SC2086@2:12:$1', 'SC2086@6:5:$2']);
    });
  }

  it('drops codes .hadolint.yaml ignores', async () => {
    const findings = await new ShellcheckRunner('shellcheck').check(analyzeText('FROM alpine:3.20\nRUN echo $1\n'), new ShellCache(), new Set(['SC2086']));
    assert.deepEqual(findings, []);
  });
});
