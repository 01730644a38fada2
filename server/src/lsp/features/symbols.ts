// Document symbols (outline, breadcrumbs, Go to Symbol in Editor): stages holding instructions.
import { SymbolInformation, type DocumentSymbol } from 'vscode-languageserver';
import { documentSymbols } from '../../dockerfile/symbols';
import type { Feature } from '../feature';
import { runSafe } from '../runSafe';

export const symbols: Feature = {
  name: 'symbols',
  capabilities: () => ({ documentSymbolProvider: { label: 'Dockerfile' } }),
  register({ connection, documents, dockerfiles, log, client }) {
    const hierarchical = client.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    connection.onDocumentSymbol((params, token) =>
      runSafe(log, 'document symbols', params.textDocument.uri, token, [] as DocumentSymbol[] | SymbolInformation[], () => {
        const document = documents.get(params.textDocument.uri);
        if (!document) return [];
        const tree = documentSymbols(dockerfiles.get(document));
        return hierarchical ? tree : flatten(tree, params.textDocument.uri);
      }),
    );
  },
};

/** For clients without hierarchical symbols: one flat list, each with its container's name. */
function flatten(tree: readonly DocumentSymbol[], uri: string, container?: string): SymbolInformation[] {
  return tree.flatMap((symbol) => [
    SymbolInformation.create(symbol.name, symbol.kind, symbol.range, uri, container),
    ...flatten(symbol.children ?? [], uri, symbol.name),
  ]);
}
