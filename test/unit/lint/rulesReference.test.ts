// docs/rules.md and the "Lint" settings of package.json are generated from the rules table:
// they must be what `npm run docs:rules` writes now.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../../server/src/dockerfile/rules';
import { lintSettingsSection, renderRulesMarkdown } from '../../../server/src/lint/rulesReference';

const root = join(__dirname, '..', '..', '..');

describe('rules reference', () => {
  it('docs/rules.md is up to date (run npm run docs:rules)', () => {
    assert.equal(readFileSync(join(root, 'docs', 'rules.md'), 'utf8'), renderRulesMarkdown());
  });

  it('package.json contributes one layerwise.lint.rules.<id> setting per rule, in a "Lint" section (run npm run docs:rules)', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { configuration: { title: string }[] } };
    const section = manifest.contributes.configuration.find((candidate) => candidate.title === 'Lint');
    assert.deepEqual(section, lintSettingsSection());
    const ruleKeys = Object.keys(lintSettingsSection().properties).filter((key) => key.startsWith('layerwise.lint.rules.'));
    assert.deepEqual(ruleKeys.map((key) => key.slice('layerwise.lint.rules.'.length)), RULES.map((rule) => rule.id));
  });
});
