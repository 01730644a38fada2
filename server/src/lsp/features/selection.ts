// Selection ranges (expand/shrink selection): token → argument → instruction → stage → file.
import type { SelectionRange } from 'vscode-languageserver';
import { selectionRanges } from '../../dockerfile/selection';
import type { Feature } from '../feature';
import { runSafe } from '../runSafe';

export const selection: Feature = {
  name: 'selection',
  capabilities: () => ({ selectionRangeProvider: true }),
  register({ connection, documents, dockerfiles, log }) {
    connection.onSelectionRanges((params, token) =>
      runSafe(log, 'selection ranges', params.textDocument.uri, token, [] as SelectionRange[], () => {
        const document = documents.get(params.textDocument.uri);
        if (!document) return [];
        return selectionRanges(dockerfiles.get(document), params.positions.map((position) => document.offsetAt(position)));
      }),
    );
  },
};
