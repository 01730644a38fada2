// Definition, references and document highlight for variables, build stages and here-document
// delimiters. Ranges only: the server adds the document URI.
import { DocumentHighlightKind, type DocumentHighlight, type Range } from 'vscode-languageserver-types';
import type { DockerfileDocument } from '../index';
import { spanRange } from './ranges';
import { heredocNameSpan, targetAt, terminatorNameSpan, type NavigationTarget, type OffsetSpan } from './targets';

export interface Occurrence {
  readonly span: OffsetSpan;
  /** A definition (written) rather than a use (read). */
  readonly definition: boolean;
}

/** Where what is at `offset` is defined (several places for a variable set in several scopes). */
export function findDefinition(document: DockerfileDocument, offset: number): Range[] {
  const target = targetAt(document, offset);
  if (!target) return [];
  if (target.kind === 'variable') {
    return target.definition?.nameToken ? [spanRange(document, target.definition.nameToken)] : [];
  }
  if (target.kind === 'stage') return [spanRange(document, target.stage.nameToken ?? target.stage.from.keyword)];
  return [spanRange(document, heredocNameSpan(document.text, target.heredoc))];
}

/** Every occurrence of what is at `offset`, in document order. */
export function occurrences(document: DockerfileDocument, offset: number): Occurrence[] {
  const target = targetAt(document, offset);
  return target ? occurrencesOf(document, target) : [];
}

export function occurrencesOf(document: DockerfileDocument, target: NavigationTarget): Occurrence[] {
  const found: Occurrence[] = [];
  if (target.kind === 'variable') {
    for (const definition of target.group?.definitions ?? []) {
      if (definition.nameToken) found.push({ span: definition.nameToken, definition: true });
    }
    for (const use of target.group?.references ?? target.undefinedUses) found.push({ span: use.nameSpan, definition: false });
  } else if (target.kind === 'stage') {
    const stage = target.stage;
    if (stage.nameToken) found.push({ span: stage.nameToken, definition: true });
    for (const reference of document.model.stageReferences) {
      if (reference.stageIndex === stage.index) found.push({ span: reference, definition: false });
    }
  } else {
    found.push({ span: heredocNameSpan(document.text, target.heredoc), definition: true });
    const terminator = terminatorNameSpan(document.text, target.heredoc);
    if (terminator) found.push({ span: terminator, definition: false });
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

export function findReferences(document: DockerfileDocument, offset: number, includeDeclaration: boolean): Range[] {
  return occurrences(document, offset)
    .filter((occurrence) => includeDeclaration || !occurrence.definition)
    .map((occurrence) => spanRange(document, occurrence.span));
}

export function documentHighlights(document: DockerfileDocument, offset: number): DocumentHighlight[] {
  return occurrences(document, offset).map((occurrence) => ({
    range: spanRange(document, occurrence.span),
    kind: occurrence.definition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}
