// dnf leaves its metadata and package cache in the layer without "dnf clean all" (DL3040).
import { runsCommand } from '../../shell/invocations';
import { cleanCache } from '../support/packages';

export const check = cleanCache({
  programs: ['dnf', 'microdnf'],
  subcommands: ['install', 'groupinstall', 'localinstall', 'update', 'upgrade', 'reinstall'],
  optionsWithValue: ['-c', '--config', '--installroot', '--releasever', '--setopt', '--enablerepo', '--disablerepo', '-x', '--exclude'],
  tool: 'dnf',
  cleanup: 'dnf clean all',
  cachePaths: ['/var/cache/dnf', '/var/cache/yum'],
  cleaned: (script) => runsCommand(script, ['dnf', 'microdnf'], ['clean']),
  message: 'dnf clean all missing after dnf command: end this RUN with && dnf clean all.',
});
