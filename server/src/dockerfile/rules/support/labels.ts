// LABEL pairs with their substituted keys and values, and the value formats of hadolint's label schema.
import type { KeyValue } from '../../syntax/types';
import type { Instruction } from '../../index';
import type { Check, CheckContext, LabelType } from '../types';

export interface LabelPair {
  readonly instruction: Instruction;
  readonly pair: KeyValue;
  readonly key: string;
  /** Undefined when it depends on a value not known here. */
  readonly value: string | undefined;
}

export function labelPairs(context: CheckContext, instruction: Instruction): LabelPair[] {
  const facts = context.factsOf(instruction);
  return instruction.keyValues.map((pair, index) => {
    const expanded = facts?.expandedPairs[index];
    const key = expanded && !expanded.key.unknown ? expanded.key.value : pair.key.value;
    const value = expanded?.value ? (expanded.value.unknown ? undefined : expanded.value.value) : pair.value?.value;
    return { instruction, pair, key, value };
  });
}

const FORMATS: Record<Exclude<LabelType, 'text'>, { readonly valid: (value: string) => boolean; readonly what: string }> = {
  url: { valid: (value) => /^[a-z][a-z0-9+.-]*:\/\/[^\s/?#]+[^\s]*$/i.test(value), what: 'a valid URL' },
  rfc3339: { valid: (value) => /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(value), what: 'an RFC 3339 date and time (2024-06-01T12:00:00Z)' },
  spdx: { valid: (value) => /^[A-Za-z0-9.+-]+( (AND|OR|WITH) [A-Za-z0-9.+-]+)*$/.test(value) && !/\s{2}/.test(value), what: 'an SPDX license identifier (MIT, Apache-2.0)' },
  hash: { valid: (value) => /^[0-9a-f]{7,40}$/.test(value), what: 'a git hash' },
  semver: { valid: (value) => /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(value), what: 'a semantic version (1.4.2)' },
  email: { valid: (value) => /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(value), what: 'a valid email address' },
};

/** A rule that checks the labels the schema types as `type`. */
export function labelFormat(type: Exclude<LabelType, 'text'>): Check {
  return {
    instructions: ['LABEL'],
    visit(instruction, context) {
      const format = FORMATS[type];
      for (const label of labelPairs(context, instruction)) {
        if (context.options.labelSchema[label.key] !== type || label.value === undefined || label.value === '') continue;
        if (format.valid(label.value)) continue;
        const at = label.pair.value ?? label.pair.key;
        context.report({ start: at.start, end: at.end, message: `Label ${label.key} is not ${format.what}: "${label.value}".` });
      }
    },
  };
}
