// Entry point of the language server process (dist/server.js). The transport (IPC from the
// extension, or --stdio / --socket for other editors and benchmarks) comes from the command line.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
