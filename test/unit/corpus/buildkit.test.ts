// Conformance with BuildKit's own parser tests (../shared/corpus/buildkit-parser): for every
// test file, `layerwise parse --dump` prints exactly BuildKit's expected `result`, and every
// negative test file is rejected with an error that says where and what.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parseCommand } from '../../../server/src/cli/commands/parse';
import { corpusRoot } from './support/corpus';

const root = corpusRoot('buildkit-parser');

describe('conformance: BuildKit parser test files', function () {
  if (!root) {
    it('needs ../shared/corpus/buildkit-parser (absent here: conformance not checked)', function () {
      this.skip();
    });
    return;
  }
  const positive = join(root, 'testfiles');
  const negative = join(root, 'testfiles-negative');

  for (const name of readdirSync(positive).sort()) {
    const dockerfile = join(positive, name, 'Dockerfile');
    if (!existsSync(dockerfile)) continue;
    it(`dump of testfiles/${name} equals BuildKit's result byte for byte`, async () => {
      const { code, stdout, stderr } = await runParse(['--dump', dockerfile]);
      assert.equal(stderr, '');
      assert.equal(code, 0);
      assert.equal(stdout, readFileSync(join(positive, name, 'result'), 'utf8'));
    });
  }

  for (const name of readdirSync(negative).sort()) {
    const dockerfile = join(negative, name, 'Dockerfile');
    if (!existsSync(dockerfile)) continue;
    it(`testfiles-negative/${name} is rejected with a located error`, async () => {
      const { code, stdout, stderr } = await runParse(['--dump', dockerfile]);
      assert.equal(code, 1);
      assert.equal(stdout, '');
      assert.match(stderr, new RegExp(`^${escapeRegExp(dockerfile)}:\\d+:\\d+: error: .+ \\[[a-z-]+\\]\\n`));
    });
  }
});

async function runParse(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (chunk: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const code = await parseCommand.run(args, { stdout: sink((chunk) => (stdout += chunk)), stderr: sink((chunk) => (stderr += chunk)) });
  return { code, stdout, stderr };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
