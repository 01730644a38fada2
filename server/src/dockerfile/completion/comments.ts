// Comment lines that mean something: parser directives at the top of the file (`# syntax=`,
// `# escape=`, `# check=`), the `# check=` options wherever a check comment may stand (BuildKit
// check names for skip= and experimental=), and the ignore pragmas, with our rule ids for
// `# layerwise-ignore` and hadolint's codes for `# hadolint ignore=`.
import type { CompletionItem } from 'vscode-languageserver-types';
import { BUILD_CHECKS, BOOLEAN, DIRECTIVES, directiveReference } from '../reference';
import { RULE_TABLE } from '../rules/table';
import type { CompletionContext } from './context';
import { CompletionItemKind, type ItemBuilder } from './items';

type CommentContext = Extract<CompletionContext, { kind: 'comment' }>;

const LAYERWISE_IGNORE = /^(\s*layerwise-ignore(?:-file)?\s+)(.*)$/;
const HADOLINT_IGNORE = /^(\s*hadolint\s+(?:global\s+|stage\s+)?ignore\s*=\s*)(.*)$/;
const CHECK = /^(\s*check\s*=\s*)(.*)$/i;
const DIRECTIVE = /^(\s*)([a-zA-Z][a-zA-Z0-9]*)(\s*=\s*)(.*)$/;

/** Pragmas a comment can start with (the per-instruction `check=skip=` since docker/dockerfile 1.21). */
const PRAGMAS: readonly { label: string; insert: string; detail: string }[] = [
  { label: 'layerwise-ignore', insert: 'layerwise-ignore ', detail: 'Ignore Layerwise rules on the next instruction' },
  { label: 'layerwise-ignore-file', insert: 'layerwise-ignore-file ', detail: 'Ignore Layerwise rules in the whole file' },
  { label: 'hadolint ignore=', insert: 'hadolint ignore=', detail: "Ignore hadolint's rules on the next instruction" },
  { label: 'check=skip=', insert: 'check=skip=', detail: "Skip BuildKit's checks on the next instruction (docker/dockerfile 1.21+)" },
];

export function commentItems(context: CommentContext, builder: ItemBuilder, triggerCharacter?: string): CompletionItem[] {
  const { text, start } = context;
  let match = CHECK.exec(text);
  if (match) return checkItems(match[2], start + match[1].length, builder);
  match = LAYERWISE_IGNORE.exec(text);
  if (match) return ruleItems(match[2], start + match[1].length, builder, 'layerwise');
  match = HADOLINT_IGNORE.exec(text);
  if (match) return ruleItems(match[2], start + match[1].length, builder, 'hadolint');
  if (context.directiveSlot) {
    match = DIRECTIVE.exec(text);
    if (match) return directiveValueItems(match[2], match[4], start + match[1].length + match[2].length + match[3].length, builder);
  }
  const word = /^(\s*)([a-zA-Z-]*)$/.exec(text);
  if (!word) return [];
  // Starting a prose comment is not asking for a pragma: offer them when asked, or for directives
  // right after the `#` at the top of the file.
  if (word[2] === '' && (triggerCharacter === ' ' || (triggerCharacter === '#' && !context.directiveSlot))) return [];
  const wordStart = start + word[1].length;
  const end = wordStart + word[2].length;
  // `#syntax=` and `# syntax=` are both directives; insert the space users expect.
  const space = word[1].length === 0 ? ' ' : '';
  const items: CompletionItem[] = [];
  if (context.directiveSlot) {
    DIRECTIVES.filter((directive) => !context.used.has(directive.name)).forEach((directive, index) =>
      items.push(
        builder.build({
          label: `${directive.name}=`,
          kind: CompletionItemKind.Property,
          start: wordStart,
          end,
          insert: `${space}${directive.name}=`,
          filter: directive.name,
          detail: `Parser directive — ${directive.summary}`,
          documentation: { doc: 'directive', name: directive.name },
          rank: index,
          retrigger: true,
        }),
      ),
    );
  }
  PRAGMAS.forEach((pragma, index) => {
    if (context.directiveSlot && pragma.label === 'check=skip=') return;
    items.push(builder.build({ label: pragma.label, kind: CompletionItemKind.Keyword, start: wordStart, end, insert: `${space}${pragma.insert}`, filter: pragma.label, detail: pragma.detail, rank: 20, order: index, retrigger: true }));
  });
  return items;
}

function directiveValueItems(name: string, value: string, valueStart: number, builder: ItemBuilder): CompletionItem[] {
  const directive = directiveReference(name);
  if (!directive) return [];
  return (directive.value.values ?? []).map((choice, index) =>
    builder.build({
      label: choice.value,
      kind: CompletionItemKind.Value,
      start: valueStart,
      end: valueStart + value.length,
      detail: choice.description,
      documentation: { doc: 'directive', name: directive.name },
      rank: index,
    }),
  );
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
  const end = valueStart + value.length;
  if (equals < 0) {
    const start = valueStart + partStart + (part.length - part.trimStart().length);
    return (check.options ?? [])
      .filter((option) => !used.has(option.name))
      .map((option, index) =>
        builder.build({ label: `${option.name}=`, kind: CompletionItemKind.Property, start, end, filter: option.name, detail: option.documentation, documentation: { doc: 'directive', name: 'check' }, rank: index, retrigger: true }),
      );
  }
  const key = part.slice(0, equals).trim().toLowerCase();
  const listStart = partStart + equals + 1;
  if (key === 'error') {
    return BOOLEAN.values!.map((choice, index) =>
      builder.build({ label: choice.value, kind: CompletionItemKind.Value, start: valueStart + listStart, end, detail: index === 0 ? 'Fail the build on check warnings' : 'Only warn (the default)', rank: index }),
    );
  }
  if (key !== 'skip' && key !== 'experimental') return [];
  const list = value.slice(listStart);
  const nameStart = listStart + list.lastIndexOf(',') + 1;
  const listed = new Set(list.split(',').map((name) => name.trim()));
  const start = valueStart + nameStart;
  const items: CompletionItem[] = [];
  if (nameStart === listStart) {
    items.push(builder.build({ label: 'all', kind: CompletionItemKind.Constant, start, end, detail: key === 'skip' ? 'Skip every check' : 'Turn every experimental check on', rank: 0 }));
  }
  for (const rule of BUILD_CHECKS) {
    if (listed.has(rule.name) || (key === 'experimental' && !rule.experimental)) continue;
    items.push(builder.build({ label: rule.name, kind: CompletionItemKind.EnumMember, start, end, detail: rule.description, documentation: { doc: 'check', name: rule.name }, rank: 10 }));
  }
  return items;
}

/** Rule ids (`layerwise-ignore`) or hadolint codes (`hadolint ignore=`) not listed yet. */
function ruleItems(list: string, listStart: number, builder: ItemBuilder, dialect: 'layerwise' | 'hadolint'): CompletionItem[] {
  const separator = dialect === 'layerwise' ? /[\s,]/ : /,/;
  let codeStart = list.length;
  while (codeStart > 0 && !separator.test(list[codeStart - 1])) codeStart--;
  // Text after the codes is a comment (`# layerwise-ignore x -- why`).
  if (/\s--\s|\s#/.test(list.slice(0, codeStart))) return [];
  const listed = new Set(list.split(/[\s,]+/).map((code) => code.toLowerCase()));
  const start = listStart + codeStart;
  const end = listStart + list.length;
  const items: CompletionItem[] = [];
  for (const rule of RULE_TABLE) {
    const codes = dialect === 'layerwise' ? [rule.id] : rule.aliases.filter((alias) => /^DL\d+$/.test(alias));
    for (const code of codes) {
      if (listed.has(code.toLowerCase())) continue;
      items.push(
        builder.build({
          label: code,
          kind: CompletionItemKind.EnumMember,
          start,
          end,
          detail: rule.title,
          description: dialect === 'hadolint' ? rule.id : rule.aliases.slice(0, 2).join(', ') || undefined,
          documentation: { doc: 'rule', id: rule.id },
          rank: 0,
        }),
      );
    }
  }
  return items;
}
