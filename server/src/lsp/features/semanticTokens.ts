// Semantic tokens: full, range and delta. The last full result of each document is kept (by
// result id) so a delta request answers with one splice instead of the whole array.
import type { SemanticTokens, SemanticTokensDelta } from 'vscode-languageserver';
import { semanticTokens as computeTokens, semanticTokensEdits, TOKEN_LEGEND } from '../../dockerfile/semanticTokens';
import type { Feature } from '../feature';
import { runSafe } from '../runSafe';

export const semanticTokens: Feature = {
  name: 'semantic tokens',
  capabilities: () => ({ semanticTokensProvider: { legend: TOKEN_LEGEND, full: { delta: true }, range: true } }),
  register({ connection, documents, dockerfiles, log }) {
    const previous = new Map<string, { resultId: string; data: number[] }>();
    let nextId = 1;
    documents.onDidClose((event) => previous.delete(event.document.uri));

    const full = (uri: string): SemanticTokens => {
      const document = documents.get(uri);
      if (!document) return { data: [] };
      const { data } = computeTokens(dockerfiles.get(document));
      const resultId = String(nextId++);
      previous.set(uri, { resultId, data });
      return { resultId, data };
    };

    connection.languages.semanticTokens.on((params, token) =>
      runSafe(log, 'semantic tokens', params.textDocument.uri, token, { data: [] } as SemanticTokens, () => full(params.textDocument.uri)),
    );
    connection.languages.semanticTokens.onDelta((params, token) =>
      runSafe(log, 'semantic tokens delta', params.textDocument.uri, token, { data: [] } as SemanticTokens | SemanticTokensDelta, () => {
        const uri = params.textDocument.uri;
        const before = previous.get(uri);
        const now = full(uri);
        if (!before || before.resultId !== params.previousResultId) return now;
        return { resultId: now.resultId, edits: semanticTokensEdits(before.data, now.data) };
      }),
    );
    connection.languages.semanticTokens.onRange((params, token) =>
      runSafe(log, 'semantic tokens range', params.textDocument.uri, token, { data: [] } as SemanticTokens, () => {
        const document = documents.get(params.textDocument.uri);
        if (!document) return { data: [] };
        return computeTokens(dockerfiles.get(document), { startLine: params.range.start.line, endLine: params.range.end.line });
      }),
    );
  },
};
