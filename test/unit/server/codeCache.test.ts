// The server's code cache, on a small bundle run in fresh Node processes as the server is: the
// first start saves, the next runs from the cache, and a changed bundle, a damaged file or an
// unwritable directory only ever cost the cache, never the bundle's own behaviour.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeCacheFile } from '../../../server/src/startup/codeCache';

const codeCacheUrl = pathToFileURL(join(__dirname, '../../../server/src/startup/codeCache.ts')).href;

/** A bundle as esbuild.mjs writes it (one function expression); `answer` is what `main()` returns. */
function bundleSource(answer: number): string {
  const helpers = Array.from({ length: 200 }, (_, i) => `function helper${i}(x) { return x + ${i}; }`).join('\n');
  const body = `${helpers}\nlet total = 0;\nfor (let i = 0; i < 200; i++) total += eval('helper' + i)(0);\nmodule.exports = { main: () => ${answer}, total, dir: __dirname };`;
  return `(function (exports, require, module, __filename, __dirname) {\n${body}\n})\n`;
}

interface Start {
  readonly fromCache: boolean;
  readonly answer: number;
  readonly total: number;
  readonly dir: string;
}

/** Starts a fresh process that runs `bundle` (cache in `directory`, or none) and saves afterwards. */
function start(bundle: string, directory: string | undefined): Start {
  const script = `
    import codeCache from ${JSON.stringify(codeCacheUrl)};
    const loaded = codeCache.runBundle(${JSON.stringify(bundle)}, ${JSON.stringify(directory)});
    loaded.save();
    const { main, total, dir } = loaded.exports;
    process.stdout.write(JSON.stringify({ fromCache: loaded.fromCache, answer: main(), total, dir }));
  `;
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' })) as Start;
}

describe('code cache', function () {
  this.timeout(60_000);
  let root: string;
  let bundle: string;
  let cache: string;
  const cacheFiles = () => (existsSync(cache) ? readdirSync(cache).filter((name) => name.endsWith('.cache')) : []);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'layerwise-code-cache-'));
    bundle = join(root, 'bundle.js');
    cache = join(root, 'cache');
    writeFileSync(bundle, bundleSource(42));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('saves at the first start and runs from the cache at the next', () => {
    assert.deepEqual(start(bundle, cache), { fromCache: false, answer: 42, total: 19900, dir: root });
    const [file] = cacheFiles();
    assert.match(file, /^bundle-[\d.]+(-node\.\d+)?-\w+-[0-9a-f]{16}\.cache$/);
    const written = statSync(join(cache, file)).mtimeMs;
    assert.deepEqual(start(bundle, cache), { fromCache: true, answer: 42, total: 19900, dir: root });
    assert.equal(statSync(join(cache, file)).mtimeMs, written, 'a cache that was used is not written again');
  });

  it('never runs the code of an earlier bundle of the same length', () => {
    start(bundle, cache);
    const [old] = cacheFiles();
    // Same length: V8's own check (the source's length) would take the old cache.
    writeFileSync(bundle, bundleSource(43));
    assert.deepEqual(start(bundle, cache), { fromCache: false, answer: 43, total: 19900, dir: root });
    assert.equal(start(bundle, cache).fromCache, true);
    // Both builds keep their cache (two builds in use at once do not undo each other's).
    assert.equal(cacheFiles().length, 2);
    assert.ok(cacheFiles().includes(old));
  });

  it('keeps the caches of the three builds written last', () => {
    const written: string[] = [];
    for (const answer of [41, 42, 43, 44]) {
      writeFileSync(bundle, bundleSource(answer));
      const before = new Set(cacheFiles());
      assert.equal(start(bundle, cache).answer, answer);
      written.push(cacheFiles().find((name) => !before.has(name)) ?? '');
    }
    assert.deepEqual(cacheFiles().sort(), written.slice(1).sort());
  });

  it('compiles as usual when the cache file is damaged, and replaces it', () => {
    start(bundle, cache);
    const path = join(cache, cacheFiles()[0]);
    const data = readFileSync(path);
    data[data.length - 100] ^= 0xff;
    writeFileSync(path, data);
    assert.deepEqual(start(bundle, cache), { fromCache: false, answer: 42, total: 19900, dir: root });
    assert.equal(start(bundle, cache).fromCache, true, 'the damaged file was replaced');
    writeFileSync(path, 'not a cache');
    assert.equal(start(bundle, cache).answer, 42);
  });

  it('says how to fix a bundle that is not one function', () => {
    writeFileSync(bundle, 'module.exports = {};\n');
    assert.throws(() => start(bundle, cache), /bundle\.js is not a bundle wrapped as one function: build it with `node esbuild\.mjs`/);
  });

  it('runs without a cache when turned off or when the directory cannot be written', () => {
    assert.deepEqual(start(bundle, undefined), { fromCache: false, answer: 42, total: 19900, dir: root });
    writeFileSync(join(root, 'file'), '');
    const impossible = join(root, 'file', 'cache');
    assert.deepEqual(start(bundle, impossible), { fromCache: false, answer: 42, total: 19900, dir: root });
    assert.deepEqual(readdirSync(root).sort(), ['bundle.js', 'file']);
  });

  it('asks V8 for the compiled code only when the cache can be written', () => {
    writeFileSync(join(root, 'file'), '');
    let produced = 0;
    const produce = () => {
      produced++;
      return Buffer.from('compiled code');
    };
    const blocked = new CodeCacheFile(join(root, 'file', 'cache'), 'bundle', Buffer.from('source'));
    assert.match(blocked.write(produce) ?? '', /ENOTDIR|EEXIST/);
    assert.equal(produced, 0);
    assert.deepEqual(readdirSync(root).sort(), ['bundle.js', 'file']);

    const writable = new CodeCacheFile(cache, 'bundle', Buffer.from('source'));
    assert.equal(writable.write(produce), undefined);
    assert.equal(produced, 1);
    assert.equal(writable.read()?.toString(), 'compiled code');
    assert.deepEqual(readdirSync(cache), [basename(writable.path)]);
  });
});
