// Where the language server keeps V8's compiled code between starts: the user's own cache
// directory (never a shared temporary one: V8 runs what it finds there as compiled code), or
// LAYERWISE_CODE_CACHE. Pure: the environment, platform and home directory are passed in.
import { join } from 'node:path';

/** `LAYERWISE_CODE_CACHE=off` turns the cache off; any other value is the directory to use. */
export const CODE_CACHE_VARIABLE = 'LAYERWISE_CODE_CACHE';

/** The directory for the code cache, or undefined when it is turned off. */
export function codeCacheDirectory(env: Readonly<Record<string, string | undefined>>, platform: string, home: string): string | undefined {
  const chosen = env[CODE_CACHE_VARIABLE];
  if (chosen === 'off') return undefined;
  if (chosen) return chosen;
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'layerwise', 'code-cache');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'layerwise', 'code-cache');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'layerwise', 'code-cache');
}
