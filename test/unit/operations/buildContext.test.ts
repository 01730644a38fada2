import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BuildContextError, createBuildContext } from '../../../client/src/engine/operations/buildContext';
import { tarChunks } from '../../../client/src/engine/operations/tarWriter';

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-unit-ctx-'));
  for (const [relative, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), content);
  }
  return root;
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Lists a tar with GNU tar, an independent reader. */
function listTar(bytes: Buffer): string[] {
  const result = spawnSync('tar', ['-tf', '-'], { input: bytes, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.split('\n').filter(Boolean).sort();
}

describe('build context tar', () => {
  it('holds the context minus .dockerignore matches, with the Dockerfile and .dockerignore always sent', async () => {
    const root = tree({ 'Dockerfile': 'FROM x', '.dockerignore': '*\n!src\n', 'src/a.c': 'a', 'notes.txt': 'n' });
    const context = createBuildContext({ contextDir: root, dockerfile: 'Dockerfile' });
    const listed = listTar(await collect(context.stream));
    assert.deepEqual(listed, ['.dockerignore', 'Dockerfile', 'src/', 'src/a.c']);
    assert.equal(context.dockerfileInContext, 'Dockerfile');
    assert.equal(context.stats.ignored, 1);
  });

  it('adds a Dockerfile from outside the context under a generated name', async () => {
    const root = tree({ 'ctx/a.txt': 'a', 'elsewhere/Dockerfile': 'FROM x' });
    const context = createBuildContext({ contextDir: path.join(root, 'ctx'), dockerfile: path.join(root, 'elsewhere/Dockerfile') });
    const listed = listTar(await collect(context.stream));
    assert.match(context.dockerfileInContext, /^\.dockerfile\.[0-9a-f]+$/);
    assert.deepEqual(listed, [context.dockerfileInContext, 'a.txt'].sort());
  });

  it('writes long paths, link targets and file contents that GNU tar reads back exactly', async () => {
    const longName = `${'deep/'.repeat(40)}${'n'.repeat(120)}.txt`;
    const bytes = await collect(
      require('node:stream').Readable.from(
        tarChunks([
          { type: 'file', name: longName, size: 5, mode: 0o644, mtimeMs: 0, source: Buffer.from('hello') },
          { type: 'symlink', name: 'link', target: `/${'t'.repeat(150)}`, mode: 0o777, mtimeMs: 0 },
        ]),
      ),
    );
    assert.equal(bytes.length % 512, 0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-unit-untar-'));
    const result = spawnSync('tar', ['-xf', '-', '-C', dir], { input: bytes });
    assert.equal(result.status, 0, String(result.stderr));
    assert.equal(fs.readFileSync(path.join(dir, longName), 'utf8'), 'hello');
    assert.equal(fs.readlinkSync(path.join(dir, 'link')), `/${'t'.repeat(150)}`);
  });

  it('says which folder is missing', () => {
    assert.throws(() => createBuildContext({ contextDir: '/nonexistent/ctx', dockerfile: 'Dockerfile' }), (error: unknown) => error instanceof BuildContextError && error.message.includes('/nonexistent/ctx'));
  });
});
