// Lookups over the rules table: by id, and by any code a user may write (our id, a hadolint
// DLxxxx code, a BuildKit check name), case-insensitively.
import { buildCheck } from '../reference';
import { RULE_TABLE } from './table';
import type { RuleDefinition, RuleId } from './types';

export const RULES: readonly RuleDefinition[] = RULE_TABLE;

const byId = new Map<string, RuleDefinition>(RULES.map((rule) => [rule.id, rule]));
const byCode = new Map<string, RuleDefinition[]>();
for (const rule of RULES) {
  for (const code of [rule.id, ...rule.aliases]) {
    const key = code.toLowerCase();
    const list = byCode.get(key) ?? [];
    list.push(rule);
    byCode.set(key, list);
  }
}

export function ruleById(id: RuleId): RuleDefinition {
  return byId.get(id)!;
}

export function isRuleId(id: string): id is RuleId {
  return byId.has(id);
}

/** The rules a code names: `DL3008`, `MultipleInstructionsDisallowed` (three rules), `apt-get-yes`. */
export function rulesForCode(code: string): readonly RuleDefinition[] {
  return byCode.get(code.toLowerCase()) ?? [];
}

/** The rule's documentation: BuildKit's page for a BuildKit check, hadolint's wiki for a DL rule. */
export function ruleUrl(rule: RuleDefinition): string | undefined {
  for (const alias of rule.aliases) {
    const check = buildCheck(alias);
    if (check) return check.url;
  }
  const dl = rule.aliases.find((alias) => /^DL\d{4}$/.test(alias));
  return dl ? `https://github.com/hadolint/hadolint/wiki/${dl}` : undefined;
}
