// Documentation of completion items drawn from the reference, named by a small key so that a
// client can fetch it on demand (completionItem/resolve) instead of receiving every item's
// Markdown with every list: a keyword list is then a few kilobytes instead of fifty.
import type { CompletionItem } from 'vscode-languageserver-types';
import { MarkupKind } from 'vscode-languageserver-types';
import { DIRECTIVES, MOUNT_TYPES, buildCheck, directiveReference, flagReference, instructionReference, mountOption, mountType } from '../reference';
import { RULE_TABLE } from '../rules/table';
import { directiveMarkdown, flagMarkdown, instructionMarkdown, markdownToPlainText, mountOptionMarkdown, mountTypeMarkdown } from '../reference/markdown';

/** Names a piece of reference documentation; travels in `CompletionItem.data`. */
export type DocKey =
  | { readonly doc: 'instruction'; readonly name: string }
  | { readonly doc: 'flag'; readonly instruction: string; readonly name: string }
  | { readonly doc: 'mount-type'; readonly name: string }
  | { readonly doc: 'mount-types' }
  | { readonly doc: 'mount-option'; readonly type: string; readonly name: string }
  | { readonly doc: 'directive'; readonly name: string }
  | { readonly doc: 'check'; readonly name: string }
  | { readonly doc: 'rule'; readonly id: string };

export function isDocKey(value: unknown): value is DocKey {
  return typeof value === 'object' && value !== null && typeof (value as { doc?: unknown }).doc === 'string';
}

/** The Markdown a key names; undefined for a key that names nothing (a stale or foreign item). */
export function renderDoc(key: DocKey): string | undefined {
  switch (key.doc) {
    case 'instruction': {
      const entry = instructionReference(key.name);
      return entry && instructionMarkdown(entry);
    }
    case 'flag': {
      const flag = flagReference(key.instruction, key.name);
      return flag && flagMarkdown(key.instruction, flag);
    }
    case 'mount-type': {
      const type = mountType(key.name);
      return type && mountTypeMarkdown(type);
    }
    case 'mount-types':
      return ['**type** — the kind of mount (default `bind`):', ...MOUNT_TYPES.map((type) => `- \`${type.name}\`: ${type.summary}`)].join('\n');
    case 'mount-option': {
      const type = mountType(key.type);
      const option = mountOption(key.type, key.name);
      return type && option && mountOptionMarkdown(type, option);
    }
    case 'directive': {
      const directive = directiveReference(key.name) ?? DIRECTIVES.find((entry) => entry.name === key.name);
      return directive && directiveMarkdown(directive);
    }
    case 'check': {
      const check = buildCheck(key.name);
      return check && `**${check.name}**${check.experimental ? ' (experimental)' : ''} — ${check.description}\n\n[BuildKit check reference](${check.url})`;
    }
    case 'rule': {
      const rule = RULE_TABLE.find((row) => row.id === key.id);
      return rule && `**${rule.id}**${rule.aliases.length ? ` (${rule.aliases.map((alias) => `\`${alias}\``).join(', ')})` : ''} — ${rule.title}\n\n${rule.docs}`;
    }
  }
}

/** completionItem/resolve: fills in the documentation named by `item.data`. */
export function resolveCompletionItem(item: CompletionItem, options: { readonly markdown?: boolean } = {}): CompletionItem {
  if (item.documentation || !isDocKey(item.data)) return item;
  const markdown = renderDoc(item.data);
  if (markdown === undefined) return item;
  const documentation = options.markdown === false ? { kind: MarkupKind.PlainText, value: markdownToPlainText(markdown) } : { kind: MarkupKind.Markdown, value: markdown };
  return { ...item, documentation };
}
