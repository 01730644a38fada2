// Entry point of the `layerwise` command (dist/cli.js): runs the command line's bundle
// (dist/commandLine.js) from V8's code cache when one was saved for it (see codeCache.ts). A
// command is a short process, so the compiled code is saved as it exits, with all it compiled;
// V8 parsing the 2.7 MB bundle was a third of a `layerwise lint` of one file.
import { join } from 'node:path';
import { runCachedBundle } from './codeCache';

const bundle = runCachedBundle(join(__dirname, 'commandLine.js'));
if (!bundle.fromCache) process.once('exit', () => bundle.save());
