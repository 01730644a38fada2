// What an `rm` path or glob removes, as the layer-waste rule reads it, and a Dockerfile whose
// `rm` names a glob JavaScript cannot read as written (`/opt/[`): the lint still answers.
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../server/src/dockerfile';
import { lintDocument } from '../../../server/src/dockerfile/rules';
import { removes } from '../../../server/src/dockerfile/rules/support/paths';

describe('rm paths and globs', () => {
  const cases: [string, string, boolean][] = [
    ['/opt/x', '/opt/x', true],
    ['/opt', '/opt/x/y', true],
    ['/opt/*.tgz', '/opt/a.tgz', true],
    ['/opt/*.tgz', '/opt/sub/a.tgz', false],
    ['/opt/?.log', '/opt/a.log', true],
    ['/opt/[ab].log', '/opt/b.log', true],
    ['/opt/[!ab].log', '/opt/b.log', false],
    ['/opt/[!ab].log', '/opt/c.log', true],
    ['/opt/[]x].log', '/opt/].log', true],
    ['/opt/[', '/opt/[', true],
    ['/opt/[*', '/opt/[abc', true],
    ['/opt/a.b*', '/opt/aXb', false],
    ['/opt/(x)+*', '/opt/(x)+y', true],
    ['/opt/[z-a]*', '/opt/z', false],
  ];
  for (const [deleted, created, expected] of cases) {
    it(`rm ${deleted} ${expected ? 'removes' : 'leaves'} ${created}`, () => assert.equal(removes(deleted, created), expected));
  }

  it('lints a file whose rm names an unterminated bracket', () => {
    const findings = lintDocument(analyzeText('FROM alpine:3.20\nCOPY x /opt/[\nRUN rm -rf /opt/[\n')).findings;
    assert.ok(findings.some((finding) => finding.rule.id === 'layer-waste-delete'), findings.map((finding) => finding.rule.id).join(', '));
  });
});
