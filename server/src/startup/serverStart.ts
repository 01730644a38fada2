// Entry point of the language server process (dist/server.js): runs the server's bundle
// (dist/languageServer.js) from V8's code cache when one was saved for it (see codeCache.ts).
// Kept apart from the bundle, and small, because whatever this file holds is compiled at every start.
import { join } from 'node:path';
import type { main } from '../main';
import { runCachedBundle } from './codeCache';

const bundle = runCachedBundle(join(__dirname, 'languageServer.js'));
(bundle.exports as { main: typeof main }).main({ saveCodeCache: bundle.fromCache ? undefined : () => bundle.save() });
