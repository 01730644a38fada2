// The language server's diagnostics of a version linted from the previous one are exactly those
// made from a lint from scratch, though the leading ones are taken from the previous version's
// list (toDiagnostics reuses the diagnostics of the findings that are the same objects).
import { strict as assert } from 'node:assert';
import type { ClientCapabilities } from 'vscode-languageserver';
import { analyzeText } from '../../../server/src/dockerfile';
import { lintDocument, type LintConfig, type LintResult } from '../../../server/src/dockerfile/rules';
import { ShellCache } from '../../../server/src/dockerfile/shell/cache';
import { toDiagnostics } from '../../../server/src/lsp/diagnostics/toDiagnostic';

const uri = 'file:///work/Dockerfile';
const client: ClientCapabilities = { textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, tagSupport: { valueSet: [1, 2] } } } };

const BASE = ['FROM debian:12 AS build', 'RUN apt-get install curl', 'RUN apt-get install wget', 'CMD echo a', 'CMD echo b', 'FROM build', 'RUN rm -rf /var/lib/apt/lists/*', ''].join('\n');

const VERSIONS = [
  BASE,
  `${BASE}RUN apt-get install vim\n`,
  `${BASE}RUN apt-get install vim git\n`,
  // An edit in the middle: the lines of every later diagnostic move.
  BASE.replace('RUN apt-get install wget', 'RUN apt-get update\nRUN apt-get install -y wget'),
  `${BASE}RUN echo done\n`,
];

describe('diagnostics of incremental lints', () => {
  for (const [eolName, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
    it(`are those of a lint from scratch, version after version (${eolName})`, () => {
      const shells = new ShellCache();
      const config: LintConfig = {};
      let previous: LintResult | undefined;
      for (const [index, version] of VERSIONS.entries()) {
        const text = version.replace(/\n/g, eol);
        const document = analyzeText(text);
        const lint = lintDocument(document, config, shells, previous?.memory);
        const made = toDiagnostics(lint.findings, document, uri, client, previous?.findings);
        const fresh = lintDocument(analyzeText(text), {}, new ShellCache());
        assert.deepEqual(made, toDiagnostics(fresh.findings, analyzeText(text), uri, client), `version ${index + 1}`);
        previous = lint;
      }
    });
  }
});
