// Completions for an instruction's arguments after its flags: the base of FROM (stages,
// scratch, local images) and its AS; HEALTHCHECK's CMD/NONE; STOPSIGNAL's signals; EXPOSE's
// protocols; ARG names worth declaring; SHELL's usual shells.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { DockerfileDocument, Instruction } from '..';
import { PREDEFINED_ARGS, SIGNALS, type InstructionReference } from '../reference';
import type { Word } from './context';
import { CompletionItemKind, type ItemBuilder } from './items';
import { stageOf } from './scope';
import { imageItems, scratchItem, stageItems } from './sources';
import type { CompletionOptions } from './types';

export interface PositionalInput {
  readonly document: DockerfileDocument;
  readonly instruction: Instruction;
  readonly reference: InstructionReference;
  /** Index of the argument being typed, flags not counted. */
  readonly position: number;
  readonly flags: readonly Word[];
  readonly current: Word;
  readonly offset: number;
  readonly builder: ItemBuilder;
  readonly options: CompletionOptions;
}

const SHELLS: readonly { value: string; description: string }[] = [
  { value: '["/bin/bash", "-o", "pipefail", "-c"]', description: 'bash; a failing command in a pipe fails the RUN' },
  { value: '["/bin/sh", "-c"]', description: 'The Linux default' },
  { value: '["/bin/ash", "-eo", "pipefail", "-c"]', description: 'Alpine ash with pipefail' },
  { value: '["pwsh", "-Command"]', description: 'PowerShell' },
  { value: '["cmd", "/S", "/C"]', description: 'The Windows default' },
];

export function positionalItems(input: PositionalInput): CompletionItem[] {
  const { document, instruction, reference, position, current, offset, builder, options } = input;
  const span = { start: current.start, end: offset };
  const documentation = { doc: 'instruction', name: reference.name } as const;
  switch (reference.name) {
    case 'FROM': {
      if (position === 0) {
        if (current.text.includes('@')) return [];
        const stage = stageOf(document.model, instruction);
        const before = stage && stage.from === instruction ? stage.index : document.model.stages.length;
        return [...stageItems(document.model, before, span, builder, false), scratchItem(span, builder), ...imageItems(options.images ?? [], span, builder, 10)];
      }
      if (position === 1) {
        const keyword = instruction.keyword.text === instruction.keyword.text.toLowerCase() ? 'as' : 'AS';
        return [builder.build({ label: keyword, kind: CompletionItemKind.Keyword, start: span.start, end: span.end, insert: `${keyword} `, detail: 'Name this stage', documentation })];
      }
      return [];
    }
    case 'HEALTHCHECK': {
      if (position !== 0) return [];
      const items = [
        builder.build({ label: 'CMD', kind: CompletionItemKind.Keyword, start: span.start, end: span.end, insert: 'CMD ', detail: 'The probe command (exit 0 = healthy)', documentation, rank: 0 }),
      ];
      if (input.flags.length === 0) {
        items.push(builder.build({ label: 'NONE', kind: CompletionItemKind.Keyword, start: span.start, end: span.end, detail: 'Disable the health check of the base image', documentation, rank: 1 }));
      }
      return items;
    }
    case 'STOPSIGNAL':
      if (position !== 0) return [];
      return SIGNALS.map((signal, index) =>
        builder.build({
          label: signal.name,
          kind: CompletionItemKind.Constant,
          start: span.start,
          end: span.end,
          detail: `${signal.number} · ${signal.description}`,
          description: index === 0 ? 'default' : undefined,
          documentation,
          rank: index === 0 ? 0 : 1,
          order: index,
        }),
      );
    case 'EXPOSE': {
      const match = /^(\d+(?:-\d+)?)(\/[a-zA-Z]*)?$/.exec(current.text);
      if (!match) return [];
      return [
        ['tcp', 'TCP (the default when no protocol is given)'],
        ['udp', 'UDP (DNS, QUIC, game servers …)'],
      ].map(([protocol, detail], index) =>
        builder.build({ label: `${match[1]}/${protocol}`, kind: CompletionItemKind.Value, start: span.start, end: span.end, detail, documentation, rank: index }),
      );
    }
    case 'ARG':
      return current.text.includes('=') ? [] : argNameItems(input);
    case 'SHELL':
      if (position !== 0 || !(current.text === '' || current.text.startsWith('['))) return [];
      return SHELLS.map((shell, index) => builder.build({ label: shell.value, kind: CompletionItemKind.Value, start: span.start, end: span.end, detail: shell.description, documentation, rank: index }));
    default:
      return [];
  }
}

/** Names worth declaring with ARG: global ARGs not yet redeclared in this stage, then the predefined ones. */
function argNameItems(input: PositionalInput): CompletionItem[] {
  const { document, instruction, current, offset, builder } = input;
  const model = document.model;
  const stage = stageOf(model, instruction);
  const declared = new Set(model.variables.filter((definition) => definition.kind === 'arg' && definition.stageIndex === stage?.index && definition.instruction && definition.instruction.start < instruction.start).map((definition) => definition.name));
  const items: CompletionItem[] = [];
  const span = { start: current.start, end: offset };
  if (stage) {
    const seen = new Set<string>();
    for (const global of model.globalVariables) {
      if (global.kind !== 'arg' || declared.has(global.name) || seen.has(global.name)) continue;
      seen.add(global.name);
      items.push(
        builder.build({
          label: global.name,
          kind: CompletionItemKind.Constant,
          start: span.start,
          end: span.end,
          detail: 'Global ARG: redeclare it to use its value in this stage',
          description: 'global ARG',
          documentation: `A stage sees a global ARG (declared before the first FROM) only after \`ARG ${global.name}\`.`,
          rank: 0,
        }),
      );
    }
  }
  for (const predefined of PREDEFINED_ARGS) {
    if (declared.has(predefined.name) || (predefined.group === 'proxy' && stage)) continue;
    if (!stage && predefined.group === 'platform') continue;
    items.push(
      builder.build({
        label: predefined.name,
        kind: CompletionItemKind.Constant,
        start: span.start,
        end: span.end,
        detail: predefined.description,
        description: predefined.group === 'platform' ? 'platform ARG' : predefined.group === 'proxy' ? 'proxy ARG' : 'BuildKit ARG',
        documentation: `${predefined.description}\n\n[Dockerfile reference](${predefined.url})`,
        rank: predefined.group === 'platform' ? 1 : 2,
      }),
    );
  }
  return items;
}
