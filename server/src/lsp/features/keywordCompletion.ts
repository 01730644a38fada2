// Instruction keyword completion at the start of a line.
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import { INSTRUCTION_NAMES } from '../../dockerfile/instructionNames';
import type { Feature } from '../feature';
import { runSafe } from '../runSafe';

export const keywordCompletion: Feature = {
  name: 'completion',
  capabilities: () => ({ completionProvider: { resolveProvider: false } }),
  register({ connection, documents, log }) {
    connection.onCompletion((params, token) =>
      runSafe(log, 'completion', params.textDocument.uri, token, [] as CompletionItem[], () => {
        const document = documents.get(params.textDocument.uri);
        if (!document) return [];
        const line = document.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
        if (!/^\s*[A-Za-z]*$/.test(line)) return [];
        return INSTRUCTION_NAMES.map((name) => ({ label: name, kind: CompletionItemKind.Keyword }));
      }),
    );
  },
};
