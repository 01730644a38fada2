// A layer analysis as a Markdown report (opened as an untitled document): the per-layer table,
// the totals with their definitions, and where the waste is.
import { formatBytes, formatPercent } from '../../../server/src/layers/byteSize';
import type { LayersSummary } from '../../../server/src/protocol';

const reportedPaths = 50;

export function markdownReport(summary: LayersSummary): string {
  const name = summary.repoTags[0] ?? summary.imageId.slice(0, 19);
  const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
  const lines = [
    `# Layers of \`${name}\``,
    '',
    `Image \`${summary.imageId}\` · ${summary.layers.length} layers · ${formatBytes(summary.sizeBytes)}`,
    '',
    `- **Wasted: ${formatBytes(summary.wastedBytes)}** (${formatPercent(summary.sizeBytes ? summary.wastedBytes / summary.sizeBytes : 0)} of the image): bytes a layer wrote that a later layer removed or replaced. The image still carries them; no container sees them.`,
    `- Efficiency (dive's score): ${formatPercent(summary.efficiency)}; inefficient bytes (every copy of a path found in several layers): ${formatBytes(summary.inefficientBytes)}.`,
    '',
    '| # | Size | Wasted | Removes | Added | Changed | Deleted | Instruction |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...summary.layers.map(
      (layer) =>
        `| ${layer.index} | ${formatBytes(layer.sizeBytes)} | ${layer.wastedBytes ? formatBytes(layer.wastedBytes) : ''} | ${layer.hiddenBytes ? formatBytes(layer.hiddenBytes) : ''} | ${layer.counts.added} | ${layer.counts.modified} | ${layer.counts.deleted} | \`${cell(layer.command)}\` |`,
    ),
  ];
  if (summary.wastedPaths.length > 0) {
    lines.push('', `## Largest waste (${Math.min(reportedPaths, summary.wastedPathCount)} of ${summary.wastedPathCount} paths)`, '', '| Size | Path | Written by | Removed by |', '| ---: | --- | --- | --- |');
    for (const wasted of summary.wastedPaths.slice(0, reportedPaths)) {
      lines.push(
        `| ${formatBytes(wasted.sizeBytes)} | \`/${cell(wasted.path)}\` | ${wasted.writtenBy}: \`${cell(summary.layers[wasted.writtenBy]?.command ?? '')}\` | ${wasted.removedBy}: \`${cell(summary.layers[wasted.removedBy]?.command ?? '')}\` (${wasted.how}) |`,
      );
    }
  }
  for (const warning of summary.warnings) lines.push('', `> ${warning}`);
  return `${lines.join('\n')}\n`;
}
