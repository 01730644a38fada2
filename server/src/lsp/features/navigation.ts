// Definition, references, document highlight and rename for variables, stages and here-document
// delimiters, and linked editing of a here-document's two delimiters. A refused rename answers with an error whose message the editor shows as is.
import { ErrorCodes, ResponseError, type DocumentHighlight, type LinkedEditingRanges, type Location, type PrepareRenameResult, type WorkspaceEdit } from 'vscode-languageserver';
import { documentHighlights, findDefinition, findReferences, linkedEditingRanges, prepareRename, rename } from '../../dockerfile/navigation';
import type { Feature } from '../feature';
import { runSafe } from '../runSafe';

export const navigation: Feature = {
  name: 'navigation',
  capabilities: (client) => ({
    definitionProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
    renameProvider: client.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true,
    linkedEditingRangeProvider: true,
  }),
  register({ connection, documents, dockerfiles, log }) {
    const at = (uri: string, position: { line: number; character: number }) => {
      const document = documents.get(uri);
      if (!document) return undefined;
      return { dockerfile: dockerfiles.get(document), offset: document.offsetAt(position) };
    };

    connection.onDefinition((params, token) =>
      runSafe(log, 'definition', params.textDocument.uri, token, [] as Location[], () => {
        const found = at(params.textDocument.uri, params.position);
        return found ? findDefinition(found.dockerfile, found.offset).map((range) => ({ uri: params.textDocument.uri, range })) : [];
      }),
    );
    connection.onReferences((params, token) =>
      runSafe(log, 'references', params.textDocument.uri, token, [] as Location[], () => {
        const found = at(params.textDocument.uri, params.position);
        if (!found) return [];
        return findReferences(found.dockerfile, found.offset, params.context.includeDeclaration).map((range) => ({ uri: params.textDocument.uri, range }));
      }),
    );
    connection.onDocumentHighlight((params, token) =>
      runSafe(log, 'document highlight', params.textDocument.uri, token, [] as DocumentHighlight[], () => {
        const found = at(params.textDocument.uri, params.position);
        return found ? documentHighlights(found.dockerfile, found.offset) : [];
      }),
    );
    connection.onPrepareRename((params, token) =>
      runSafe(log, 'prepare rename', params.textDocument.uri, token, null as PrepareRenameResult | null | ResponseError<void>, () => {
        const found = at(params.textDocument.uri, params.position);
        if (!found) return null;
        const result = prepareRename(found.dockerfile, found.offset);
        return 'error' in result ? new ResponseError(ErrorCodes.InvalidRequest, result.error) : result;
      }),
    );
    connection.languages.onLinkedEditingRange((params, token) =>
      runSafe(log, 'linked editing', params.textDocument.uri, token, null as LinkedEditingRanges | null, () => {
        const found = at(params.textDocument.uri, params.position);
        return (found && linkedEditingRanges(found.dockerfile, found.offset)) ?? null;
      }),
    );
    connection.onRenameRequest((params, token) =>
      runSafe(log, 'rename', params.textDocument.uri, token, null as WorkspaceEdit | null | ResponseError<void>, () => {
        const found = at(params.textDocument.uri, params.position);
        if (!found) return null;
        const result = rename(found.dockerfile, found.offset, params.newName);
        if ('error' in result) return new ResponseError(ErrorCodes.InvalidRequest, result.error);
        return { changes: { [params.textDocument.uri]: result.edits } };
      }),
    );
  },
};
