// Where the server keeps its code cache: the user's own cache directory on each platform, or
// LAYERWISE_CODE_CACHE.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { codeCacheDirectory } from '../../../server/src/startup/cacheDirectory';

const home = '/home/ada';
const cases: Array<[string, Record<string, string>, string, string | undefined]> = [
  ['Linux, default', {}, 'linux', join(home, '.cache', 'layerwise', 'code-cache')],
  ['Linux, XDG_CACHE_HOME', { XDG_CACHE_HOME: '/var/cache/ada' }, 'linux', join('/var/cache/ada', 'layerwise', 'code-cache')],
  ['Linux, empty XDG_CACHE_HOME', { XDG_CACHE_HOME: '' }, 'linux', join(home, '.cache', 'layerwise', 'code-cache')],
  ['macOS', { XDG_CACHE_HOME: '/ignored' }, 'darwin', join(home, 'Library', 'Caches', 'layerwise', 'code-cache')],
  ['Windows, LOCALAPPDATA', { LOCALAPPDATA: 'C:/Users/ada/AppData/Local' }, 'win32', join('C:/Users/ada/AppData/Local', 'layerwise', 'code-cache')],
  ['Windows, no LOCALAPPDATA', {}, 'win32', join(home, 'AppData', 'Local', 'layerwise', 'code-cache')],
  ['chosen directory', { LAYERWISE_CODE_CACHE: '/srv/cache' }, 'linux', '/srv/cache'],
  ['turned off', { LAYERWISE_CODE_CACHE: 'off', XDG_CACHE_HOME: '/var/cache/ada' }, 'linux', undefined],
];

describe('code cache directory', () => {
  for (const [name, env, platform, expected] of cases) {
    it(name, () => assert.equal(codeCacheDirectory(env, platform, home), expected));
  }
});
