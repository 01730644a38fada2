// Where files and bases come from: earlier stages (by name, or by index when unnamed), images
// on the user's engine (`repository:tag`, newest first), and `scratch`. Used after FROM, for
// `COPY --from=` and for `RUN --mount=…,from=`.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { DockerfileModel } from '..';
import { CompletionItemKind, formatBytes, formatDate, type ItemBuilder } from './items';
import type { KnownImage } from './types';

export interface SourceSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * Stages defined before `beforeStage`; never the current stage. (FROM names only earlier stages;
 * `--from` finds a later one too, but one that depends on this stage would make a cycle.)
 */
export function stageItems(model: DockerfileModel, beforeStage: number, span: SourceSpan, builder: ItemBuilder, withIndexes: boolean): CompletionItem[] {
  const items: CompletionItem[] = [];
  // A name given twice (an error BuildKit reports) means the first stage with it: one item.
  const named = new Set<string>();
  for (const stage of model.stages) {
    if (stage.index >= beforeStage) break;
    if (stage.name !== undefined && named.has(stage.name)) continue;
    if (stage.name !== undefined) named.add(stage.name);
    const base = stage.baseToken?.text ?? '';
    const detail = `Stage ${stage.index}: FROM ${base}${stage.name ? ` AS ${stage.nameToken?.text ?? stage.name}` : ''}`;
    const documentation = `**Stage ${stage.index}**${stage.name ? ` \`${stage.name}\`` : ''}\n\n\`\`\`dockerfile\n${model.ast.text.slice(stage.from.start, stage.from.end).split(/\r?\n/)[0]}\n\`\`\`\n\n${stage.instructions.length - 1} instruction${stage.instructions.length === 2 ? '' : 's'} after FROM.`;
    if (stage.name) {
      items.push(builder.build({ label: stage.name, kind: CompletionItemKind.Reference, start: span.start, end: span.end, detail, documentation, rank: 0 }));
    } else if (withIndexes) {
      items.push(builder.build({ label: String(stage.index), kind: CompletionItemKind.Reference, start: span.start, end: span.end, detail: `${detail} (unnamed: add AS <name> to refer to it by name)`, documentation, rank: 1 }));
    }
  }
  return items;
}

/** Images on the engine, one item per `repository:tag`, newest first. */
export function imageItems(images: readonly KnownImage[], span: SourceSpan, builder: ItemBuilder, rank: number): CompletionItem[] {
  const seen = new Set<string>();
  const sorted = [...images].sort((a, b) => b.created - a.created);
  const items: CompletionItem[] = [];
  for (const image of sorted) {
    for (const reference of image.repoTags) {
      if (seen.has(reference)) continue;
      seen.add(reference);
      items.push(
        builder.build({
          label: reference,
          kind: CompletionItemKind.Module,
          start: span.start,
          end: span.end,
          detail: `Local image · ${formatBytes(image.sizeBytes)} · created ${formatDate(image.created)}`,
          description: 'local',
          documentation: imageMarkdown(reference, image),
          rank,
          order: items.length,
        }),
      );
    }
  }
  return items;
}

export function imageMarkdown(reference: string, image: KnownImage): string {
  const rows = [
    `**${reference}** (on your engine)`,
    `- Size: ${formatBytes(image.sizeBytes)}`,
    `- Created: ${new Date(image.created * 1000).toISOString().replace('T', ' ').slice(0, 16)} UTC`,
    `- ID: \`${image.id.replace(/^sha256:/, '').slice(0, 12)}\``,
  ];
  if (image.repoDigests.length) rows.push(`- Digest: \`${image.repoDigests[0].split('@')[1] ?? image.repoDigests[0]}\``);
  return rows.join('\n');
}

export function scratchItem(span: SourceSpan, builder: ItemBuilder): CompletionItem {
  return builder.build({
    label: 'scratch',
    kind: CompletionItemKind.Keyword,
    start: span.start,
    end: span.end,
    detail: 'An empty base: nothing but what you add',
    documentation: '`scratch` is the empty image: the stage starts with no files at all. Used for static binaries and to assemble minimal images.',
    rank: 5,
  });
}
