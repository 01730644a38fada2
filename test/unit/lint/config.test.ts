// .hadolint.yaml as hadolint reads it, and how it combines with layerwise.lint settings.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, findHadolintConfig, parseHadolintConfig } from '../../../server/src/lint/hadolintConfig';
import { DEFAULT_LINT_SETTINGS, lintSettingsFrom, resolveLintConfig } from '../../../server/src/lint/lintConfig';

describe('lint configuration', () => {
  it('reads every key hadolint users write', () => {
    const config = parseHadolintConfig(
      ['ignored:', '  - DL3008', '  - SC2086', 'override:', '  error: [DL3014]', '  style: [DL3059]', 'trustedRegistries: docker.io', 'failure-threshold: warning', 'label-schema:', '  version: semver', 'strict-labels: true', 'disable-ignore-pragma: true'].join('\n'),
      '/p/.hadolint.yaml',
    );
    assert.deepEqual(config.ignored, ['DL3008', 'SC2086']);
    assert.deepEqual(config.override, { error: ['DL3014'], style: ['DL3059'] });
    assert.deepEqual(config.trustedRegistries, ['docker.io']);
    assert.equal(config.failureThreshold, 'warning');
    assert.deepEqual(config.labelSchema, { version: 'semver' });
    assert.equal(config.strictLabels, true);
    assert.equal(config.disableIgnorePragma, true);
  });

  it('says what is wrong, where, and how to fix it', () => {
    assert.throws(() => parseHadolintConfig('ignored: [DL3008\n', '/p/.hadolint.yaml'), (error: Error) => error instanceof ConfigError && /^\/p\/\.hadolint\.yaml:\d+:\d+: not valid YAML/.test(error.message));
    assert.throws(() => parseHadolintConfig('failure-threshold: loud\n', '/p/.hadolint.yaml'), /failure-threshold "loud" is not one of error, warning, info, style, ignore, none/);
    assert.throws(() => parseHadolintConfig('override:\n  fatal: [DL3008]\n', '/p/.hadolint.yaml'), /unknown override level "fatal": use error, warning, info or style/);
    assert.throws(() => parseHadolintConfig('ignored: 3\n', '/p/.hadolint.yaml'), /"ignored" must be a list of strings/);
  });

  it('maps hadolint codes and BuildKit names to rules; settings win over the file', () => {
    const hadolint = parseHadolintConfig('ignored: [DL3014, SC2086]\noverride:\n  error: [DL3008]\n  style: [MultipleInstructionsDisallowed]\n', 'x');
    const resolved = resolveLintConfig(hadolint, { ...DEFAULT_LINT_SETTINGS, rules: { 'apt-get-pin-versions': 'info', DL3059: 'off', 'apt-get-yes': 'default' } });
    assert.deepEqual(resolved.lint.severities, {
      'apt-get-yes': 'off',
      'apt-get-pin-versions': 'info',
      'multiple-cmd': 'info',
      'multiple-entrypoint': 'info',
      'multiple-healthcheck': 'info',
      'consecutive-run': 'off',
    });
    assert.deepEqual([...resolved.ignoredShellcheckCodes], ['SC2086']);
  });

  it('reports codes that name no rule', () => {
    assert.deepEqual(resolveLintConfig(parseHadolintConfig('ignored: [DL9999]\n', 'x'), DEFAULT_LINT_SETTINGS).unknownCodes, ['DL9999']);
  });

  it('reads nested and flat layerwise.lint settings', () => {
    assert.deepEqual(lintSettingsFrom({ lint: { enable: false, rules: { 'apt-get-yes': 'error', x: 'loud' }, shellcheck: { enable: true, path: '/opt/sc' } } }), {
      enable: false,
      rules: { 'apt-get-yes': 'error' },
      shellcheck: { enable: true, path: '/opt/sc' },
      configFile: '',
    });
    assert.deepEqual(lintSettingsFrom({ 'lint.rules.no-apt': 'off' }).rules, { 'no-apt': 'off' });
  });

  it('finds the nearest .hadolint.yaml (or .yml) up from the Dockerfile', async () => {
    const root = mkdtempSync(join(tmpdir(), 'layerwise-config-'));
    try {
      mkdirSync(join(root, 'a', 'b'), { recursive: true });
      writeFileSync(join(root, '.hadolint.yml'), 'ignored: [DL3006]\n');
      assert.deepEqual((await findHadolintConfig(join(root, 'a', 'b'), root))?.ignored, ['DL3006']);
      writeFileSync(join(root, 'a', '.hadolint.yaml'), 'ignored: [DL3007]\n');
      const found = await findHadolintConfig(join(root, 'a', 'b'), root);
      assert.equal(found?.path, join(root, 'a', '.hadolint.yaml'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
