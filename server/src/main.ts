// Entry point of the language server process (dist/server.js). The transport comes from the
// command line: --stdio (the extension, other editors, the benchmarks), --node-ipc or --socket.
import { connectionFromCommandLine } from './lsp/wire/connection';
import { startServer } from './server';
import { slowOldGenerationGrowth } from './oldGeneration';
import { capYoungGeneration } from './youngGeneration';

startServer(connectionFromCommandLine());
// After the modules are loaded: capped before, their loading alone fills a 2 × 1 MB young
// generation and promotes what a bigger one would have let die (see youngGeneration.ts).
capYoungGeneration();
// Full collections keep the heap close to what is alive (see oldGeneration.ts).
slowOldGenerationGrowth();
