// pip install pkg==version (DL3013). Requirement files, local paths, wheels and URLs are fine.
import { hasOption } from '../../shell/invocations';
import { pinVersions } from '../support/packages';

export const PIP_PROGRAMS = ['pip', 'pip3', 'pip2', 'pip3.8', 'pip3.9', 'pip3.10', 'pip3.11', 'pip3.12', 'pip3.13', 'pip3.14'];
export const PIP_OPTIONS_WITH_VALUE = [
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links',
  '-t', '--target', '--prefix', '--root', '--src', '--upgrade-strategy', '--progress-bar', '--python-version', '--platform',
  '--implementation', '--abi', '--only-binary', '--no-binary', '-C', '--config-settings', '--trusted-host', '--cache-dir', '--log',
  '--proxy', '--retries', '--timeout', '--exists-action', '--cert', '--client-cert', '--global-option', '--install-option', '--report',
  '--root-user-action', '--python',
];

export const check = pinVersions({
  programs: PIP_PROGRAMS,
  subcommands: ['install'],
  optionsWithValue: PIP_OPTIONS_WITH_VALUE,
  tool: 'pip install',
  pinned: (operand) =>
    /[=<>~!@]/.test(operand) || operand.startsWith('.') || operand.startsWith('/') || operand.includes('://') || /\.(whl|tar\.gz|zip|tgz)$/.test(operand) || operand.includes('/'),
  pinnedByOption: (invocation) => hasOption(invocation.args, ['-c', '--constraint']),
  example: (name) => `${name}==<version>`,
});
