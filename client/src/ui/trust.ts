// Building and running execute what the workspace holds (a Dockerfile's RUN steps, an image it
// built): in an untrusted workspace they wait until the user grants trust, or give up when the
// user dismisses the request.
import * as vscode from 'vscode';

export async function waitForWorkspaceTrust(action: string): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  const granted = new Promise<true>((resolve) => {
    const subscription = vscode.workspace.onDidGrantWorkspaceTrust(() => {
      subscription.dispose();
      resolve(true);
    });
  });
  const manage = 'Manage Workspace Trust';
  const asked = vscode.window.showWarningMessage(`${action} runs code from this workspace, which is not trusted. Trust the workspace to continue; ${action.toLowerCase()} starts as soon as it is trusted.`, manage).then(async (choice) => {
    if (choice === manage) {
      await vscode.commands.executeCommand('workbench.trust.manage');
      return granted;
    }
    return vscode.workspace.isTrusted;
  });
  return Promise.race([granted, asked]);
}
