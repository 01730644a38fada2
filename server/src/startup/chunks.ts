// The shell parser (mvdan-sh) and the engine module are files of their own (dist/chunks/), loaded
// at their first use (esbuild.mjs turns their `require` into `loadChunk`). They are run from V8's
// code cache like the bundles (codeCache.ts): loading mvdan-sh took 62 ms without it and 25 ms
// with it, the engine module 60 and 33 ms — the first RUN linted in a session and every
// `layerwise lint` of a file with a RUN paid the former.
//
// A chunk is loaded after the server changed V8's heap flags, at a moment that varies (the young
// generation is capped when it reaches its cap), and V8 checks a cache against the flags of that
// moment. So the cache is read and saved with the flags put back as they were at start-up
// (heapFlags.ts). It is saved a little after loading (what the first use compiled is in it) or as
// the process exits, whichever comes first; never when the chunk came from the cache.
import { join } from 'node:path';
import { withStartupFlags } from '../heapFlags';
import { runCachedBundle, saveSoon } from './codeCache';

const SAVE_AFTER_MS = 2000;

const loaded = new Map<string, unknown>();

/** The exports of `dist/chunks/<name>.js`, loaded once. */
export function loadChunk(name: string): unknown {
  if (!loaded.has(name)) {
    const chunk = withStartupFlags(() => runCachedBundle(join(__dirname, 'chunks', `${name}.js`)));
    if (!chunk.fromCache) saveSoon(() => withStartupFlags(() => chunk.save()), SAVE_AFTER_MS);
    loaded.set(name, chunk.exports);
  }
  return loaded.get(name);
}
