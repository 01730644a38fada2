// Every command goes through here: failures become one clear message with a way to the
// output channel, never an unhandled rejection or a silent no-op.
import * as vscode from 'vscode';

export function registerCommand(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
  id: string,
  handler: (...args: any[]) => unknown,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        // Handlers do not return notification promises: a caller awaiting the command
        // would otherwise wait until the user dismissed the message.
        await handler(...args);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        output.error(`${id}: ${error instanceof Error ? (error.stack ?? message) : message}`);
        void vscode.window.showErrorMessage(message, 'Show output').then((choice) => {
          if (choice) output.show(true);
        });
      }
    }),
  );
}
