// "Build stage" / "Build" / "Build and run" code lenses above FROM, contributed to the shared
// code lens hub. Hidden when the workspace is not trusted (the client says so at initialize and
// when trust is granted) or when layerwise.codeLens.build is off.
import { fileURLToPath } from 'node:url';
import type { CodeLens } from 'vscode-languageserver';
import { buildLenses } from '../../dockerfile/codeLens';
import { ServerMethods, type WorkspaceTrustParams } from '../../protocol';
import type { Feature } from '../feature';
import { setting } from '../settings';

export const codeLens: Feature = {
  name: 'build code lenses',
  capabilities: () => ({}),
  register({ connection, contributions, settings, client, initializationOptions }) {
    // Editors without a notion of trust send nothing: their workspace counts as trusted.
    let trusted = (initializationOptions as { workspaceTrusted?: unknown } | undefined)?.workspaceTrusted !== false;
    const refresh = () => {
      if (client.workspace?.codeLens?.refreshSupport) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    };
    connection.onNotification(ServerMethods.workspaceTrust, (params: WorkspaceTrustParams) => {
      if (params.trusted === trusted) return;
      trusted = params.trusted;
      refresh();
    });
    settings.onDidChange(refresh);

    contributions.codeLenses.push(async ({ document, dockerfile }): Promise<CodeLens[]> => {
      if (!trusted || !document.uri.startsWith('file:')) return [];
      if (!setting(await settings.get(document.uri), 'codeLens.build', true)) return [];
      return buildLenses(dockerfile, fileURLToPath(document.uri));
    });
  },
};
