// The CI gate: dive's three rules, configured the way dive is (a `.dive-ci` file, then command
// line flags, then dive's defaults), so an existing dive setup moves over unchanged.
//
// Which "wasted bytes" a rule checks: by default ours (bytes a later layer removed or replaced);
// with the dive metric, dive's inefficient bytes (every copy of a path seen in two or more
// layers). `highestUserWastedPercent` divides that figure by the bytes of every layer but the
// first, as dive does. Like dive, a rule fails only when the threshold is strictly crossed.
import { formatBytes, parseBytes } from '../byteSize';
import type { ImageAnalysis } from '../model';

export type RuleKey = 'lowestEfficiency' | 'highestWastedBytes' | 'highestUserWastedPercent';
export type WastedMetric = 'layerwise' | 'dive';
export type RuleStatus = 'pass' | 'fail' | 'skip' | 'misconfigured';

export const ruleKeys: readonly RuleKey[] = ['lowestEfficiency', 'highestWastedBytes', 'highestUserWastedPercent'];

/** dive's built-in defaults (options/ci_rules.go); its README's sample file is only an example. */
export const diveDefaults: Readonly<Record<RuleKey, string>> = {
  lowestEfficiency: '0.9',
  highestWastedBytes: 'disabled',
  highestUserWastedPercent: '0.1',
};

export interface RuleResult {
  readonly key: RuleKey;
  readonly status: RuleStatus;
  readonly configured: string;
  readonly message: string;
}

export interface CiConfigFile {
  readonly rules: Partial<Record<RuleKey, string>>;
  readonly warnings: readonly string[];
}

const disabledWords = new Set(['', 'disabled', 'off', 'false']);

/** Reads dive's `.dive-ci` (YAML with a `rules:` map). Kebab-case keys are accepted, as dive does. */
export function parseCiConfig(text: string, fileLabel: string): CiConfigFile {
  const rules: Partial<Record<RuleKey, string>> = {};
  const warnings: string[] = [];
  let inRules = false;
  let rulesIndent = -1;
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = stripComment(rawLine);
    if (line.trim() === '') return;
    const indent = line.length - line.trimStart().length;
    const match = /^\s*([A-Za-z0-9_-]+)\s*:\s*(.*)$/.exec(line);
    if (!match) {
      warnings.push(`${fileLabel}:${index + 1}: cannot read "${rawLine.trim()}" (expected "key: value").`);
      return;
    }
    const [, key, value] = match;
    if (indent === 0) {
      inRules = key === 'rules';
      rulesIndent = -1;
      if (inRules && value.trim().startsWith('{')) readFlowMap(value, rules, warnings, fileLabel, index + 1);
      return;
    }
    if (!inRules) return;
    if (rulesIndent < 0) rulesIndent = indent;
    if (indent !== rulesIndent) return;
    const ruleKey = toRuleKey(key);
    if (!ruleKey) {
      warnings.push(`${fileLabel}:${index + 1}: unknown rule "${key}" (known: ${ruleKeys.join(', ')}).`);
      return;
    }
    rules[ruleKey] = unquote(value.trim());
  });
  return { rules, warnings };
}

function readFlowMap(value: string, rules: Partial<Record<RuleKey, string>>, warnings: string[], fileLabel: string, line: number): void {
  const body = value.trim().replace(/^\{/, '').replace(/\}$/, '');
  for (const pair of body.split(',')) {
    const colon = pair.indexOf(':');
    if (colon < 0) continue;
    const ruleKey = toRuleKey(pair.slice(0, colon).trim());
    if (ruleKey) rules[ruleKey] = unquote(pair.slice(colon + 1).trim());
    else warnings.push(`${fileLabel}:${line}: unknown rule "${pair.slice(0, colon).trim()}".`);
  }
}

function stripComment(line: string): string {
  let quote: string | undefined;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#' && (index === 0 || /\s/.test(line[index - 1]))) return line.slice(0, index);
  }
  return line;
}

function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) return value.slice(1, -1);
  return value;
}

/** "lowestEfficiency", "lowest-efficiency" and "lowest_efficiency" all name the same rule. */
export function toRuleKey(name: string): RuleKey | undefined {
  const flat = name.replace(/[-_]/g, '').toLowerCase();
  return ruleKeys.find((key) => key.toLowerCase() === flat);
}

/** Flags win over the file, the file over dive's defaults. */
export function effectiveRules(
  fromFile: Partial<Record<RuleKey, string>>,
  fromFlags: Partial<Record<RuleKey, string>>,
): Record<RuleKey, string> {
  return {
    lowestEfficiency: fromFlags.lowestEfficiency ?? fromFile.lowestEfficiency ?? diveDefaults.lowestEfficiency,
    highestWastedBytes: fromFlags.highestWastedBytes ?? fromFile.highestWastedBytes ?? diveDefaults.highestWastedBytes,
    highestUserWastedPercent: fromFlags.highestUserWastedPercent ?? fromFile.highestUserWastedPercent ?? diveDefaults.highestUserWastedPercent,
  };
}

export function evaluateRules(rules: Record<RuleKey, string>, analysis: ImageAnalysis, metric: WastedMetric): RuleResult[] {
  const wasted = metric === 'dive' ? analysis.inefficientBytes : analysis.wastedBytes;
  const wastedName = metric === 'dive' ? 'inefficient bytes (dive)' : 'wasted bytes';
  const userFraction = analysis.userSizeBytes > 0 ? wasted / analysis.userSizeBytes : wasted > 0 ? Infinity : 0;
  return ruleKeys.map((key): RuleResult => {
    const configured = rules[key].trim();
    const result = (status: RuleStatus, message: string): RuleResult => ({ key, status, configured, message });
    if (disabledWords.has(configured.toLowerCase())) return result('skip', 'rule disabled');
    switch (key) {
      case 'lowestEfficiency': {
        const threshold = parseFraction(configured);
        if (threshold === undefined) return result('misconfigured', `expected a number from 0 to 1, got "${configured}"`);
        return analysis.efficiency < threshold
          ? result('fail', `image efficiency is too low (efficiency=${round(analysis.efficiency)} < threshold=${threshold})`)
          : result('pass', `efficiency=${round(analysis.efficiency)} ≥ ${threshold}`);
      }
      case 'highestWastedBytes': {
        const threshold = parseBytes(configured);
        if (threshold === undefined) return result('misconfigured', `expected a size such as 20MB, got "${configured}"`);
        return wasted > threshold
          ? result('fail', `too many bytes wasted (${wastedName}=${formatBytes(wasted)} > threshold=${formatBytes(threshold)})`)
          : result('pass', `${wastedName}=${formatBytes(wasted)} ≤ ${formatBytes(threshold)}`);
      }
      case 'highestUserWastedPercent': {
        const threshold = parseFraction(configured);
        if (threshold === undefined) return result('misconfigured', `expected a fraction from 0 to 1, got "${configured}"`);
        return userFraction > threshold
          ? result('fail', `too many bytes wasted, relative to the user bytes added (${wastedName}/user bytes=${round(userFraction)} > threshold=${threshold})`)
          : result('pass', `${wastedName}/user bytes=${round(userFraction)} ≤ ${threshold}`);
      }
    }
  });
}

function parseFraction(text: string): number | undefined {
  if (!/^\s*[0-9]*\.?[0-9]+\s*$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 0 && value <= 1 ? value : undefined;
}

function round(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 10_000) / 10_000) : '∞';
}
