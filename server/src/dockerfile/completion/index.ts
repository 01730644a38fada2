/**
 * Completion for Dockerfiles: text (already analysed) and a cursor offset in, an LSP
 * CompletionList out. Pure: images on the engine come in through `options.images`.
 *
 *     complete(analyzeText(text), offset, { images, markdown: true, snippets: true })
 *
 * What is offered depends on where the cursor is (see context.ts): instruction keywords,
 * directives, `# check=` options and ignore pragmas (rule ids), flags and their values (RUN --mount options per type),
 * stage names and images, variables in scope with their values, and positional arguments.
 */
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import type { DockerfileDocument } from '..';
import { instructionReference } from '../reference';
import { completionContext, type CompletionContext } from './context';
import { commentItems } from './comments';
import { flagNameItems, flagValueItems } from './flags';
import { ItemBuilder } from './items';
import { keywordItems } from './keywords';
import { positionalItems } from './positional';
import { variableItems } from './variables';
import type { CompletionOptions } from './types';

export type { CompletionOptions, KnownImage } from './types';
export { completionContext, type CompletionContext } from './context';
export { variablesAt, stageOf, type ScopedVariable } from './scope';
export { describeValue } from './variables';
export { formatBytes, formatDate } from './items';
export { imageMarkdown } from './sources';
export { resolveCompletionItem, renderDoc, type DocKey } from './documentation';

/** Characters after which a client should ask for completions. */
export const COMPLETION_TRIGGER_CHARACTERS = [' ', '-', '=', ',', '$', '{', ':', '/', '#'];

export function complete(document: DockerfileDocument, offset: number, options: CompletionOptions = {}): CompletionList {
  const context = completionContext(document, offset);
  const builder = new ItemBuilder(document, options, offset);
  return { isIncomplete: false, items: itemsFor(context, document, offset, builder, options) };
}

function itemsFor(context: CompletionContext, document: DockerfileDocument, offset: number, builder: ItemBuilder, options: CompletionOptions): CompletionItem[] {
  switch (context.kind) {
    case 'none':
      return [];
    case 'keyword':
      // Indenting a line is not asking for an instruction.
      if (options.triggerCharacter === ' ' && !context.onbuild) return [];
      return keywordItems(context, document, builder);
    case 'comment':
      return commentItems(context, builder, options.triggerCharacter);
    case 'variable':
      return variableItems(context, document, offset, builder);
    case 'instruction': {
      const { instruction, current, words, flagRegion } = context;
      const reference = instructionReference(instruction.name);
      if (!reference) return [];
      if (flagRegion && current.text.startsWith('-')) {
        if (current.text.startsWith('--') && current.text.includes('=')) {
          return flagValueItems({ document, instruction, reference, current, offset, builder, options });
        }
        return flagNameItems(reference, words, current, offset, builder, 0);
      }
      let flagCount = 0;
      while (flagCount < words.length && words[flagCount].text.startsWith('--')) flagCount++;
      const flags = words.slice(0, flagCount);
      const position = words.length - flagCount;
      const items = positionalItems({ document, instruction, reference, position, flags, current, offset, builder, options });
      // Flags may still come: offer them after the arguments, but never while a word is being typed.
      if (flagRegion && current.text === '') items.push(...flagNameItems(reference, words, current, offset, builder, 40));
      return items;
    }
  }
}

/** Whether completion at `offset` offers engine images (FROM's base, `--from=`, `--mount=…from=`). */
export function completionNeedsImages(document: DockerfileDocument, offset: number): boolean {
  const context = completionContext(document, offset);
  if (context.kind !== 'instruction') return false;
  const { instruction, current, words } = context;
  if (current.text.startsWith('--from=')) return true;
  if (instruction.name === 'RUN') return /^--mount=.*\bfrom=[^,]*$/i.test(current.text);
  return instruction.name === 'FROM' && !current.text.startsWith('-') && words.every((word) => word.text.startsWith('--'));
}
