// LSP glue only: documents, capabilities, settings and logging. Every language feature is a
// `Feature` that delegates to the pure Dockerfile core; nothing here knows Dockerfile syntax.
import {
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText, type DockerfileDocument } from './dockerfile';
import { Contributions } from './lsp/contributions';
import { DocumentCache } from './lsp/documentCache';
import type { Feature, ServerContext } from './lsp/feature';
import { codeLens } from './lsp/features/codeLens';
import { folding } from './lsp/features/folding';
import { formatting } from './lsp/features/formatting';
import { completion } from './lsp/features/completion';
import { hover } from './lsp/features/hover';
import { signatureHelp } from './lsp/features/signatureHelp';
import { links } from './lsp/features/links';
import { navigation } from './lsp/features/navigation';
import { selection } from './lsp/features/selection';
import { semanticTokens } from './lsp/features/semanticTokens';
import { symbols } from './lsp/features/symbols';
import { layers } from './lsp/features/layers';
import { diagnostics } from './lsp/features/diagnostics';
import { codeActions } from './lsp/features/codeActions';
import { pullActions } from './lsp/features/pullActions';
import { registerHubs } from './lsp/hubs';
import type { Logger } from './lsp/runSafe';
import { SettingsStore } from './lsp/settings';
import { version } from '../../package.json';

const features: readonly Feature[] = [completion, hover, signatureHelp, layers, symbols, navigation, folding, selection, formatting, semanticTokens, links, codeLens, diagnostics, codeActions, pullActions];

export interface ServerOptions {
  /** Runs once the client sent `initialized`, before the features' own initialized work. */
  readonly onInitialized?: () => void;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const dockerfiles = new DocumentCache<DockerfileDocument>((text, _uri, previous) => analyzeText(text, {}, previous));
  const settings = new SettingsStore(connection);
  documents.onDidClose((event) => dockerfiles.delete(event.document.uri));
  const log: Logger = {
    error: (message) => connection.console.error(message),
    info: (message) => connection.console.info(message),
  };

  const initializedListeners: Array<() => void> = options.onInitialized ? [options.onInitialized] : [];
  connection.onInitialized(() => {
    for (const listener of initializedListeners) listener();
  });

  connection.onInitialize((params): InitializeResult => {
    settings.enablePull(params.capabilities.workspace?.configuration === true);
    settings.setFolders(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []));
    const folderChanges = params.capabilities.workspace?.workspaceFolders === true;
    const context: ServerContext = {
      connection,
      documents,
      log,
      client: params.capabilities,
      initializationOptions: params.initializationOptions,
      dockerfiles,
      settings,
      contributions: new Contributions(),
      onInitialized: (listener) => initializedListeners.push(listener),
    };
    const capabilities: ServerCapabilities = { textDocumentSync: TextDocumentSyncKind.Incremental };
    if (folderChanges) {
      // Settings are per folder: follow the folders.
      capabilities.workspace = { workspaceFolders: { supported: true, changeNotifications: true } };
      context.onInitialized(() => {
        connection.workspace.onDidChangeWorkspaceFolders((change) => settings.changeFolders(change.added, change.removed));
      });
    }
    for (const feature of features) {
      Object.assign(capabilities, feature.capabilities(params.capabilities));
      feature.register(context);
    }
    registerHubs(context, capabilities);
    return { capabilities, serverInfo: { name: 'layerwise', version } };
  });

  documents.listen(connection);
  connection.listen();
}
