import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize, type ScopedToken } from './textmate';

const fixtures = join(__dirname, 'fixtures');
const update = process.env.UPDATE_SNAPSHOTS === '1';

/** One line of source, then one line per token: its text and its scopes (the root omitted). */
function render(text: string, tokens: readonly ScopedToken[]): string {
  const lines = text.split(/\r\n|\r|\n/);
  let out = '';
  lines.forEach((line, index) => {
    out += `> ${line}\n`;
    for (const token of tokens.filter((candidate) => candidate.line === index)) out += `  ${JSON.stringify(token.text)} ${token.scopes.slice(1).join(' ')}\n`;
  });
  return out;
}

describe('TextMate grammar', () => {
  it('the JSON is generated from syntaxes/dockerfile.grammar.mjs', () => {
    execFileSync(process.execPath, [join(__dirname, '../../../syntaxes/dockerfile.grammar.mjs'), '--check'], { stdio: 'pipe' });
  });

  describe('snapshots (vscode-textmate + vscode-oniguruma, shell grammar from tm-grammars)', () => {
    for (const name of readdirSync(fixtures).filter((file) => file.endsWith('.Dockerfile'))) {
      it(name, async () => {
        const text = readFileSync(join(fixtures, name), 'utf8');
        const rendered = render(text, await tokenize(text));
        const snapshot = join(fixtures, `${name}.tokens`);
        if (update || !existsSync(snapshot)) writeFileSync(snapshot, rendered);
        assert.equal(rendered, readFileSync(snapshot, 'utf8'), `tokens changed; if intended, run with UPDATE_SNAPSHOTS=1 and review ${snapshot}`);
      });
    }
  });

  // What a user sees, stated directly: the token `text` on line `line` has a scope containing each of `scopes`.
  const expectations: ReadonlyArray<{ name: string; source: string; line: number; text: string; scopes: string[] }> = [
    { name: 'instruction keyword', source: 'FROM alpine', line: 0, text: 'FROM', scopes: ['keyword.other.instruction.dockerfile'] },
    { name: 'keyword in lower case', source: 'from alpine', line: 0, text: 'from', scopes: ['keyword.other.instruction.dockerfile'] },
    { name: 'every instruction is a keyword', source: 'MAINTAINER x', line: 0, text: 'MAINTAINER', scopes: ['keyword.other.instruction.dockerfile'] },
    { name: 'directive', source: '# syntax=docker/dockerfile:1', line: 0, text: 'syntax', scopes: ['keyword.other.directive.dockerfile'] },
    { name: 'check directive value', source: '# check=skip=all', line: 0, text: 'skip=all', scopes: ['string.unquoted.directive.dockerfile'] },
    { name: 'comment', source: '# just a note', line: 0, text: ' just a note', scopes: ['comment.line.number-sign.dockerfile'] },
    { name: 'image name', source: 'FROM ghcr.io/org/app:1.0', line: 0, text: 'ghcr.io/org/app:1.0', scopes: ['entity.name.type.image.dockerfile'] },
    { name: 'stage name', source: 'FROM golang AS build', line: 0, text: 'build', scopes: ['entity.name.section.stage.dockerfile'] },
    { name: 'flag name', source: 'COPY --chown=1:1 a b', line: 0, text: 'chown', scopes: ['entity.other.attribute-name.flag.dockerfile'] },
    { name: 'mount field key', source: 'RUN --mount=type=cache,target=/x make', line: 0, text: 'target', scopes: ['variable.parameter.flag-field.dockerfile'] },
    { name: 'variable in FROM', source: 'FROM alpine:${TAG}', line: 0, text: 'TAG', scopes: ['variable.other.dockerfile'] },
    { name: 'ENV key', source: 'ENV APP_HOME=/app', line: 0, text: 'APP_HOME', scopes: ['variable.other.definition.dockerfile'] },
    { name: 'shell command in RUN', source: 'RUN apt-get update', line: 0, text: 'apt-get', scopes: ['meta.embedded.shell.dockerfile', 'entity.name.command.shell'] },
    { name: 'shell on a continuation line', source: 'RUN apt-get update \\\n    && apt-get install -y curl', line: 1, text: 'install', scopes: ['meta.embedded.shell.dockerfile', 'string.unquoted.argument.shell'] },
    { name: 'continuation', source: 'RUN a \\\n  b', line: 0, text: '\\', scopes: ['constant.character.escape.continuation.dockerfile'] },
    { name: 'comment line inside a continuation', source: 'RUN a \\\n# note\n  b', line: 2, text: 'b', scopes: ['meta.instruction.command.dockerfile', 'meta.embedded.shell.dockerfile'] },
    { name: 'shell in CMD shell form', source: 'CMD nginx -g "daemon off;"', line: 0, text: 'nginx', scopes: ['entity.name.command.shell'] },
    { name: 'shell in ENTRYPOINT shell form', source: 'ENTRYPOINT exec gunicorn app', line: 0, text: 'gunicorn', scopes: ['meta.embedded.shell.dockerfile'] },
    { name: 'shell in HEALTHCHECK CMD', source: 'HEALTHCHECK --interval=5s CMD curl -f http://localhost/', line: 0, text: 'curl', scopes: ['entity.name.command.shell'] },
    { name: 'HEALTHCHECK CMD keyword', source: 'HEALTHCHECK CMD true', line: 0, text: 'CMD', scopes: ['keyword.other.healthcheck-cmd.dockerfile'] },
    { name: 'exec form strings are JSON, not shell', source: 'CMD ["nginx", "-g"]', line: 0, text: 'nginx', scopes: ['string.quoted.double.json.dockerfile'] },
    { name: 'RUN here-document body is shell', source: 'RUN <<EOF\napt-get update\nEOF', line: 1, text: 'apt-get', scopes: ['meta.embedded.shell.dockerfile', 'entity.name.command.shell'] },
    { name: 'here-document terminator', source: 'RUN <<EOF\nls\nEOF', line: 2, text: 'EOF', scopes: ['entity.name.tag.heredoc.delimiter.dockerfile'] },
    { name: 'COPY here-document body is text', source: 'COPY <<EOF /x\nhello\nEOF', line: 1, text: 'hello', scopes: ['string.unquoted.heredoc.dockerfile'] },
    { name: 'backtick continuation after # escape=`', source: '# escape=`\nRUN dir c:\\ `\n  && echo', line: 1, text: '`', scopes: ['constant.character.escape.continuation.dockerfile'] },
    { name: 'a trailing backslash is not a continuation after # escape=`', source: '# escape=`\nWORKDIR c:\\\nRUN echo', line: 2, text: 'RUN', scopes: ['keyword.other.instruction.dockerfile'] },
    { name: 'ONBUILD trigger keyword', source: 'ONBUILD COPY . /src', line: 0, text: 'COPY', scopes: ['keyword.other.instruction.dockerfile'] },
    { name: 'EXPOSE port', source: 'EXPOSE 8080/udp', line: 0, text: '8080', scopes: ['constant.numeric.port.dockerfile'] },
  ];

  describe('scopes users see', () => {
    for (const { name, source, line, text, scopes } of expectations) {
      for (const eol of ['\n', '\r\n']) {
        it(`${name}${eol === '\r\n' ? ' (CRLF)' : ''}`, async () => {
          const tokens = await tokenize(source.replace(/\n/g, eol));
          const token = tokens.find((candidate) => candidate.line === line && candidate.text === text);
          assert.ok(token, `no token "${text}" on line ${line}: ${JSON.stringify(tokens.filter((candidate) => candidate.line === line).map((candidate) => candidate.text))}`);
          for (const scope of scopes) assert.ok(token.scopes.some((candidate) => candidate.includes(scope)), `"${text}" has ${token.scopes.join(' ')}; expected ${scope}`);
        });
      }
    }
    it('a line continued inside RUN is not taken for an instruction', async () => {
      const tokens = await tokenize('RUN apt-get install \\\n    from-package\nFROM x');
      const continued = tokens.filter((token) => token.line === 1);
      assert.ok(continued.every((token) => !token.scopes.includes('keyword.other.instruction.dockerfile')));
      assert.ok(tokens.some((token) => token.line === 2 && token.scopes.includes('keyword.other.instruction.dockerfile')));
    });
  });
});
