// dnf install pkg-version (DL3041).
import { pinVersions } from '../support/packages';

export const check = pinVersions({
  programs: ['dnf', 'microdnf'],
  subcommands: ['install', 'localinstall'],
  optionsWithValue: ['-c', '--config', '--installroot', '--releasever', '--setopt', '--enablerepo', '--disablerepo', '-x', '--exclude'],
  tool: 'dnf install',
  // name-1.2.3 (a dash followed by a digit), name = 1.2, a local or remote .rpm.
  pinned: (operand) => /-\d/.test(operand) || /[=<>]/.test(operand) || operand.endsWith('.rpm') || operand.includes('/') || operand.startsWith('@'),
  example: (name) => `${name}-<version>`,
});
