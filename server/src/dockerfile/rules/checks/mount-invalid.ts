// RUN --mount options BuildKit rejects (commands_runmount.go parseMount): an unknown type, a key
// the type does not take, a bad boolean, sharing mode, octal mode, id or size, a missing target.
import { MOUNT_OPTION_KEYS, MOUNT_TYPE_NAMES, isOctalMode, mountOption, mountType, parseBoolean } from '../../reference';
import type { Check } from '../types';
import { mountsOf } from '../support/mounts';
import { closest, didYouMean } from '../support/suggest';

export const check: Check = {
  instructions: ['RUN', 'ONBUILD'],
  visit(instruction, context) {
    const run = instruction.name === 'ONBUILD' ? instruction.trigger : instruction;
    if (!run || run.name !== 'RUN') return;
    for (const mount of mountsOf(run)) {
      const typeField = mount.fields.find((field) => field.key === 'type');
      const type = mountType(mount.type);
      if (!type) {
        const suggestion = closest(mount.type, MOUNT_TYPE_NAMES);
        const at = typeField ? { start: typeField.valueStart, end: typeField.valueEnd } : { start: mount.flag.start, end: mount.flag.end };
        context.report({
          ...at,
          message: `Unsupported mount type "${mount.type}": use ${MOUNT_TYPE_NAMES.join(', ')}.${didYouMean(suggestion)}`,
          fix: suggestion && typeField ? () => ({ title: `Replace with ${suggestion}`, edits: [{ start: typeField.valueStart, end: typeField.valueEnd, newText: suggestion }] }) : undefined,
        });
        continue;
      }
      for (const field of mount.fields) {
        if (field.key === '' && field.value === undefined) continue;
        const option = mountOption(type.name, field.key);
        const keySpan = { start: field.keyStart, end: Math.max(field.keyEnd, field.keyStart + 1) };
        if (!option) {
          const known = MOUNT_OPTION_KEYS.includes(field.key);
          const suggestion = known ? undefined : closest(field.key, type.options.flatMap((candidate) => [candidate.name, ...candidate.aliases]));
          context.report({
            ...keySpan,
            message: known
              ? `A ${type.name} mount does not take "${field.key}": its options are ${type.options.map((candidate) => candidate.name).join(', ')}.`
              : `Unexpected key "${field.key}" in --mount.${didYouMean(suggestion)}`,
            fix: suggestion ? () => ({ title: `Replace with ${suggestion}`, edits: [{ start: field.keyStart, end: field.keyEnd, newText: suggestion }] }) : undefined,
          });
          continue;
        }
        const value = field.value;
        const valueSpan = { start: field.valueStart, end: Math.max(field.valueEnd, field.valueStart) };
        if (value === undefined) {
          if (!option.valueOptional) context.report({ ...keySpan, message: `"${field.key}" needs a value: ${field.key}=${option.value.syntax}.` });
          continue;
        }
        if (value.includes('$')) continue;
        switch (option.value.kind) {
          case 'boolean':
            if (parseBoolean(value) === undefined) context.report({ ...valueSpan, message: `"${field.key}" takes true or false, not "${value}".` });
            break;
          case 'enum':
            if (option.name !== 'type' && !(option.value.values ?? []).some((choice) => choice.value.toLowerCase() === value.toLowerCase())) {
              const values = (option.value.values ?? []).map((choice) => choice.value);
              context.report({ ...valueSpan, message: `Invalid ${field.key} "${value}": use ${values.join(', ')}.${didYouMean(closest(value, values))}` });
            }
            break;
          case 'octal':
            if (!isOctalMode(value)) context.report({ ...valueSpan, message: `Invalid ${field.key} "${value}": use an octal mode such as 0755.` });
            break;
          case 'integer':
            if (!/^\d+$/.test(value)) context.report({ ...valueSpan, message: `Invalid ${field.key} "${value}": use a number.` });
            break;
          case 'size':
            if (!/^\d+(\.\d+)?\s*([kmgtp]i?b?|b)?$/i.test(value)) context.report({ ...valueSpan, message: `Invalid size "${value}": use bytes with an optional unit, e.g. 64m or 1g.` });
            break;
          default:
            if (value === '' && option.name !== 'source') context.report({ ...keySpan, message: `"${field.key}" has an empty value.` });
        }
      }
    }
  },
};
