// Document, range and on-type formatting. The editor's tab size and the layerwise.format.*
// settings of the document decide the layout; the formatter never changes what BuildKit sees.
import type { FormattingOptions, TextEdit } from 'vscode-languageserver';
import { formatDocument, formatLines, formatOnType, ON_TYPE_TRIGGERS, type FormatOptions } from '../../dockerfile/format';
import type { Feature } from '../feature';
import { runSafeAsync } from '../runSafe';
import { setting, type LayerwiseSettings } from '../settings';

export const formatting: Feature = {
  name: 'formatting',
  capabilities: () => ({
    documentFormattingProvider: true,
    documentRangeFormattingProvider: true,
    documentOnTypeFormattingProvider: { firstTriggerCharacter: ON_TYPE_TRIGGERS[0] },
  }),
  register({ connection, documents, dockerfiles, log, settings }) {
    const prepare = async (uri: string, options: FormattingOptions) => {
      const document = documents.get(uri);
      if (!document) return undefined;
      const values = await settings.get(uri);
      if (!setting(values, 'format.enable', true)) return undefined;
      return { document, dockerfile: dockerfiles.get(document), options: formatOptions(options, values) };
    };

    connection.onDocumentFormatting((params, token) =>
      runSafeAsync(log, 'formatting', params.textDocument.uri, token, [] as TextEdit[], async () => {
        const ready = await prepare(params.textDocument.uri, params.options);
        return ready ? formatDocument(ready.dockerfile, ready.options) : [];
      }),
    );
    connection.onDocumentRangeFormatting((params, token) =>
      runSafeAsync(log, 'range formatting', params.textDocument.uri, token, [] as TextEdit[], async () => {
        const ready = await prepare(params.textDocument.uri, params.options);
        if (!ready) return [];
        const { start, end } = params.range;
        // A selection ending at the start of a line does not include that line.
        const endLine = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
        return formatLines(ready.dockerfile, ready.options, { startLine: start.line, endLine });
      }),
    );
    connection.onDocumentOnTypeFormatting((params, token) =>
      runSafeAsync(log, 'on-type formatting', params.textDocument.uri, token, [] as TextEdit[], async () => {
        const ready = await prepare(params.textDocument.uri, params.options);
        if (!ready || !setting(await settings.get(params.textDocument.uri), 'format.onType', true)) return [];
        return formatOnType(ready.dockerfile, params.position, params.ch, ready.options);
      }),
    );
  },
};

function formatOptions(options: FormattingOptions, values: LayerwiseSettings): FormatOptions {
  const shell = setting<string>(values, 'format.shellContinuationIndent', 'preserveCommand');
  return {
    tabSize: options.tabSize,
    insertSpaces: options.insertSpaces,
    insertFinalNewline: options.insertFinalNewline,
    trimFinalNewlines: options.trimFinalNewlines,
    uppercaseKeywords: setting(values, 'format.uppercaseKeywords', true),
    shellContinuationIndent: shell === 'always' ? 'always' : 'preserveCommand',
  };
}
