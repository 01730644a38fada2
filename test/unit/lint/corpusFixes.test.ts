// Every quick fix at once (source.fixAll) on the 359 real Dockerfiles of ../shared/corpus/real:
// the fixed files parse as well as before, their RUN scripts are still valid shell, and the
// problems the fixes address are gone. Without the corpus (a fresh clone), this says so.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../../server/src/dockerfile';
import { applyEdits } from '../../../server/src/dockerfile/fixes/text';
import { lintDocument } from '../../../server/src/dockerfile/rules';
import { ShellCache } from '../../../server/src/dockerfile/shell/cache';
import { fixAllOf } from '../../../server/src/lsp/features/codeActions';

const corpus = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'real');

function files(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('all quick fixes on the real-Dockerfile corpus', () => {
  if (!existsSync(corpus)) {
    it('(NOT RUN: ../shared/corpus/real is not here)', () => process.stdout.write('\n    The corpus is missing: the fix-all check did not run.\n'));
    return;
  }

  it('never breaks a file and removes what it fixes', () => {
    const shells = new ShellCache();
    const remaining = new Map<string, number>();
    let fixed = 0;
    for (const path of files(corpus)) {
      const text = readFileSync(path, 'utf8');
      const before = analyzeText(text);
      const fix = fixAllOf(lintDocument(before, {}, shells).findings);
      if (!fix) continue;
      fixed++;
      const after = analyzeText(applyEdits(text, fix.edits));
      const problems = (document: typeof before) => [...document.ast.problems, ...document.model.problems].map((problem) => problem.code).sort();
      assert.deepEqual(problems(after), problems(before), `${path}: the fixes changed what the parser reports`);
      const findings = lintDocument(after, {}, shells).findings;
      assert.ok(!findings.some((finding) => finding.rule.id === 'run-shell-syntax'), `${path}: a fix broke a RUN script`);
      for (const finding of findings) remaining.set(finding.rule.id, (remaining.get(finding.rule.id) ?? 0) + 1);
    }
    assert.ok(fixed > 200, `fixes apply to most files (${fixed})`);
    for (const rule of ['pipefail-missing', 'wget-progress', 'apt-get-lists-not-deleted', 'add-instead-of-copy', 'pip-no-cache-dir', 'no-apt', 'apk-no-cache', 'json-args-recommended']) {
      assert.equal(remaining.get(rule) ?? 0, 0, `${rule} findings left after fixing`);
    }
  });
});
