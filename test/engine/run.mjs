// Engine-tier runner: brings the real engines up (test/engine/up.sh), runs the mocha suite
// test/engine/**/*.test.ts against them, and brings them down again.
//
//   CI=true   up.sh must succeed (else this fails loudly), the suite runs, down.sh always runs
//             (unless LAYERWISE_KEEP_SERVICES=1: the caller, .ci/run, stops them itself).
//   otherwise when the engines cannot be brought up, prints one line `SKIPPED: <reason>` and
//             exits 0; the services stay up after the run (other engineers' runs may share
//             them), `--down` stops them at the end.
//
// Extra arguments are passed to mocha (e.g. `-- --grep tls`).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const ci = process.env.CI === 'true' || process.env.CI === '1';
const args = process.argv.slice(2);
// .ci/run brings the services up and down itself around `npm test` (LAYERWISE_KEEP_SERVICES=1).
const keepServices = process.env.LAYERWISE_KEEP_SERVICES === '1';
const stopAtEnd = (ci && !keepServices) || args.includes('--down');
const mochaArgs = args.filter((arg) => arg !== '--down' && arg !== '--');

function runScript(name) {
  // stderr is captured to find the reason of a failure, and echoed so the run log shows it.
  const result = spawnSync('bash', [join(here, name)], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
  if (result.stderr) process.stderr.write(result.stderr);
  const failure = (result.stderr ?? '')
    .split('\n')
    .reverse()
    .find((line) => line.includes('FAILED:'));
  const reason = failure?.replace(/^.*FAILED:\s*/, '') ?? result.error?.message ?? `${name} exited with ${result.status ?? result.signal}`;
  return { ok: result.status === 0, reason };
}

const up = runScript('up.sh');
if (!up.ok) {
  if (ci) {
    console.error(`engine tier: cannot start the engines (CI=true, so this fails): ${up.reason}`);
    runScript('down.sh');
    process.exit(1);
  }
  console.log(`SKIPPED: ${up.reason}`);
  process.exit(0);
}

const mocha = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--config', join(here, '.mocharc.json'), ...mochaArgs],
  { cwd: root, stdio: 'inherit' },
);

if (stopAtEnd) {
  const down = runScript('down.sh');
  if (!down.ok) console.error(`engine tier: down.sh failed: ${down.reason}`);
} else {
  console.log('engine tier: services left running for the next run (test/engine/down.sh stops them).');
}
process.exit(mocha.status ?? 1);
