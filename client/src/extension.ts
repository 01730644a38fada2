// Extension entry point: creates the output channel, starts the language client and registers
// every command. Activation does no engine I/O and never waits on the server.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerLanguageServerCommands } from './commands/languageServer';
import { createLanguageClient } from './languageClient';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Layerwise', { log: true });
  context.subscriptions.push(output);

  client = createLanguageClient(context, output);
  registerLanguageServerCommands(context, output, client);

  // Language features must not wait for the engine or anything else: start the server now,
  // but do not fail activation when it cannot start (the restart command reports why).
  client.start().catch((error: unknown) => {
    output.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`);
  });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
