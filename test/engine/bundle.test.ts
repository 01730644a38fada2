// The shipped bundle has no node_modules beside it: ssh2's optional native parts (cpu-features,
// sshcrypto.node) stay external in esbuild.mjs and must fall back to JavaScript. This builds the
// engine module the way esbuild.mjs does, runs it from a folder with no node_modules, and
// reaches the engine over ssh://.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { testState } from './support';

const repoRoot = path.join(__dirname, '..', '..');

describe('engine module bundle', () => {
  it('connects over ssh:// from an esbuild bundle with no native modules available', async function () {
    this.timeout(120_000);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'layerwise-bundle-'));
    try {
      const entry = path.join(dir, 'entry.ts');
      await fs.writeFile(
        entry,
        [
          `import { EngineConnection, parseHost } from ${JSON.stringify(path.join(repoRoot, 'client/src/engine'))};`,
          'const [host, key] = process.argv.slice(2);',
          'EngineConnection.open(parseHost(host, { source: "setting", ssh: { identityFiles: [key] } }), { timeoutMs: 30000 })',
          '  .then(async (engine) => { const images = await engine.listImages(); console.log(JSON.stringify({ product: engine.info.product, tags: images.flatMap((i) => i.repoTags) })); engine.dispose(); })',
          '  .catch((error) => { console.log(JSON.stringify({ error: String(error && error.message) })); process.exitCode = 1; });',
        ].join('\n'),
      );
      // Same externals as esbuild.mjs's extension bundle.
      await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', target: 'node18', format: 'cjs', outfile: path.join(dir, 'out', 'bundle.js'), external: ['vscode', 'cpu-features', '*.node'], logLevel: 'silent' });
      const state = testState();
      const stdout = await new Promise<string>((resolve, reject) => {
        execFile(process.execPath, [path.join(dir, 'out', 'bundle.js'), state.ssh.host, state.ssh.identityFile], { cwd: dir, env: { PATH: process.env.PATH, HOME: process.env.HOME }, timeout: 60_000 }, (error, out, err) =>
          error && !out ? reject(new Error(`${error.message}\n${err}`)) : resolve(out),
        );
      });
      const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
      assert.equal(result.error, undefined, result.error);
      assert.equal(result.product, 'docker');
      assert.ok(result.tags.includes(state.baseImage));
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
