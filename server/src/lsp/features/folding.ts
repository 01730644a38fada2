// Folding ranges: stages, multi-line instructions, here-documents, comment blocks.
import type { FoldingRange } from 'vscode-languageserver';
import { foldingRanges } from '../../dockerfile/folding';
import type { Feature } from '../feature';
import { runSafe } from '../runSafe';

export const folding: Feature = {
  name: 'folding',
  capabilities: () => ({ foldingRangeProvider: true }),
  register({ connection, documents, dockerfiles, log, client }) {
    const rangeLimit = client.textDocument?.foldingRange?.rangeLimit;
    connection.onFoldingRanges((params, token) =>
      runSafe(log, 'folding ranges', params.textDocument.uri, token, [] as FoldingRange[], () => {
        const document = documents.get(params.textDocument.uri);
        return document ? foldingRanges(dockerfiles.get(document), { rangeLimit }) : [];
      }),
    );
  },
};
