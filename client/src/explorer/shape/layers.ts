// An image's layers: its history entries in build order (base first), each with the
// instruction that made it, its size and age; metadata-only entries are marked empty (dimmed).
import type { HistoryEntry } from '../../engine';
import { code, formatAge, formatBytes, formatDate, shortId, truncate } from './format';
import type { LayerNode, LayerSource } from './nodes';

const MAX_LABEL_CHARS = 120;

/**
 * The Dockerfile-style instruction behind a history entry's `CreatedBy`:
 *   classic builder  `/bin/sh -c #(nop)  CMD ["sh"]`   → `CMD ["sh"]`
 *                    `/bin/sh -c apk add curl`          → `RUN apk add curl`
 *                    `|2 A=1 B=2 /bin/sh -c make`       → `RUN make`   (build args recorded first)
 *   BuildKit         `RUN /bin/sh -c make # buildkit`   → `RUN make`
 *                    `COPY . /app # buildkit`           → `COPY . /app`
 *   import / commit  empty or the container's command   → the comment or the command
 */
export function instructionOf(entry: Pick<HistoryEntry, 'createdBy' | 'comment'>): string {
  let text = entry.createdBy.trim();
  if (!text) return entry.comment.trim() || '(no instruction recorded)';
  text = text.replace(/\s+# buildkit$/, '');
  const nop = /^(?:\/bin\/sh|sh|cmd \/S \/C)\s+-c\s+#\(nop\)\s*(.*)$/s.exec(text);
  if (nop) return nop[1]!.trim().replace(/\s+/g, ' ');
  // Build args of a classic RUN: `|N K=V … /bin/sh -c …`.
  text = text.replace(/^\|\d+(?:\s+\S+=\S*)*\s+(?=\/bin\/sh|sh\s|cmd\s)/, '');
  const shell = /^(?:\/bin\/sh|sh|\/bin\/bash|bash|cmd \/S \/C)\s+-c\s+(.*)$/s.exec(text);
  if (shell) return `RUN ${shell[1]!.trim()}`;
  const buildkitRun = /^RUN\s+(?:\|\d+(?:\s+\S+=\S*)*\s+)?(?:\/bin\/sh|sh|\/bin\/bash|bash)\s+-c\s+(.*)$/s.exec(text);
  if (buildkitRun) return `RUN ${buildkitRun[1]!.trim()}`;
  return text;
}

/** Entries that change no file: size 0 (ENV, CMD, LABEL, … and RUNs that wrote nothing). */
export function isEmptyLayer(entry: HistoryEntry): boolean {
  return entry.sizeBytes === 0;
}

export function shapeLayers(history: readonly HistoryEntry[], imageId: string, imageRef: string, nowSeconds: number): LayerNode[] {
  const ordered = [...history].reverse();
  return ordered.map((entry, index) => {
    const instruction = instructionOf(entry);
    const empty = isEmptyLayer(entry);
    const keyword = /^[A-Z]+/.exec(instruction)?.[0];
    const facts = [
      `Size: ${formatBytes(entry.sizeBytes)}`,
      `Created: ${formatDate(entry.created)} (${formatAge(entry.created, nowSeconds)})`,
      ...(entry.id ? [`Image: ${code(shortId(entry.id))}`] : []),
      ...(entry.tags.length > 0 ? [`Tags: ${entry.tags.map(code).join(', ')}`] : []),
      ...(entry.comment ? [`Comment: ${entry.comment}`] : []),
    ];
    const tooltip = [
      `**Layer ${index + 1} of ${ordered.length}**${empty ? ' — metadata only, no files changed' : ''}`,
      ['```dockerfile', instruction, '```'].join('\n'),
      facts.join('  \n'),
    ].join('\n\n');
    return {
      kind: 'layer',
      id: `layer:${imageId}:${index}`,
      label: truncate(instruction.replace(/\s+/g, ' '), MAX_LABEL_CHARS),
      description: empty ? `${formatAge(entry.created, nowSeconds)} · empty` : `${formatBytes(entry.sizeBytes)} · ${formatAge(entry.created, nowSeconds)}`,
      tooltip,
      contextValue: empty ? 'layer.empty' : 'layer',
      icon: { id: empty ? 'circle-small' : keyword === 'COPY' || keyword === 'ADD' ? 'files' : 'layers' },
      // Layers with files can be opened by contributed children (the per-layer file tree).
      collapsible: 'none',
      dimmed: empty,
      imageId,
      imageRef,
      index,
      entry,
      instruction,
      empty,
    } satisfies LayerNode;
  });
}

/** The layer, linked to the Dockerfile instruction that made it (the tooltip says which line). */
export function withSource(layer: LayerNode, source: LayerSource): LayerNode {
  const lines = source.endLine > source.startLine ? `lines ${source.startLine + 1}–${source.endLine + 1}` : `line ${source.startLine + 1}`;
  const how = { build: 'built here by Layerwise', label: 'its io.layerwise.dockerfile label', history: 'its history matches the file' }[source.how];
  const note = `Made by ${code(source.keyword)} on ${lines} of ${code(source.path)} (${how}); click to open it.${source.changed ? ' The line has changed since the image was built.' : ''}`;
  const tooltip = typeof layer.tooltip === 'string' ? `${layer.tooltip}\n\n${note}` : note;
  return { ...layer, source, tooltip };
}
