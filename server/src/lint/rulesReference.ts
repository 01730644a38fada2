// The rules reference, generated from the rules table: docs/rules.md and the "Lint" settings
// section of package.json (one `layerwise.lint.rules.<id>` setting per rule). Pure: the writer is
// writeRulesReference.ts (`npm run docs:rules`), a unit test keeps both files in step.
import { RULES, ruleUrl, type RuleDefinition } from '../dockerfile/rules';

const CATEGORY_TITLES: Readonly<Record<RuleDefinition['category'], string>> = {
  syntax: 'Syntax and build errors',
  semantics: 'Semantics',
  'best-practice': 'Best practices',
  shell: 'Commands in RUN',
  layers: 'Layer hygiene',
  labels: 'Labels',
  style: 'Style',
};

export function renderRulesMarkdown(): string {
  const out: string[] = [
    '# Lint rules',
    '',
    '<!-- Generated from server/src/dockerfile/rules/table.ts by `npm run docs:rules`. Do not edit by hand. -->',
    '',
    `Layerwise checks Dockerfiles with ${RULES.length} rules: what BuildKit would reject, every hadolint rule and BuildKit build check that the text of a Dockerfile decides, and layer hygiene rules of its own. The editor shows them as you type; \`layerwise lint\` runs the same rules in CI.`,
    '',
    'Each rule has a stable id (the diagnostic code). **Aliases** are the hadolint codes (`DLxxxx`) and BuildKit check names it corresponds to: they work everywhere an id does.',
    '',
    '## Configuring',
    '',
    '- Severity per rule: the setting `layerwise.lint.rules.<id>` (`off`, `info`, `warning`, `error`, or `default`); `layerwise lint --rule <id|alias>=<severity>`.',
    '- `.hadolint.yaml` next to the Dockerfile (or in a parent directory, or hadolint\'s user locations; `layerwise.lint.configFile` / `--config` to name one): `ignored`, `override` (`error`/`warning`/`info`/`style`), `trustedRegistries`, `failure-threshold`, `label-schema`, `strict-labels`, `disable-ignore-pragma`.',
    '- Inline, for the next instruction: `# layerwise-ignore <id|alias>[, …]`, `# hadolint ignore=DL3008,SC2086`, `# check=skip=JSONArgsRecommended`. For the whole file: `# layerwise-ignore-file <id|alias>`, `# hadolint global ignore=…`, the `# check=skip=…;error=true` parser directive. For the rest of a stage: `# hadolint stage ignore=…`. `# hadolint shell=powershell` turns the rules about RUN commands off.',
    '- ShellCheck runs on RUN scripts when installed and `layerwise.lint.shellcheck.enable` is on (`layerwise lint --shellcheck`).',
    '',
    '## Rules',
    '',
    '| id | default | aliases | fix | what it finds |',
    '|---|---|---|---|---|',
  ];
  for (const rule of RULES) {
    out.push(`| [\`${rule.id}\`](#${rule.id}) | ${rule.severity} | ${rule.aliases.join(', ') || '—'} | ${rule.fix ? 'yes' : ''} | ${escapeCell(rule.title)} |`);
  }
  for (const category of Object.keys(CATEGORY_TITLES) as RuleDefinition['category'][]) {
    const rules = RULES.filter((rule) => rule.category === category);
    if (rules.length === 0) continue;
    out.push('', `## ${CATEGORY_TITLES[category]}`);
    for (const rule of rules) {
      out.push('', `### ${rule.id}`, '', `**${rule.title}**`, '', rule.docs, '');
      const facts = [`Default severity: ${rule.severity}.`];
      if (rule.aliases.length > 0) facts.push(`Aliases: ${rule.aliases.map((alias) => `\`${alias}\``).join(', ')}.`);
      if (rule.fix) facts.push(`Quick fix: ${rule.fix.title}.`);
      if (rule.requires) facts.push(`Active only when ${requirement(rule.requires)}.`);
      const url = ruleUrl(rule);
      if (url) facts.push(`Upstream documentation: <${url}>.`);
      out.push(facts.join(' '));
    }
  }
  return `${out.join('\n')}\n`;
}

/** The "Lint" configuration section of package.json. */
export function lintSettingsSection(): { title: string; order: number; properties: Record<string, unknown> } {
  const properties: Record<string, unknown> = {
    'layerwise.lint.enable': {
      type: 'boolean',
      default: true,
      scope: 'resource',
      markdownDescription: 'Check Dockerfiles as you type: syntax and build errors, hadolint rules, BuildKit build checks and layer hygiene. See the rules in `docs/rules.md`.',
    },
    'layerwise.lint.configFile': {
      type: 'string',
      default: '',
      scope: 'resource',
      markdownDescription: 'A `.hadolint.yaml` to use for every Dockerfile. Empty: the one next to the Dockerfile or in a parent directory, then hadolint\'s user locations (`~/.config/hadolint.yaml`, `~/.hadolint.yaml`…).',
    },
    'layerwise.lint.shellcheck.enable': {
      type: 'boolean',
      default: false,
      scope: 'resource',
      markdownDescription: 'Also run [ShellCheck](https://www.shellcheck.net) on the scripts of RUN instructions, as hadolint does. ShellCheck must be installed (`apt-get install shellcheck`, `brew install shellcheck`).',
    },
    'layerwise.lint.shellcheck.path': {
      type: 'string',
      default: 'shellcheck',
      scope: 'machine-overridable',
      markdownDescription: 'The ShellCheck executable used when `#layerwise.lint.shellcheck.enable#` is on.',
    },
  };
  for (const rule of RULES) {
    properties[`layerwise.lint.rules.${rule.id}`] = {
      type: 'string',
      enum: ['default', 'off', 'info', 'warning', 'error'],
      enumDescriptions: [`The rule's default (${rule.severity}), or what .hadolint.yaml says`, 'Not reported', 'Information', 'Warning', 'Error'],
      default: 'default',
      scope: 'resource',
      markdownDescription: `${rule.title}${rule.aliases.length > 0 ? ` (${rule.aliases.join(', ')})` : ''} Default: ${rule.severity}.`,
    };
  }
  return { title: 'Lint', order: 12, properties };
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function requirement(requires: NonNullable<RuleDefinition['requires']>): string {
  switch (requires) {
    case 'trustedRegistries':
      return '`.hadolint.yaml` sets `trustedRegistries`';
    case 'labelSchema':
      return '`.hadolint.yaml` sets `label-schema`';
    case 'strictLabels':
      return '`.hadolint.yaml` sets `strict-labels: true` and a `label-schema`';
    default:
      return 'the build context (the Dockerfile\'s directory) has a `.dockerignore`';
  }
}
