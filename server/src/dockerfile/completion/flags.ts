// Flags of the instruction at the cursor (those still allowed: not yet given, unless
// repeatable) and their values: enum and boolean values, durations and counts with the default
// first, platforms, permissions, stages and images for --from, and RUN --mount's own options.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { DockerfileDocument, Instruction } from '..';
import { MOUNT_TYPES, MOUNT_TYPE_VALUE, mountOption, mountType, type FlagReference, type InstructionReference, type ValueSyntax } from '../reference';
import { describeOctalMode } from '../reference/values';
import type { DocKey } from './documentation';
import type { Word } from './context';
import { CompletionItemKind, type ItemBuilder } from './items';
import { stageOf } from './scope';
import { imageItems, stageItems, type SourceSpan } from './sources';
import type { CompletionOptions } from './types';

export function flagNameItems(reference: InstructionReference, used: readonly Word[], current: Word, offset: number, builder: ItemBuilder, rank: number): CompletionItem[] {
  const given = new Set(used.map((word) => flagName(word.text)));
  const items: CompletionItem[] = [];
  reference.flags.forEach((flag, index) => {
    if (given.has(flag.name) && !flag.repeatable) return;
    const insert = flag.valueOptional && flag.value.kind === 'boolean' ? `--${flag.name}` : `--${flag.name}=`;
    items.push(
      builder.build({
        label: insert,
        kind: CompletionItemKind.Property,
        start: current.start,
        end: offset,
        filter: insert,
        detail: flagDetail(flag),
        documentation: { doc: 'flag', instruction: reference.name, name: flag.name },
        rank: rank + (flag.labs ? 5 : 0),
        order: index,
        retrigger: insert.endsWith('='),
      }),
    );
  });
  return items;
}

function flagDetail(flag: FlagReference): string {
  const parts = [flag.summary];
  if (flag.default?.value) parts.push(`default ${flag.default.value}`);
  if (flag.labs) parts.push('labs');
  return parts.join(' · ');
}

/** `--name=value` → `name`; `--name` → `name`. */
export function flagName(text: string): string {
  const equals = text.indexOf('=');
  return text.slice(2, equals < 0 ? undefined : equals);
}

export interface FlagValueInput {
  readonly document: DockerfileDocument;
  readonly instruction: Instruction;
  readonly reference: InstructionReference;
  readonly current: Word;
  readonly offset: number;
  readonly builder: ItemBuilder;
  readonly options: CompletionOptions;
}

export function flagValueItems(input: FlagValueInput): CompletionItem[] {
  const { reference, current, offset, builder } = input;
  const equals = current.text.indexOf('=');
  const name = current.text.slice(2, equals);
  const flag = reference.flags.find((entry) => entry.name === name);
  if (!flag) return [];
  let valueStart = current.start + equals + 1;
  let value = current.text.slice(equals + 1);
  if (value.startsWith('"') || value.startsWith("'")) {
    valueStart++;
    value = value.slice(1);
  }
  const span = { start: valueStart, end: offset };
  if (flag.value.kind === 'options' && flag.name === 'mount') return mountItems(input, value, valueStart);
  if (flag.value.kind === 'source') return sourceItems(input, span);
  if (flag.value.kind === 'checksum') {
    return [builder.build({ label: 'sha256:', kind: CompletionItemKind.Value, start: span.start, end: span.end, detail: 'SHA-256 of the downloaded file (for HTTP sources)', documentation: { doc: 'flag', instruction: reference.name, name: flag.name } })];
  }
  return valueItems(flag.value, flag.default?.value, span, builder, { doc: 'flag', instruction: reference.name, name: flag.name });
}

/** The documented values of a syntax, the default first and marked. */
function valueItems(syntax: ValueSyntax, defaultValue: string | undefined, span: SourceSpan, builder: ItemBuilder, documentation: DocKey): CompletionItem[] {
  return (syntax.values ?? []).map((choice, index) => {
    const isDefault = choice.value === defaultValue;
    const mode = syntax.kind === 'octal' || syntax.kind === 'permissions' ? describeOctalMode(choice.value) : undefined;
    return builder.build({
      label: choice.value,
      kind: choice.value.startsWith('$') ? CompletionItemKind.Variable : CompletionItemKind.Value,
      start: span.start,
      end: span.end,
      detail: `${isDefault ? '(default) ' : ''}${choice.description}`,
      description: isDefault ? 'default' : mode,
      documentation,
      rank: isDefault ? 0 : 1,
      order: index,
      preselect: isDefault,
    });
  });
}

/** `--from=`: earlier stages (never the current one), then images on the engine. */
function sourceItems(input: FlagValueInput, span: SourceSpan): CompletionItem[] {
  const { document, instruction, builder, options } = input;
  const current = stageOf(document.model, instruction);
  const before = current ? current.index : document.model.stages.length;
  return [...stageItems(document.model, before, span, builder, true), ...imageItems(options.images ?? [], span, builder, 20)];
}

/** Inside `--mount=…`: option keys of the mount's type (type first), then each key's values. */
function mountItems(input: FlagValueInput, value: string, valueStart: number): CompletionItem[] {
  const { builder, offset, instruction } = input;
  const fieldStart = value.lastIndexOf(',') + 1;
  const field = value.slice(fieldStart);
  const full = wholeFlagValue(instruction, valueStart) ?? value;
  const typeName = /(?:^|,)\s*type=([^,]*)/i.exec(full)?.[1]?.trim().toLowerCase() || 'bind';
  const type = mountType(typeName);
  const equals = field.indexOf('=');
  const start = valueStart + fieldStart;
  if (equals < 0) {
    if (!type) return [];
    const given = new Set(
      value
        .slice(0, fieldStart)
        .split(',')
        .map((entry) => mountOption(type.name, entry.split('=')[0].trim())?.name)
        .filter(Boolean),
    );
    return type.options
      .filter((option) => !given.has(option.name))
      .map((option, index) => {
        const bare = option.valueOptional;
        const label = bare ? option.name : `${option.name}=`;
        return builder.build({
          label,
          kind: CompletionItemKind.Property,
          start,
          end: offset,
          filter: option.name,
          detail: `${option.documentation}${option.default ? ` Default: ${option.default.value ?? option.default.description}.` : ''}`,
          documentation: option.name === 'type' ? { doc: 'mount-types' } : { doc: 'mount-option', type: type.name, name: option.name },
          rank: option.name === 'type' ? 0 : option.name === 'target' ? 1 : 2,
          order: index,
          retrigger: !bare,
        });
      });
  }
  const key = field.slice(0, equals).trim().toLowerCase();
  const span = { start: start + equals + 1, end: offset };
  if (key === 'type') {
    return MOUNT_TYPES.map((entry) =>
      builder.build({
        label: entry.name,
        kind: CompletionItemKind.EnumMember,
        start: span.start,
        end: span.end,
        detail: entry.summary,
        documentation: { doc: 'mount-type', name: entry.name },
        rank: MOUNT_TYPE_VALUE.values!.findIndex((choice) => choice.value === entry.name),
      }),
    );
  }
  if (!type) return [];
  const option = mountOption(type.name, key);
  if (!option) return [];
  if (option.name === 'from') return sourceItems(input, span);
  return valueItems(option.value, option.default?.value, span, builder, { doc: 'mount-option', type: type.name, name: option.name });
}

/** The whole `--mount` value the cursor is in, when the parser has it (the type may come after the cursor). */
function wholeFlagValue(instruction: Instruction, valueStart: number): string | undefined {
  const flag = instruction.flags.find((entry) => entry.value && entry.value.start <= valueStart && valueStart <= entry.value.end);
  return flag?.value?.value;
}
