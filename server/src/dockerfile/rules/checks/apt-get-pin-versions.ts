// apt-get install pkg=version (DL3008).
import { pinVersions } from '../support/packages';

export const APT_GET_OPTIONS_WITH_VALUE = ['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture'];

export const check = pinVersions({
  programs: ['apt-get'],
  subcommands: ['install'],
  optionsWithValue: APT_GET_OPTIONS_WITH_VALUE,
  tool: 'apt-get install',
  // `pkg=1.2`, `pkg/bookworm-backports` (a release), a local .deb file.
  pinned: (operand) => operand.includes('=') || operand.includes('/') || operand.endsWith('.deb'),
  example: (name) => `${name}=<version>`,
});
