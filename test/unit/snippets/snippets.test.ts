import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText, dumpBuildkit } from '../../../server/src/dockerfile';
import { expandSnippet } from './expand';

const root = join(__dirname, '../../..');
const snippets = JSON.parse(readFileSync(join(root, 'snippets/dockerfile.code-snippets'), 'utf8')) as Record<string, { prefix: string[]; body: string[]; description: string }>;
const linterPath = join(root, 'server/src/dockerfile/rules/index.ts');

/** A snippet that is not a whole Dockerfile is linted where it would be typed: after a FROM. */
function asDockerfile(expanded: string): string {
  return /^FROM /m.test(expanded) ? expanded : `FROM debian:12.8-slim\n${expanded}`;
}

describe('snippets', () => {
  it('offers every snippet the issue asks for', () => {
    const names = Object.keys(snippets);
    for (const wanted of ['Multi-stage build', 'HEALTHCHECK', 'apt-get install with cleanup', 'Non-root user', 'ENTRYPOINT + CMD', 'Cache mount']) assert.ok(names.includes(wanted), `missing ${wanted}`);
  });

  it('expands placeholders as the editor does', () => {
    assert.equal(expandSnippet(['FROM ${1:a} AS ${2:b}', 'COPY --from=${2:b} ${3:x=${4:1}} $1 ${5|p,q|}', '$0']), 'FROM a AS b\nCOPY --from=b x=1  p\n');
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    describe(name, () => {
      const expanded = expandSnippet(snippet.body);
      const text = asDockerfile(expanded);

      it('has a prefix and a description', () => {
        assert.ok(snippet.prefix.length > 0 && snippet.description.length > 20);
      });

      it('expands to a Dockerfile BuildKit parses and builds from without a problem', () => {
        const document = analyzeText(text);
        assert.deepEqual([...document.ast.problems, ...document.model.problems].map((problem) => `${problem.code}: ${problem.message}`), []);
        assert.ok(dumpBuildkit(document.ast).length > 0);
      });

      // The linter is its own module (server/src/dockerfile/rules): checked whenever it is in the tree.
      if (existsSync(linterPath)) it('is something our linter finds no fault with', async () => {
        const rules = (await import(linterPath)) as { lintDocument(document: ReturnType<typeof analyzeText>): { findings: ReadonlyArray<{ rule?: { id: string }; ruleId?: string; message: string }> } };
        const findings = rules.lintDocument(analyzeText(text)).findings;
        assert.deepEqual(findings.map((finding) => `${finding.rule?.id ?? finding.ruleId}: ${finding.message}`), [], `in:\n${text}`);
      });
    });
  }
});
