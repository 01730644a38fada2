// zypper leaves its cache in the layer without "zypper clean" (DL3036).
import { runsCommand } from '../../shell/invocations';
import { cleanCache } from '../support/packages';

export const check = cleanCache({
  programs: ['zypper'],
  subcommands: ['install', 'in', 'update', 'up', 'patch', 'dist-upgrade', 'dup', 'source-install', 'si'],
  optionsWithValue: ['--root', '-R', '-c', '--config'],
  tool: 'zypper',
  cleanup: 'zypper clean',
  cachePaths: ['/var/cache/zypp'],
  cleaned: (script) => runsCommand(script, 'zypper', ['clean', 'cc']),
  message: 'zypper clean missing after zypper use: end this RUN with && zypper clean.',
});
