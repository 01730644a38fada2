/**
 * Lint rules for Dockerfiles: every hadolint DL rule and BuildKit build check that the text can
 * decide, the builder's syntax and semantic errors, and layer-hygiene rules of our own.
 *
 *     const result = lintDocument(analyzeText(text), { severities, options }, shells);
 *     result.findings   // Finding[]: rule (id, aliases, docs…), severity, message, start/end, fix?()
 *
 * The table (table.ts) is the one source of rule facts; each rule's check is checks/<id>.ts.
 * Configuration resolves to `LintConfig.severities` (see server/src/lint for settings and
 * .hadolint.yaml); inline ignores in our, hadolint's and BuildKit's syntax are honoured here.
 */
export { lintDocument, type LintConfig, type LintResult } from './engine';
export { RULES, isRuleId, ruleById, ruleUrl, rulesForCode } from './registry';
export { CHECKS } from './checks';
export { RULE_OF_PROBLEM_CODES } from './problems';
export { inlineIgnored, parseCheckOptions, readPragma, type CheckDirectiveOptions, type Pragma } from './ignores';
export type * from './types';
