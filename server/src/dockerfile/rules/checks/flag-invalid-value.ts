// Flag values BuildKit would reject: booleans, enums, permissions, checksums, a missing value.
// HEALTHCHECK durations and retries have rules of their own; RUN --mount has mount-invalid.
import { flagReference, isPermissions, parseBoolean } from '../../reference';
import type { Instruction } from '../../syntax/types';
import type { Check, CheckContext } from '../types';
import { closest, didYouMean } from '../support/suggest';

export const check: Check = {
  instructions: ['FROM', 'RUN', 'COPY', 'ADD', 'ONBUILD'],
  visit(instruction, context) {
    visitFlags(instruction, context);
    if (instruction.trigger) visitFlags(instruction.trigger, context);
  },
};

function visitFlags(instruction: Instruction, context: CheckContext): void {
  for (const flag of instruction.flags) {
    const name = flag.name.value;
    const reference = flagReference(instruction.name, name);
    if (!reference || name === 'mount' || name === 'device') continue;
    const token = flag.value;
    if (!token) {
      if (!reference.valueOptional) context.report({ start: flag.start, end: flag.end, message: `--${name} needs a value: --${name}=${reference.value.syntax}.` });
      continue;
    }
    const value = token.value;
    // Variables are substituted by BuildKit first: their values are not known here.
    if (value.includes('$')) continue;
    const at = token.text === '' ? { start: flag.start, end: flag.end } : { start: token.start, end: token.end };
    const kind = reference.value.kind;
    if (value === '') {
      if (kind !== 'boolean' && kind !== 'glob') context.report({ ...at, message: `--${name} has an empty value: --${name}=${reference.value.syntax}.` });
      continue;
    }
    switch (kind) {
      case 'boolean':
        if (parseBoolean(value) === undefined) context.report({ ...at, message: `--${name} takes true or false, not "${value}".` });
        break;
      case 'enum': {
        const values = reference.value.values?.map((choice) => choice.value) ?? [];
        const matches = reference.value.caseInsensitive ? values.some((candidate) => candidate.toLowerCase() === value.toLowerCase()) : values.includes(value);
        if (!matches) {
          const suggestion = closest(value, values);
          context.report({
            ...at,
            message: `Invalid --${name} "${value}": use ${values.join(', ')}.${didYouMean(suggestion)}`,
            fix: suggestion ? () => ({ title: `Replace with ${suggestion}`, edits: [{ start: token.start, end: token.end, newText: suggestion }] }) : undefined,
          });
        }
        break;
      }
      case 'permissions':
        if (!isPermissions(value)) context.report({ ...at, message: `Invalid --${name} "${value}": use octal permissions (755, 0644) or, with docker/dockerfile 1.14+, symbolic ones (u+x).` });
        break;
      case 'checksum':
        if (!/^sha(256|384|512):[0-9a-fA-F]+$/.test(value) && !/^[0-9a-fA-F]{4,64}$/.test(value)) {
          context.report({ ...at, message: `Invalid --${name} "${value}": use sha256:<hex> for a URL, or a commit SHA for a Git source.` });
        } else if (/^sha256:/.test(value) && value.length !== 'sha256:'.length + 64) {
          context.report({ ...at, message: `Invalid --${name}: a sha256 digest has 64 hexadecimal digits, this one has ${value.length - 'sha256:'.length}.` });
        }
        break;
      default:
        break;
    }
  }
}
