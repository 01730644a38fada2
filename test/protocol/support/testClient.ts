// A typed LSP client for protocol-tier tests. It drives the real server code either in-process
// (over a pair of in-memory streams: fast, and failures show server stack traces) or as the
// bundled dist/server.js over stdio (what editors other than VS Code run).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ConfigurationItem,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type WorkspaceFolder,
} from 'vscode-languageserver-protocol/node';
import { startServer } from '../../../server/src/server';
import { streamConnection } from '../../../server/src/lsp/wire/connection';

export const defaultCapabilities: ClientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
  },
  workspace: { configuration: true },
};

export interface StartOptions {
  /** 'in-process' (default) or 'stdio' (spawns dist/server.js; needs `npm run build`). */
  readonly transport?: 'in-process' | 'stdio';
  readonly capabilities?: ClientCapabilities;
  readonly initializationOptions?: unknown;
  /** Answers to workspace/configuration requests, by section. */
  readonly settings?: Record<string, unknown>;
  /** Answers workspace/configuration by section and scope instead (settings that differ per folder). */
  readonly configuration?: (item: ConfigurationItem) => unknown;
  /** Environment of a stdio server (default: this process's). */
  readonly env?: NodeJS.ProcessEnv;
  /** Keep what a stdio server writes to stderr in `stderr` instead of passing it on. */
  readonly captureStderr?: boolean;
  /** The workspace folders sent with initialize (default: none). */
  readonly workspaceFolders?: WorkspaceFolder[];
}

export class TestClient {
  initializeResult: InitializeResult = { capabilities: {} };
  /** What a stdio server started with `captureStderr` wrote to stderr so far. */
  stderr = '';
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly diagnosticWaiters = new Set<() => void>();
  private readonly versions = new Map<string, number>();

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly child: ChildProcess | undefined,
    options: StartOptions,
  ) {
    const { settings, configuration } = options;
    child?.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params);
      this.diagnosticWaiters.forEach((wake) => wake());
    });
    connection.onRequest('workspace/configuration', (params: { items: ConfigurationItem[] }) =>
      params.items.map((item) => (configuration ? configuration(item) : item.section ? (settings?.[item.section] ?? null) : (settings ?? null))),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    let connection: ProtocolConnection;
    let child: ChildProcess | undefined;
    if (options.transport === 'stdio') {
      child = spawn(process.execPath, [join(__dirname, '../../../dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', options.captureStderr ? 'pipe' : 'inherit'], env: options.env ?? process.env });
      connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    } else {
      const toServer = new PassThrough();
      const toClient = new PassThrough();
      // The server writes with its own encoder, as over stdio.
      startServer(streamConnection(toServer, toClient));
      connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    }
    const client = new TestClient(connection, child, options);
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      // In-process, a process id would make the server watch it (a timer that keeps mocha alive).
      processId: child ? process.pid : null,
      rootUri: null,
      capabilities: options.capabilities ?? defaultCapabilities,
      initializationOptions: options.initializationOptions,
      workspaceFolders: options.workspaceFolders ?? null,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  async open(uri: string, text: string, languageId = 'dockerfile'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Waits for pushed diagnostics of `uri` that satisfy `accept` (default: any), with a deadline. */
  waitForDiagnostics(uri: string, accept: (diagnostics: Diagnostic[]) => boolean = () => true, timeoutMs = 10_000): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const published = this.diagnostics.get(uri);
        if (published && accept(published.diagnostics)) {
          this.diagnosticWaiters.delete(check);
          clearTimeout(timer);
          resolve(published.diagnostics);
        }
      };
      const timer = setTimeout(() => {
        this.diagnosticWaiters.delete(check);
        reject(new Error(`No matching diagnostics for ${uri} within ${timeoutMs} ms (last: ${JSON.stringify(this.diagnostics.get(uri)?.diagnostics ?? null)})`));
      }, timeoutMs);
      this.diagnosticWaiters.add(check);
      check();
    });
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
    // An in-process server answers `exit` with process.exit(), which would end the test run.
    if (this.child) await this.connection.sendNotification(ExitNotification.type).catch(() => undefined);
    this.connection.dispose();
    this.child?.kill();
  }
}
