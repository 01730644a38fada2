// The language server (dist/languageServer.js, run by dist/server.js: see startup/serverStart.ts,
// which calls `main`). The transport comes from the command line: --stdio (the extension, other
// editors, the benchmarks), --node-ipc or --socket.
import { withStartupFlags } from './heapFlags';
import { connectionFromCommandLine } from './lsp/wire/connection';
import { startServer } from './server';
import { slowOldGenerationGrowth } from './oldGeneration';
import { capYoungGeneration } from './youngGeneration';

export interface Startup {
  /** Saves V8's compiled code for the next start; absent when this start already came from it. */
  readonly saveCodeCache?: () => void;
}

export function main(startup: Startup = {}): void {
  const { saveCodeCache } = startup;
  startServer(connectionFromCommandLine(), {
    // Once the start-up code has run, so that it is in the cache; with V8's flags as the next
    // process will start with them (the heap settings below change two), which V8 checks.
    onInitialized: saveCodeCache && (() => withStartupFlags(saveCodeCache)),
  });
  // After the modules are loaded: capped before, their loading alone fills a 2 × 1 MB young
  // generation and promotes what a bigger one would have let die (see youngGeneration.ts).
  capYoungGeneration();
  // Full collections keep the heap close to what is alive (see oldGeneration.ts).
  slowOldGenerationGrowth();
}
