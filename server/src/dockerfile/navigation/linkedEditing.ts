// Linked editing for here-document delimiters: with the cursor on `EOF` in `<<EOF` or on the
// line that closes it, typing changes both, as an HTML editor does for a tag pair. (Stages and
// variables are not linked: their uses are different tokens; rename covers them.)
import type { Range } from 'vscode-languageserver-types';
import type { DockerfileDocument } from '../index';
import { rangeOf } from './ranges';
import { heredocNameSpan, targetAt, terminatorNameSpan } from './targets';

export interface LinkedEditing {
  readonly ranges: Range[];
  /** What a delimiter may be while typing: no blanks, quotes or redirection characters. */
  readonly wordPattern: string;
}

export const DELIMITER_WORD_PATTERN = '[^\\s\'"<>|&;()]+';

export function linkedEditingRanges(document: DockerfileDocument, offset: number): LinkedEditing | undefined {
  const target = targetAt(document, offset);
  if (target?.kind !== 'heredoc') return undefined;
  const terminator = terminatorNameSpan(document.text, target.heredoc);
  // An unterminated here-document has only its marker: nothing to link.
  if (!terminator) return undefined;
  const marker = heredocNameSpan(document.text, target.heredoc);
  return {
    ranges: [rangeOf(document, marker.start, marker.end), rangeOf(document, terminator.start, terminator.end)],
    wordPattern: DELIMITER_WORD_PATTERN,
  };
}
