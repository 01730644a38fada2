// Instruction keywords at the start of an instruction: only ARG and FROM (and the parser
// directives, in their slot) before the first FROM; the trigger set after ONBUILD; every
// instruction otherwise, most used first, in the casing the file already uses, each with its
// forms as snippets (exec form, named stage, here-document …).
import type { DockerfileDocument, Instruction } from '..';
import { DIRECTIVES, INSTRUCTIONS, ONBUILD_TRIGGERS, instructionReference, type InstructionReference } from '../reference';
import type { CompletionContext } from './context';
import { CompletionItemKind, type ItemBuilder } from './items';
import type { CompletionItem } from 'vscode-languageserver-types';

type KeywordContext = Extract<CompletionContext, { kind: 'keyword' }>;

/** Counted over 359 real Dockerfiles: the order a user most likely wants them in. */
const USAGE_ORDER = ['RUN', 'ENV', 'COPY', 'FROM', 'ARG', 'WORKDIR', 'CMD', 'ENTRYPOINT', 'USER', 'EXPOSE', 'VOLUME', 'ADD', 'LABEL', 'HEALTHCHECK', 'SHELL', 'STOPSIGNAL', 'ONBUILD', 'MAINTAINER'];

/** Instructions after which completion has more to offer right away (flags, images, signals, triggers). */
const RETRIGGER = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK', 'STOPSIGNAL', 'ONBUILD', 'ARG']);

export function keywordItems(context: KeywordContext, document: DockerfileDocument, builder: ItemBuilder): CompletionItem[] {
  const lower = prefersLowercase(document, context.instruction);
  let entries: readonly InstructionReference[];
  if (context.onbuild) entries = ONBUILD_TRIGGERS;
  else if (context.beforeFirstFrom) entries = [instructionReference('FROM')!, instructionReference('ARG')!];
  else entries = INSTRUCTIONS;

  // Rewriting the keyword of an instruction that already has arguments: the keyword alone.
  const followed = context.instruction !== undefined && /[ \t]/.test(document.ast.text[context.end] ?? '');
  const items: CompletionItem[] = [];
  for (const entry of entries) {
    const rank = context.beforeFirstFrom && !context.onbuild ? (entry.name === 'FROM' ? 0 : 1) : USAGE_ORDER.indexOf(entry.name);
    const keyword = lower ? entry.name.toLowerCase() : entry.name;
    const documentation = { doc: 'instruction', name: entry.name } as const;
    items.push(
      builder.build({
        label: keyword,
        kind: CompletionItemKind.Keyword,
        start: context.start,
        end: context.end,
        insert: followed ? keyword : `${keyword} `,
        detail: entry.summary,
        documentation,
        rank,
        retrigger: !followed && RETRIGGER.has(entry.name),
        deprecated: entry.deprecated !== undefined,
      }),
    );
    if (!builder.supportsSnippets || followed) continue;
    for (const form of entry.forms) {
      if (!form.snippet) continue;
      const shown = form.syntax.split('\n')[0].slice(entry.name.length + 1).replace('[OPTIONS] ', '');
      items.push(
        builder.build({
          label: `${keyword} ${shown}`,
          kind: CompletionItemKind.Snippet,
          start: context.start,
          end: context.end,
          snippet: `${keyword} ${form.snippet}`,
          filter: keyword,
          detail: `${entry.name} — ${form.description}`,
          documentation,
          rank: 30 + rank,
          deprecated: entry.deprecated !== undefined,
        }),
      );
    }
  }

  if (context.directiveSlot && !context.onbuild && context.instruction === undefined) {
    const used = new Set(document.ast.directives.map((directive) => directive.name));
    for (const directive of DIRECTIVES) {
      if (used.has(directive.name)) continue;
      items.push(
        builder.build({
          label: directive.example,
          kind: CompletionItemKind.Snippet,
          start: context.start,
          end: context.end,
          insert: directive.example,
          snippet: directive.name === 'syntax' ? '# syntax=${1:docker/dockerfile:1}' : directive.name === 'escape' ? '# escape=${1|`,\\\\|}' : '# check=${1:skip=${2:JSONArgsRecommended}}',
          filter: `# ${directive.name}`,
          detail: `Parser directive — ${directive.summary}`,
          documentation: { doc: 'directive', name: directive.name },
          rank: 90,
        }),
      );
    }
  }
  return items;
}

/** BuildKit's ConsistentInstructionCasing: follow the casing most instructions of the file use. */
function prefersLowercase(document: DockerfileDocument, current: Instruction | undefined): boolean {
  let lower = 0;
  let upper = 0;
  const instructions = document.ast.instructions;
  const limit = Math.min(instructions.length, 500);
  for (let i = 0; i < limit; i++) {
    const instruction = instructions[i];
    if (instruction === current || !instruction.known) continue;
    const text = instruction.keyword.text;
    if (text === text.toLowerCase()) lower++;
    else if (text === text.toUpperCase()) upper++;
  }
  return lower > upper;
}
