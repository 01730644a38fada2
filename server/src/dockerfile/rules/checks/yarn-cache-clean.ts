// yarn install leaves its cache in the layer without "yarn cache clean" (DL3060).
import { hasOption, runsCommand } from '../../shell/invocations';
import { cleanCache } from '../support/packages';

export const check = cleanCache({
  programs: ['yarn'],
  subcommands: ['install'],
  optionsWithValue: ['--cache-folder', '--modules-folder', '--network-timeout', '--mutex'],
  tool: 'yarn',
  cleanup: 'yarn cache clean',
  cachePaths: ['/usr/local/share/.cache/yarn', '/root/.cache/yarn', '/root/.yarn/berry/cache', '/home/node/.cache/yarn'],
  cleaned: (script) => runsCommand(script, 'yarn', ['cache']),
  noCache: (invocation) => hasOption(invocation.args, ['--cache-folder']),
  message: 'yarn cache clean missing after yarn install: end this RUN with && yarn cache clean.',
});
