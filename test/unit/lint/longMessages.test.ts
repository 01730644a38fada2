// A message that quotes a very long word (a 100 KB stage name, image or flag) is cut in its
// middle: what is wrong at the start, how to fix it at the end, and no megabytes per diagnostic.
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../server/src/dockerfile';
import { lintDocument } from '../../../server/src/dockerfile/rules';

describe('long messages', () => {
  it('keeps the start and the end of a message quoting a 100 KB word', () => {
    const long = 'a'.repeat(100_000);
    const findings = lintDocument(analyzeText(`FROM alpine AS ${long}\nCOPY --${long} a b\n`)).findings;
    const stageName = findings.find((finding) => finding.rule.id === 'stage-name-invalid');
    const flag = findings.find((finding) => finding.rule.id === 'flag-unknown');
    assert.ok(stageName && flag, findings.map((finding) => finding.rule.id).join(', '));
    for (const finding of [stageName, flag]) assert.ok(finding.message.length <= 1003, `${finding.rule.id}: ${finding.message.length} characters`);
    assert.match(stageName.message, /^Invalid stage name "a{500,} … a+": start with a letter, then use letters, digits, -, _ or \. only\.$/);
  });

  it('leaves ordinary messages whole', () => {
    const findings = lintDocument(analyzeText('FROM alpine AS Build_1!\n')).findings;
    assert.match(findings.find((finding) => finding.rule.id === 'stage-name-invalid')?.message ?? '', /^Invalid stage name "Build_1!": start with a letter/);
  });
});
