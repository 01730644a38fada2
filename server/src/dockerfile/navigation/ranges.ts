// LSP ranges from offsets, through the document's line index. The editor features compute
// their ranges from offsets (the one location every token has) rather than from `range`
// fields, so a range is built only for what is actually returned.
import type { Range } from 'vscode-languageserver-types';
import type { DockerfileDocument } from '../index';

export function rangeOf(document: DockerfileDocument, start: number, end: number): Range {
  const lines = document.ast.lines;
  return { start: lines.positionAt(start), end: lines.positionAt(end) };
}

export function spanRange(document: DockerfileDocument, span: { readonly start: number; readonly end: number }): Range {
  return rangeOf(document, span.start, span.end);
}
