// A VS Code terminal attached to a container's TTY through a pseudoterminal: keystrokes go to
// the container, its output comes back unchanged (colours, cursor movement), and resizing the
// panel resizes the container's TTY.
import * as vscode from 'vscode';
import type { TerminalSession } from '../engine/operations/containers';

export function openContainerTerminal(name: string, session: TerminalSession, onClosed?: (exitCode: number | undefined) => void): vscode.Terminal {
  const write = new vscode.EventEmitter<string>();
  const close = new vscode.EventEmitter<number | void>();
  let closed = false;
  const pty: vscode.Pseudoterminal = {
    onDidWrite: write.event,
    onDidClose: close.event,
    open(dimensions) {
      session.onOutput((text) => write.fire(text));
      if (dimensions) void session.resize(dimensions.columns, dimensions.rows);
      void session.exited.then((exitCode) => {
        if (closed) return;
        closed = true;
        write.fire(`\r\n[Process exited${exitCode === undefined ? '' : ` with code ${exitCode}`}]\r\n`);
        onClosed?.(exitCode);
        close.fire(exitCode ?? 0);
      });
    },
    handleInput(data) {
      session.write(data);
    },
    setDimensions(dimensions) {
      void session.resize(dimensions.columns, dimensions.rows);
    },
    close() {
      if (!closed) {
        closed = true;
        session.close();
      }
      write.dispose();
      close.dispose();
    },
  };
  const terminal = vscode.window.createTerminal({ name, pty, iconPath: new vscode.ThemeIcon('vm') });
  terminal.show();
  return terminal;
}
