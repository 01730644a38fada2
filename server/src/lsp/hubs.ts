// The hubs that merge contributions (see contributions.ts) into one handler per LSP request.
// Registered after every feature, and only for requests something contributes to, so the
// server still announces only what it serves.
import type { CodeAction, CodeLens, InlayHint, ServerCapabilities } from 'vscode-languageserver';
import type { ContributorInput } from './contributions';
import type { ServerContext } from './feature';
import { runSafeAsync } from './runSafe';

export function registerHubs(context: ServerContext, capabilities: ServerCapabilities): void {
  const { connection, documents, dockerfiles, contributions, log } = context;

  const inputFor = (uri: string, token: ContributorInput['token']): ContributorInput | undefined => {
    const document = documents.get(uri);
    return document ? { document, dockerfile: dockerfiles.get(document), token } : undefined;
  };

  /**
   * The contributors' answers for the document's version when asked. A contributor may wait
   * (settings, the engine); if an edit replaced that version meanwhile, the answer is dropped:
   * its positions are the old version's, and a later parse re-points the source of the nodes it
   * keeps, so the superseded analysis's other nodes read the new text.
   */
  async function gather<T, I extends ContributorInput>(contributors: Array<(input: I) => T[] | Promise<T[]>>, input: I, what: string, uri: string): Promise<T[]> {
    const version = input.document.version;
    const results = await Promise.all(
      contributors.map(async (contribute) => {
        try {
          return await contribute(input);
        } catch (error) {
          // One failing contributor must not hide the others' answers.
          log.error(`${what} contributor failed for ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          return [];
        }
      }),
    );
    return documents.get(uri)?.version === version ? results.flat() : [];
  }

  if (contributions.codeLenses.length > 0) {
    capabilities.codeLensProvider = { resolveProvider: false };
    connection.onCodeLens((params, token) =>
      runSafeAsync(log, 'code lens', params.textDocument.uri, token, [] as CodeLens[], async () => {
        const input = inputFor(params.textDocument.uri, token);
        return input ? gather(contributions.codeLenses, input, 'code lens', params.textDocument.uri) : [];
      }),
    );
  }

  if (contributions.inlayHints.length > 0) {
    capabilities.inlayHintProvider = { resolveProvider: false };
    connection.languages.inlayHint.on((params, token) =>
      runSafeAsync(log, 'inlay hints', params.textDocument.uri, token, [] as InlayHint[], async () => {
        const input = inputFor(params.textDocument.uri, token);
        return input ? gather(contributions.inlayHints, { ...input, range: params.range }, 'inlay hint', params.textDocument.uri) : [];
      }),
    );
  }

  if (contributions.codeActions.length > 0) {
    capabilities.codeActionProvider = capabilities.codeActionProvider ?? { resolveProvider: false };
    connection.onCodeAction((params, token) =>
      runSafeAsync(log, 'code actions', params.textDocument.uri, token, [] as CodeAction[], async () => {
        const input = inputFor(params.textDocument.uri, token);
        return input ? gather(contributions.codeActions, { ...input, params }, 'code action', params.textDocument.uri) : [];
      }),
    );
  }
}
