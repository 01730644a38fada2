// apt-get update leaves tens of MB of package lists in the layer (DL3009).
import { runsCommand } from '../../shell/invocations';
import { cleanCache } from '../support/packages';
import { APT_GET_OPTIONS_WITH_VALUE } from './apt-get-pin-versions';

export const check = cleanCache({
  programs: ['apt-get', 'apt'],
  subcommands: ['update'],
  optionsWithValue: APT_GET_OPTIONS_WITH_VALUE,
  tool: 'apt-get',
  cleanup: 'rm -rf /var/lib/apt/lists/*',
  cachePaths: ['/var/lib/apt/lists', '/var/lib/apt'],
  cleaned: (script) => runsCommand(script, 'find', undefined) && /\/var\/lib\/apt\/lists/.test(script.script.text) && /-delete/.test(script.script.text),
  message: 'Delete the apt-get lists after installing something: end this RUN with && rm -rf /var/lib/apt/lists/* (the lists stay in the layer otherwise).',
});
