// Writes docs/rules.md and the "Lint" settings of package.json from the rules table:
// `npm run docs:rules`. Only the "Lint" section of package.json is replaced.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintSettingsSection, renderRulesMarkdown } from './rulesReference';

const root = join(__dirname, '..', '..', '..');
writeFileSync(join(root, 'docs', 'rules.md'), renderRulesMarkdown());

const packagePath = join(root, 'package.json');
const manifest = JSON.parse(readFileSync(packagePath, 'utf8')) as { contributes: { configuration: { title: string }[] } };
const sections = manifest.contributes.configuration;
const index = sections.findIndex((section) => section.title === 'Lint');
if (index >= 0) sections[index] = lintSettingsSection();
else sections.push(lintSettingsSection());
writeFileSync(packagePath, `${JSON.stringify(manifest, null, 2)}\n`);
process.stdout.write('docs/rules.md and the Lint settings of package.json are up to date.\n');
