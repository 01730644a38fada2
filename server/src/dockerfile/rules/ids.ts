// Rule ids, derived from the table so that a rule cannot exist without its row.
import type { RULE_TABLE } from './table';

export type RuleId = (typeof RULE_TABLE)[number]['id'];
