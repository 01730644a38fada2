// The heap flags the server changes at run time, and putting them back while a code cache is
// saved: V8 refuses, at the next start, a cache saved under other flags than that process's.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startupValue } from '../../../server/src/heapFlags';

describe('heap flags', () => {
  describe('the value at start-up', () => {
    const cases: Array<[string, string, string[], string | undefined, string | undefined]> = [
      ['V8 default', 'heap-growing-percent', [], undefined, '0'],
      ['V8 default, other flag', 'semi-space-growth-factor', ['--max-old-space-size=512'], undefined, '2'],
      ['command line', 'heap-growing-percent', ['--heap-growing-percent=30'], undefined, '30'],
      ['command line, underscores', 'semi-space-growth-factor', ['--semi_space_growth_factor=4'], undefined, '4'],
      ['NODE_OPTIONS', 'heap-growing-percent', [], '--max-old-space-size=512 --heap-growing-percent=20', '20'],
      ['command line over NODE_OPTIONS', 'heap-growing-percent', ['--heap-growing-percent=70'], '--heap-growing-percent=20', '70'],
      ['a value after a space is not read', 'heap-growing-percent', ['--heap-growing-percent', '30'], undefined, undefined],
      ['no known default', 'max-lazy', [], undefined, undefined],
    ];
    for (const [name, flag, execArgv, nodeOptions, expected] of cases) {
      it(name, () => assert.equal(startupValue(flag, execArgv, nodeOptions), expected));
    }
  });

  describe('saving a code cache after the flags changed', function () {
    this.timeout(60_000);
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'layerwise-heap-flags-'));
      writeFileSync(join(root, 'bundle.js'), '(function (exports, require, module) {\nmodule.exports = { answer: () => 42 };\n})\n');
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    const url = (file: string) => JSON.stringify(pathToFileURL(join(__dirname, '../../../server/src', file)).href);
    /** One fresh process runs the bundle, changes the heap flags as the server does and saves; another one reads. */
    function savedThenRead(save: 'as they are' | 'with the start-up flags', read: 'at start-up' | 'after changing them, with the start-up flags'): boolean {
      const bundle = JSON.stringify(join(root, 'bundle.js'));
      const cache = JSON.stringify(join(root, 'cache'));
      const changeFlags = "heapFlags.setHeapFlag('heap-growing-percent', '50'); heapFlags.setHeapFlag('semi-space-growth-factor', '1');";
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
        import codeCache from ${url('startup/codeCache.ts')};
        import heapFlags from ${url('heapFlags.ts')};
        const loaded = codeCache.runBundle(${bundle}, ${cache});
        ${changeFlags}
        if (${JSON.stringify(save)} === 'as they are') loaded.save();
        else heapFlags.withStartupFlags(() => loaded.save());
      `]);
      const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
        import codeCache from ${url('startup/codeCache.ts')};
        import heapFlags from ${url('heapFlags.ts')};
        let loaded;
        if (${JSON.stringify(read)} === 'at start-up') loaded = codeCache.runBundle(${bundle}, ${cache});
        else {
          ${changeFlags}
          loaded = heapFlags.withStartupFlags(() => codeCache.runBundle(${bundle}, ${cache}));
        }
        process.stdout.write(String(loaded.fromCache));
      `], { encoding: 'utf8' });
      return output === 'true';
    }

    it('is refused at the next start when saved as the flags are', () => {
      assert.equal(savedThenRead('as they are', 'at start-up'), false);
    });

    it('is used at the next start when saved with the start-up flags put back', () => {
      assert.equal(savedThenRead('with the start-up flags', 'at start-up'), true);
    });

    it('is used by a process that changed its flags too, when read with the start-up flags put back', () => {
      assert.equal(savedThenRead('with the start-up flags', 'after changing them, with the start-up flags'), true);
    });
  });
});
