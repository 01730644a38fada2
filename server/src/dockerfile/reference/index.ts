/**
 * THE Dockerfile reference, as data: every instruction, flag, flag value syntax and default,
 * `RUN --mount` type and option, parser directive (with BuildKit's check names), predefined
 * build argument and stop signal, with documentation and a link to the official reference.
 * Completion, hover, signature help and validation all read it; nothing else may hard-code
 * these facts.
 *
 *     instructionReference('copy')?.flags            // FlagReference[] (name, value syntax, default…)
 *     flagReference('HEALTHCHECK', 'start-period')   // { default: { value: '0s' }, … }
 *     mountType('cache')?.options                    // MountOptionReference[] (type included)
 *     mountOption('secret', 'dst')                   // the `target` option, found by alias
 *     directiveReference('check')?.options           // skip / error / experimental
 *     BUILD_CHECKS, PREDEFINED_ARGS, SIGNALS, PLATFORMS, WELL_KNOWN_PORTS
 *     parseDuration('1m30s') === 90_000; parseBoolean('True') === true
 *
 * Names are matched case-insensitively where BuildKit does (instructions, mount types and
 * keys, directive names); flag names are case-sensitive, as in BuildKit.
 */
import { DIRECTIVES, BUILD_CHECKS } from './directives';
import { INSTRUCTIONS } from './instructions';
import { MOUNT_TYPES, MOUNT_TYPE_VALUE } from './mounts';
import { PREDEFINED_ARGS, SIGNALS } from './predefined';
import type {
  BuildCheckReference,
  DirectiveReference,
  FlagReference,
  InstructionReference,
  MountOptionReference,
  MountTypeReference,
  PredefinedArgReference,
  SignalReference,
} from './types';

export type * from './types';
export { INSTRUCTIONS } from './instructions';
export { MOUNT_TYPES, MOUNT_TYPE_VALUE } from './mounts';
export { DIRECTIVES, BUILD_CHECKS } from './directives';
export { PREDEFINED_ARGS, SIGNALS } from './predefined';
export { WELL_KNOWN_PORTS, wellKnownPort, type PortReference } from './ports';
export {
  BOOLEAN,
  DURATION,
  PLATFORM,
  PLATFORMS,
  REFERENCE_URL,
  describeDuration,
  describeOctalMode,
  isOctalMode,
  isPermissions,
  parseBoolean,
  parseDuration,
  referenceUrl,
} from './values';

const instructionsByName = new Map(INSTRUCTIONS.map((entry) => [entry.name, entry]));
const mountTypesByName = new Map(MOUNT_TYPES.map((entry) => [entry.name, entry]));
const directivesByName = new Map(DIRECTIVES.map((entry) => [entry.name, entry]));
const checksByName = new Map(BUILD_CHECKS.map((entry) => [entry.name, entry]));
const argsByName = new Map(PREDEFINED_ARGS.map((entry) => [entry.name, entry]));
const signalsByName = new Map(SIGNALS.map((entry) => [entry.name, entry]));

/** The instruction, by keyword in any case; undefined for an unknown keyword. */
export function instructionReference(name: string): InstructionReference | undefined {
  return instructionsByName.get(name.toUpperCase() as InstructionReference['name']);
}

/** A flag of an instruction, by its name without dashes (case-sensitive, as BuildKit). */
export function flagReference(instruction: string, flag: string): FlagReference | undefined {
  return instructionReference(instruction)?.flags.find((entry) => entry.name === flag);
}

/** A `RUN --mount` type, in any case. */
export function mountType(name: string): MountTypeReference | undefined {
  return mountTypesByName.get(name.toLowerCase() as MountTypeReference['name']);
}

/** An option of a mount type, by its name or an alias, in any case. */
export function mountOption(type: string, key: string): MountOptionReference | undefined {
  const lower = key.toLowerCase();
  return mountType(type)?.options.find((option) => option.name === lower || option.aliases.includes(lower));
}

/** Every spelling of every mount option key BuildKit knows (for "unknown key" checks and suggestions). */
export const MOUNT_OPTION_KEYS: readonly string[] = [...new Set(MOUNT_TYPES.flatMap((type) => type.options.flatMap((option) => [option.name, ...option.aliases])))];

export function directiveReference(name: string): DirectiveReference | undefined {
  return directivesByName.get(name.toLowerCase() as DirectiveReference['name']);
}

/** A BuildKit check by its exact (case-sensitive) name. */
export function buildCheck(name: string): BuildCheckReference | undefined {
  return checksByName.get(name);
}

export function predefinedArg(name: string): PredefinedArgReference | undefined {
  return argsByName.get(name);
}

/** A signal by name (`SIGTERM`, `TERM`, any case) or number (`15`). */
export function signalReference(text: string): SignalReference | undefined {
  const upper = text.toUpperCase();
  if (/^\d+$/.test(text)) return SIGNALS.find((signal) => signal.number === Number(text));
  return signalsByName.get(upper) ?? signalsByName.get(`SIG${upper}`);
}

/** The instructions that may follow ONBUILD. */
export const ONBUILD_TRIGGERS: readonly InstructionReference[] = INSTRUCTIONS.filter((entry) => entry.onbuildTrigger);

/** Mount types, for `type=` values (kept next to the types themselves). */
export const MOUNT_TYPE_NAMES = MOUNT_TYPE_VALUE.values!.map((choice) => choice.value);
