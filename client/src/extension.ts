// Extension entry point: creates the output channel, starts the language client and registers
// every command. Activation does no engine I/O and never waits on the server.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerLanguageServerCommands } from './commands/languageServer';
import { registerOperationCommands } from './commands/operations';
import { createLanguageClient } from './languageClient';
import { EngineSession } from './engine';
import { registerExplorer, type ExplorerApi } from './explorer';
import { registerLayers, type LayersApi } from './layers';
import { engineResolveOptions, engineTimeoutMs } from './explorer/settings';
import { registerEngineStatus } from './status/engineStatus';
import { registerLocalImages } from './language/localImages';

let client: LanguageClient | undefined;

/** What activate returns: other extensions and the editor-tier tests use it. */
export interface LayerwiseApi {
  readonly explorer: ExplorerApi;
  readonly layers: LayersApi;
}

export async function activate(context: vscode.ExtensionContext): Promise<LayerwiseApi> {
  const output = vscode.window.createOutputChannel('Layerwise', { log: true });
  context.subscriptions.push(output);

  client = createLanguageClient(context, output);
  registerLanguageServerCommands(context, output, client);

  // Language features must not wait for the engine or anything else: start the server now,
  // but do not fail activation when it cannot start (the restart command reports why).
  client.start().catch((error: unknown) => {
    output.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`);
  });

  // One engine session for the explorer, the status bar and the operations. It connects when a
  // view or the status bar first needs it, never during activation itself.
  const engine = new EngineSession({ resolveOptions: engineResolveOptions, timeoutMs: engineTimeoutMs });
  context.subscriptions.push(
    { dispose: () => engine.dispose() },
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('layerwise.engine') && !event.affectsConfiguration('layerwise.engine.showStatusBar')) void engine.reconnect().catch(() => undefined);
    }),
  );
  const explorer = registerExplorer(context, output, engine);
  context.subscriptions.push(registerLocalImages(client, engine, explorer.model));
  const layers = registerLayers(context, output, client, explorer);
  registerEngineStatus(context, engine);
  registerOperationCommands(context, output, engine, explorer);
  setTimeout(() => void engine.connection().catch(() => undefined), 0);

  return { explorer, layers };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
