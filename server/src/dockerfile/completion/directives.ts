// Parser directives at the top of the file (`# syntax=`, `# escape=`, `# check=`) and the
// `# check=` options anywhere a check comment may stand: option names, BuildKit check names
// for skip= and experimental= (those not listed yet), booleans for error=.
import type { CompletionItem } from 'vscode-languageserver-types';
import { BUILD_CHECKS, BOOLEAN, DIRECTIVES, directiveReference } from '../reference';
import { directiveMarkdown } from '../reference/markdown';
import type { CompletionContext } from './context';
import { CompletionItemKind, type ItemBuilder } from './items';

type DirectiveContext = Extract<CompletionContext, { kind: 'directive' }>;
type CheckCommentContext = Extract<CompletionContext, { kind: 'check-comment' }>;

export function directiveItems(context: DirectiveContext, builder: ItemBuilder): CompletionItem[] {
  const match = /^(\s*)([a-zA-Z][a-zA-Z0-9]*)?(\s*=\s*)?(.*)$/.exec(context.text)!;
  const [, leading, name = '', equals, value] = match;
  if (!equals) {
    const start = context.start + leading.length;
    const end = start + name.length;
    return DIRECTIVES.filter((directive) => !context.used.has(directive.name)).map((directive, index) =>
      builder.build({
        label: `${directive.name}=`,
        kind: CompletionItemKind.Property,
        start,
        end,
        insert: leading.length === 0 ? ` ${directive.name}=` : `${directive.name}=`,
        filter: directive.name,
        detail: directive.summary,
        documentation: directiveMarkdown(directive),
        rank: index,
        retrigger: true,
      }),
    );
  }
  const directive = directiveReference(name);
  if (!directive) return [];
  const valueStart = context.start + leading.length + name.length + equals.length;
  if (directive.name === 'check') return checkItems(value, valueStart, builder);
  return (directive.value.values ?? []).map((choice, index) =>
    builder.build({
      label: choice.value,
      kind: CompletionItemKind.Value,
      start: valueStart,
      end: valueStart + value.length,
      detail: choice.description,
      documentation: directiveMarkdown(directive),
      rank: index,
    }),
  );
}

export function checkCommentItems(context: CheckCommentContext, builder: ItemBuilder): CompletionItem[] {
  const match = /^(\s*check\s*=\s*)(.*)$/i.exec(context.text);
  return match ? checkItems(match[2], context.start + match[1].length, builder) : [];
}

/** Completions inside the value of `check=`: `skip=A,B;error=true;experimental=C`. */
function checkItems(value: string, valueStart: number, builder: ItemBuilder): CompletionItem[] {
  const check = directiveReference('check')!;
  const partStart = value.lastIndexOf(';') + 1;
  const part = value.slice(partStart);
  const used = new Set(
    value
      .slice(0, partStart)
      .split(';')
      .map((option) => option.split('=')[0].trim().toLowerCase()),
  );
  const equals = part.indexOf('=');
  if (equals < 0) {
    const start = valueStart + partStart + (part.length - part.trimStart().length);
    return (check.options ?? [])
      .filter((option) => !used.has(option.name))
      .map((option, index) =>
        builder.build({
          label: `${option.name}=`,
          kind: CompletionItemKind.Property,
          start,
          end: valueStart + value.length,
          filter: option.name,
          detail: option.documentation,
          documentation: directiveMarkdown(check),
          rank: index,
          retrigger: true,
        }),
      );
  }
  const key = part.slice(0, equals).trim().toLowerCase();
  const listStart = partStart + equals + 1;
  if (key === 'error') {
    return BOOLEAN.values!.map((choice, index) =>
      builder.build({ label: choice.value, kind: CompletionItemKind.Value, start: valueStart + listStart, end: valueStart + value.length, detail: index === 0 ? 'Fail the build on check warnings' : 'Only warn (the default)', rank: index }),
    );
  }
  if (key !== 'skip' && key !== 'experimental') return [];
  const list = value.slice(listStart);
  const nameStart = listStart + list.lastIndexOf(',') + 1;
  const listed = new Set(list.split(',').map((name) => name.trim()));
  const items: CompletionItem[] = [];
  const start = valueStart + nameStart;
  const end = valueStart + value.length;
  if (nameStart === listStart) {
    items.push(builder.build({ label: 'all', kind: CompletionItemKind.Constant, start, end, detail: key === 'skip' ? 'Skip every check' : 'Turn every experimental check on', rank: 0 }));
  }
  for (const rule of BUILD_CHECKS) {
    if (listed.has(rule.name) || (key === 'experimental' && !rule.experimental)) continue;
    items.push(
      builder.build({
        label: rule.name,
        kind: CompletionItemKind.EnumMember,
        start,
        end,
        detail: rule.description,
        documentation: `**${rule.name}**${rule.experimental ? ' (experimental)' : ''} — ${rule.description}\n\n[BuildKit check reference](${rule.url})`,
        rank: 10,
      }),
    );
  }
  return items;
}
