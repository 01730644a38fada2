// gem install pkg:version or -v version (DL3028).
import { hasOption } from '../../shell/invocations';
import { pinVersions } from '../support/packages';

export const check = pinVersions({
  programs: ['gem'],
  subcommands: ['install', 'i'],
  optionsWithValue: ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '--source', '-s', '--platform', '-P', '--trust-policy', '-g', '--file'],
  tool: 'gem install',
  pinned: (operand) => operand.includes(':') || operand.endsWith('.gem') || operand.includes('/'),
  pinnedByOption: (invocation) => hasOption(invocation.args, ['-v', '--version']),
  example: (name) => `${name}:<version>`,
});
