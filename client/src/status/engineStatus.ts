// Status bar: which engine Layerwise talks to and its version; click to switch.
import * as vscode from 'vscode';
import { addressOf, describeState, type EngineSession, type EngineState } from '../engine';

function shortLabel(state: EngineState): string {
  if (state.status !== 'connected' && state.status !== 'error' && state.status !== 'connecting') return 'Engine';
  const endpoint = state.endpoint;
  if (!endpoint) return 'Engine';
  if (endpoint.contextName) return endpoint.contextName;
  if (endpoint.transport === 'unix' || endpoint.transport === 'npipe') {
    return endpoint.source === 'podman-rootful' || endpoint.source === 'podman-rootless' ? 'podman' : endpoint.socketPath === '/var/run/docker.sock' ? 'local' : addressOf(endpoint);
  }
  return addressOf(endpoint);
}

export function registerEngineStatus(context: vscode.ExtensionContext, session: EngineSession): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('layerwise.engine', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Layerwise Engine';
  item.command = 'layerwise.engine.choose';
  const render = (state: EngineState) => {
    const label = shortLabel(state);
    switch (state.status) {
      case 'idle':
        item.text = '$(layers) Engine';
        item.backgroundColor = undefined;
        break;
      case 'connecting':
        item.text = `$(loading~spin) ${label}`;
        item.backgroundColor = undefined;
        break;
      case 'connected':
        item.text = `$(layers) ${label} · ${state.info.product === 'podman' ? 'Podman' : 'Docker'} ${state.info.version}`;
        item.backgroundColor = undefined;
        break;
      case 'error':
        item.text = `$(warning) ${label}: unreachable`;
        item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
    }
    const tooltip = new vscode.MarkdownString(`${describeState(state)}\n\n$(arrow-swap) Click to choose another engine or context.`);
    tooltip.supportThemeIcons = true;
    item.tooltip = tooltip;
  };
  render(session.state);
  context.subscriptions.push(item, session.onDidChangeState(render));
  if (vscode.workspace.getConfiguration('layerwise.engine').get<boolean>('showStatusBar') ?? true) item.show();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('layerwise.engine.showStatusBar')) return;
      if (vscode.workspace.getConfiguration('layerwise.engine').get<boolean>('showStatusBar') ?? true) item.show();
      else item.hide();
    }),
  );
  return item;
}
