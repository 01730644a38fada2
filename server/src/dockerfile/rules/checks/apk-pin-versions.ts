// apk add pkg=version (DL3018).
import { pinVersions } from '../support/packages';

export const APK_OPTIONS_WITH_VALUE = ['-t', '--virtual', '-X', '--repository', '-p', '--root', '--arch', '--keys-dir', '--cache-dir', '--repositories-file', '--cache-max-age'];

export const check = pinVersions({
  programs: ['apk'],
  subcommands: ['add'],
  optionsWithValue: APK_OPTIONS_WITH_VALUE,
  tool: 'apk add',
  pinned: (operand) => /[=~<>]/.test(operand) || operand.endsWith('.apk') || operand.includes('/'),
  example: (name) => `${name}=<version>`,
});
