// yum leaves its metadata and package cache in the layer without "yum clean all" (DL3032).
import { runsCommand } from '../../shell/invocations';
import { cleanCache } from '../support/packages';

export const check = cleanCache({
  programs: ['yum'],
  subcommands: ['install', 'groupinstall', 'localinstall', 'update', 'upgrade', 'reinstall'],
  optionsWithValue: ['-c', '--config', '--installroot', '--releasever', '--setopt', '--enablerepo', '--disablerepo', '-x', '--exclude'],
  tool: 'yum',
  cleanup: 'yum clean all',
  cachePaths: ['/var/cache/yum'],
  cleaned: (script) => runsCommand(script, ['yum'], ['clean']),
  message: 'yum clean all missing after yum command: end this RUN with && yum clean all.',
});
