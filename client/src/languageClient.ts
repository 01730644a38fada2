// Starts the Layerwise language server (dist/server.js) over stdio and keeps it alive: a crash
// restarts it, but only a bounded number of times in a window, after which the user is told,
// with a way to the output channel, instead of a restart loop.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { ServerMethods, type WorkspaceTrustParams } from '../../server/src/protocol';

export const maxRestarts = 4;
export const restartWindowMs = 3 * 60_000;

export function createLanguageClient(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const env = serverEnvironment(process.env);
  const serverOptions: ServerOptions = {
    // stdio rather than IPC: over a stream the server writes with its own encoder, which sends the
    // diagnostics an edit did not change from bytes it already has (IPC would JSON.stringify
    // every message again: 1.1 MB per keystroke in a 10,000-line file).
    run: { module, transport: TransportKind.stdio, options: { env } },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'], env } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'dockerfile' },
      { scheme: 'untitled', language: 'dockerfile' },
      { scheme: 'vscode-vfs', language: 'dockerfile' },
    ],
    // Pushes layerwise.* changes to the server, which then pulls the values per document.
    synchronize: { configurationSection: 'layerwise' },
    // Build code lenses show only in a trusted workspace; trust granted later is sent as a notification.
    // triggerSuggestCommand: completion items after which more suggestions follow (`--mount=`) reopen the list.
    initializationOptions: () => ({ workspaceTrusted: vscode.workspace.isTrusted, triggerSuggestCommand: 'editor.action.triggerSuggest' }),
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: new BoundedRestarts(output),
  };
  // The client id 'layerwise' makes vscode-languageclient honour `layerwise.trace.server`.
  const client = new LanguageClient('layerwise', 'Layerwise', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (client.isRunning()) void client.sendNotification(ServerMethods.workspaceTrust, { trusted: true } satisfies WorkspaceTrustParams).catch(() => undefined);
    }),
  );
  return client;
}

class BoundedRestarts implements ErrorHandler {
  private readonly restarts: number[] = [];

  constructor(private readonly output: vscode.LogOutputChannel) {}

  error(): ErrorHandlerResult {
    return { action: ErrorAction.Continue };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    while (this.restarts.length > 0 && now - this.restarts[0] > restartWindowMs) this.restarts.shift();
    this.restarts.push(now);
    if (this.restarts.length <= maxRestarts) {
      this.output.warn(`The language server stopped unexpectedly; restarting (${this.restarts.length}/${maxRestarts}).`);
      return { action: CloseAction.Restart, handled: true };
    }
    const message = `The Layerwise language server crashed ${maxRestarts + 1} times in ${restartWindowMs / 60_000} minutes and will not be restarted. Run "Layerwise: Restart Language Server" once the cause is fixed.`;
    this.output.error(message);
    void vscode.window.showErrorMessage(message, 'Show output').then((choice) => {
      if (choice) this.output.show(true);
    });
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}

/**
 * The server's environment: the extension host's, with glibc's malloc held to two arenas. glibc
 * gives threads that allocate arenas of their own, and V8's helper threads leave theirs at their
 * high-water mark: with two, the server's peak in ../shared/bench/lsp-bench.mjs fell by ~8 MiB
 * (145.9–149.4 → 135.8–144.4 MiB, four alternated runs), its timings unchanged. Other C
 * libraries ignore the variable; a value the user set is kept.
 */
export function serverEnvironment(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...base, MALLOC_ARENA_MAX: base.MALLOC_ARENA_MAX ?? '2' };
}
