// Commands about the language server itself; they work whether or not the server is running.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommand } from './registerCommand';

export function registerLanguageServerCommands(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
  client: LanguageClient,
): void {
  registerCommand(context, output, 'layerwise.server.restart', async () => {
    output.info('Restarting the language server on request.');
    if (client.isRunning()) await client.restart();
    else await client.start();
  });
  registerCommand(context, output, 'layerwise.output.show', () => output.show(true));
}
