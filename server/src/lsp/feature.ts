// What a language feature plugs into: each feature file declares the capabilities it
// implements and registers its handlers. The server announces exactly the union of the
// capabilities of the features it registered, so nothing is announced that is not served.
import type { ClientCapabilities, Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DockerfileDocument } from '../dockerfile';
import type { Contributions } from './contributions';
import type { DocumentCache } from './documentCache';
import type { Logger } from './runSafe';
import type { SettingsStore } from './settings';

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly log: Logger;
  readonly client: ClientCapabilities;
  /** What the client sent as `initializationOptions` (VS Code: `{ workspaceTrusted }`). */
  readonly initializationOptions?: unknown;
  /** The parsed and analysed Dockerfile of each open document, computed once per version. */
  readonly dockerfiles: DocumentCache<DockerfileDocument>;
  /** `layerwise.*` settings per document. */
  readonly settings: SettingsStore;
  /**
   * Where features add to requests that several features answer (code lenses, inlay hints,
   * code actions, extra diagnostics). Never register those handlers directly.
   */
  readonly contributions: Contributions;
  /**
   * Runs `listener` once the client sent `initialized`. The connection keeps one handler per
   * notification, so features never call `connection.onInitialized` themselves: a second call
   * would silently replace the first.
   */
  onInitialized(listener: () => void): void;
}

export interface Feature {
  readonly name: string;
  capabilities(client: ClientCapabilities): ServerCapabilities;
  register(context: ServerContext): void;
}
