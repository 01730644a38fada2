// `ENV key value` → `ENV key=value` (BuildKit LegacyKeyValueFormat).
import type { Check } from '../types';

export const check: Check = {
  instructions: ['ENV', 'LABEL'],
  visit(instruction, context) {
    if (!instruction.legacyKeyValue) return;
    const pair = instruction.keyValues[0];
    if (!pair) return;
    const value = pair.value;
    const canFix = value !== undefined && !/["'\\`]/.test(value.text) && !value.text.includes('\n');
    const newValue = value && /\s/.test(value.text) ? `"${value.text.replace(/\$/g, '$')}"` : value?.text;
    context.report({
      start: pair.start,
      end: pair.end,
      message: `"${instruction.name} key=value" should be used instead of legacy "${instruction.name} key value" format.`,
      fix: canFix && value ? () => ({ title: `Write ${pair.key.value}=${newValue}`, edits: [{ start: pair.key.end, end: value.end, newText: `=${newValue}` }] }) : undefined,
    });
  },
};
