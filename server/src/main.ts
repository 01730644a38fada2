// Entry point of the language server process (dist/server.js). The transport comes from the
// command line: --stdio (the extension, other editors, the benchmarks), --node-ipc or --socket.
import { connectionFromCommandLine } from './lsp/wire/connection';
import { startServer } from './server';

startServer(connectionFromCommandLine());
