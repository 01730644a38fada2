// apk add without --no-cache leaves the index in /var/cache/apk (DL3019).
import { hasOption, runsCommand } from '../../shell/invocations';
import { cleanCache } from '../support/packages';
import { APK_OPTIONS_WITH_VALUE } from './apk-pin-versions';

export const check = cleanCache({
  programs: ['apk'],
  subcommands: ['add'],
  optionsWithValue: APK_OPTIONS_WITH_VALUE,
  tool: 'apk',
  cleanup: 'rm -rf /var/cache/apk/*',
  cachePaths: ['/var/cache/apk', '/etc/apk/cache'],
  cleaned: (script) => runsCommand(script, 'apk', ['cache']) && /\bcache\s+clean\b/.test(script.script.text),
  noCache: (invocation) => hasOption(invocation.args, ['--no-cache']),
  insertOption: { option: '--no-cache', after: (invocation) => invocation.subcommand },
  message: 'Use the --no-cache switch to avoid the need to use --update and remove /var/cache/apk/* when done installing packages.',
});
