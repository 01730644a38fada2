// zypper install pkg=version (DL3037).
import { pinVersions } from '../support/packages';

export const check = pinVersions({
  programs: ['zypper'],
  subcommands: ['install', 'in'],
  optionsWithValue: ['--root', '-R', '-c', '--config', '-t', '--type', '-r', '--repo', '--from'],
  tool: 'zypper install',
  pinned: (operand) => /[=<>]/.test(operand) || operand.endsWith('.rpm') || operand.includes('/'),
  example: (name) => `${name}=<version>`,
});
