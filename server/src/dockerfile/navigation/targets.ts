// What the cursor is on, for definition, references, highlight and rename: a variable (its
// definitions and uses, linked across the scopes BuildKit links), a build stage (its `AS` name
// and every place naming it), or a here-document delimiter (marker and terminator).
import { instructionAt, referenceAt, type DockerfileDocument, type Heredoc, type Instruction, type Stage } from '../index';
import type { VariableDefinition, VariableReference } from '../semantic/types';
import { variableGroups, type VariableGroup } from './variableGroups';

export type NavigationTarget =
  | {
      readonly kind: 'variable';
      readonly name: string;
      /** The definition under the cursor, or the one the use under the cursor resolves to. */
      readonly definition: VariableDefinition | undefined;
      readonly group: VariableGroup | undefined;
      /** For a name defined nowhere in the file: its uses in the same stage. */
      readonly undefinedUses: readonly VariableReference[];
    }
  | { readonly kind: 'stage'; readonly stage: Stage }
  | { readonly kind: 'heredoc'; readonly instruction: Instruction; readonly heredoc: Heredoc };

/** Offsets are UTF-16 offsets into the text; a cursor just after a name still counts. */
export function targetAt(document: DockerfileDocument, offset: number): NavigationTarget | undefined {
  const { model } = document;
  const groups = variableGroups(model);

  const reference = referenceAt(model, offset);
  if (reference && within(reference.nameSpan, offset)) return variableTarget(document, reference.name, reference.definition, reference);
  for (const definition of groups.definitionsAt(offset)) return variableTarget(document, definition.name, definition, undefined);
  if (reference && within(reference, offset)) return variableTarget(document, reference.name, reference.definition, reference);

  for (const stage of model.stages) {
    if (stage.nameToken && within(stage.nameToken, offset)) return { kind: 'stage', stage };
    if (stage.start > offset) break;
  }
  for (const stageReference of model.stageReferences) {
    if (stageReference.start > offset) break;
    if (stageReference.stageIndex !== undefined && within(stageReference, offset)) {
      return { kind: 'stage', stage: model.stages[stageReference.stageIndex] };
    }
  }

  const instruction = instructionAt(document.ast.instructions, offset);
  if (instruction) {
    for (const heredoc of instruction.heredocs) {
      // `<<"a"b` names `ab`, written in two pieces: no one span to rename or edit in step.
      if (!nameWrittenWhole(heredoc)) continue;
      if (within(heredocNameSpan(document.text, heredoc), offset)) return { kind: 'heredoc', instruction, heredoc };
      const terminator = terminatorNameSpan(document.text, heredoc);
      if (terminator && within(terminator, offset)) return { kind: 'heredoc', instruction, heredoc };
    }
  }
  return undefined;
}

function variableTarget(
  document: DockerfileDocument,
  name: string,
  definition: VariableDefinition | undefined,
  reference: VariableReference | undefined,
): NavigationTarget {
  const groups = variableGroups(document.model);
  if (definition) return { kind: 'variable', name, definition, group: groups.groupOf(definition), undefinedUses: [] };
  const stageIndex = reference?.stageIndex;
  const undefinedUses = document.model.references.filter((use) => !use.definition && use.name === name && use.stageIndex === stageIndex);
  return { kind: 'variable', name, definition: undefined, group: undefined, undefinedUses };
}

export function within(span: { readonly start: number; readonly end: number }, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

export interface OffsetSpan {
  readonly start: number;
  readonly end: number;
}

/** The delimiter word inside `<<-"EOF"`, without the operator and quotes. */
export function heredocNameSpan(_text: string, heredoc: Heredoc): OffsetSpan {
  const marker = heredoc.marker;
  const at = marker.text.indexOf(heredoc.name, marker.text.indexOf('<<') + 2);
  const start = marker.start + (at >= 0 ? at : 0);
  return { start, end: start + heredoc.name.length };
}

function nameWrittenWhole(heredoc: Heredoc): boolean {
  const text = heredoc.marker.text;
  return text.indexOf(heredoc.name, text.indexOf('<<') + 2) >= 0;
}

/** The delimiter on the terminator line (after the tabs `<<-` strips). */
export function terminatorNameSpan(text: string, heredoc: Heredoc): OffsetSpan | undefined {
  const terminator = heredoc.terminator;
  if (!terminator) return undefined;
  let start = terminator.start;
  while (start < terminator.end && text.charCodeAt(start) === 9) start++;
  return { start, end: start + heredoc.name.length };
}
