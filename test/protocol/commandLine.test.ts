// The bundled `layerwise` command (dist/cli.js; like the bundled server, it needs `npm run build`
// first): its first run saves V8's compiled code (its own and the shell parser's) as it exits,
// the next runs from it and answers the same.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = join(__dirname, '../../dist/cli.js');

describe('the bundled command line', () => {
  let directory: string;
  beforeEach(() => {
    if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` before the protocol tier');
    directory = mkdtempSync(join(tmpdir(), 'layerwise-cli-cache-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('saves its compiled code at the first run and runs from it at the next', function () {
    this.timeout(30_000);
    const cache = join(directory, 'cache');
    const dockerfile = join(directory, 'Dockerfile');
    writeFileSync(dockerfile, 'FROM debian:12\nRUN apt-get install curl\n');
    const lint = () => {
      try {
        execFileSync(process.execPath, [cli, 'lint', dockerfile], { encoding: 'utf8', env: { ...process.env, LAYERWISE_CODE_CACHE: cache } });
        return '';
      } catch (error) {
        return String((error as { stdout?: string }).stdout);
      }
    };
    const first = lint();
    assert.match(first, /apt-get install -y/, 'the lint reports DL3014');
    // The command's bundle and the shell parser it loaded for the RUN.
    const saved = readdirSync(cache).sort();
    assert.equal(saved.length, 2, saved.join(', '));
    assert.match(saved[0], /^commandLine-[\d.]+(-node\.\d+)?-\w+-[0-9a-f]{16}\.cache$/);
    assert.match(saved[1], /^mvdan-sh-[\d.]+(-node\.\d+)?-\w+-[0-9a-f]{16}\.cache$/);
    const written = saved.map((name) => statSync(join(cache, name)).mtimeMs);
    assert.equal(lint(), first, 'the same findings from the cached code');
    assert.deepEqual(saved.map((name) => statSync(join(cache, name)).mtimeMs), written, 'the caches were used, not written again');
  });
});
