// The one place where settings and .hadolint.yaml become the core's LintConfig, for the editor and
// the CLI alike. Precedence: the table's default, then .hadolint.yaml (`override`, then
// `ignored`), then `layerwise.lint.rules.<id>` (anything but "default").
import { isRuleId, rulesForCode, type LintConfig, type RuleId, type SeveritySetting } from '../dockerfile/rules';
import type { HadolintConfig } from './hadolintConfig';

export type RuleSetting = SeveritySetting | 'default';

export interface LintSettings {
  readonly enable: boolean;
  /** `layerwise.lint.rules`: rule id (or alias) → severity. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly shellcheck: { readonly enable: boolean; readonly path: string };
  /** `layerwise.lint.configFile`: an explicit .hadolint.yaml. */
  readonly configFile: string;
}

export const DEFAULT_LINT_SETTINGS: LintSettings = { enable: true, rules: {}, shellcheck: { enable: false, path: 'shellcheck' }, configFile: '' };

/** Reads the `lint` part of the `layerwise` settings section, tolerating missing or wrong-typed values. */
export function lintSettingsFrom(section: Readonly<Record<string, unknown>>): LintSettings {
  const lint = (section.lint ?? {}) as Record<string, unknown>;
  const flat = (key: string): unknown => (lint[key] !== undefined ? lint[key] : section[`lint.${key}`]);
  const rules: Record<string, RuleSetting> = {};
  const rawRules = flat('rules');
  if (rawRules && typeof rawRules === 'object') {
    for (const [key, value] of Object.entries(rawRules as Record<string, unknown>)) {
      if (value === 'off' || value === 'info' || value === 'warning' || value === 'error') rules[key] = value;
    }
  }
  for (const [key, value] of Object.entries(section)) {
    if (key.startsWith('lint.rules.') && (value === 'off' || value === 'info' || value === 'warning' || value === 'error')) rules[key.slice('lint.rules.'.length)] = value;
  }
  const shellcheck = (flat('shellcheck') ?? {}) as Record<string, unknown>;
  return {
    enable: flat('enable') !== false,
    rules,
    shellcheck: {
      enable: shellcheck.enable === true || section['lint.shellcheck.enable'] === true,
      path: typeof shellcheck.path === 'string' && shellcheck.path !== '' ? shellcheck.path : 'shellcheck',
    },
    configFile: typeof flat('configFile') === 'string' ? (flat('configFile') as string) : '',
  };
}

export interface ResolvedLintConfig {
  readonly lint: LintConfig;
  /** ShellCheck codes (SCxxxx) turned off by .hadolint.yaml or settings. */
  readonly ignoredShellcheckCodes: ReadonlySet<string>;
  /** Codes in the configuration that name no rule (reported to the user). */
  readonly unknownCodes: readonly string[];
}

const HADOLINT_LEVEL: Readonly<Record<string, SeveritySetting>> = { error: 'error', warning: 'warning', info: 'info', style: 'info', ignore: 'off', none: 'off' };

export function resolveLintConfig(hadolint: HadolintConfig | undefined, settings: LintSettings): ResolvedLintConfig {
  const severities: Partial<Record<RuleId, SeveritySetting>> = {};
  const ignoredShellcheckCodes = new Set<string>();
  const unknownCodes: string[] = [];
  const apply = (code: string, severity: SeveritySetting): void => {
    if (/^SC\d{4}$/i.test(code)) {
      if (severity === 'off') ignoredShellcheckCodes.add(code.toUpperCase());
      return;
    }
    const rules = rulesForCode(code);
    if (rules.length === 0) unknownCodes.push(code);
    for (const rule of rules) severities[rule.id] = severity;
  };
  if (hadolint) {
    for (const level of ['style', 'info', 'warning', 'error'] as const) for (const code of hadolint.override[level] ?? []) apply(code, HADOLINT_LEVEL[level]);
    for (const code of hadolint.ignored) apply(code, 'off');
  }
  for (const [code, severity] of Object.entries(settings.rules)) {
    if (severity === 'default') continue;
    if (isRuleId(code)) severities[code] = severity;
    else apply(code, severity);
  }
  return {
    lint: {
      severities,
      options: {
        trustedRegistries: hadolint?.trustedRegistries ?? [],
        labelSchema: hadolint?.labelSchema ?? {},
        strictLabels: hadolint?.strictLabels ?? false,
      },
      disableInlineIgnores: hadolint?.disableIgnorePragma ?? false,
    },
    ignoredShellcheckCodes,
    unknownCodes,
  };
}
