// The human-readable report of the CLI: one row per layer, the totals, and where the waste is.
import { formatBytes, formatPercent } from '../byteSize';
import type { ImageAnalysis } from '../model';

export interface TextReportOptions {
  /** Number of wasted paths listed. */
  readonly topPaths: number;
  /** Terminal width for the instruction column; long instructions are cut. */
  readonly width: number;
}

export function textReport(analysis: ImageAnalysis, options: TextReportOptions): string {
  const lines: string[] = [];
  const name = analysis.repoTags[0] ?? '(untagged)';
  lines.push(`Image ${name}  ${analysis.imageId.slice(0, 19)}  (${analysis.layers.length} layer${analysis.layers.length === 1 ? '' : 's'}, ${analysis.layout})`);
  lines.push('');
  const header = ['#', 'Size', 'Wasted', 'Added', 'Changed', 'Deleted', 'Instruction'];
  const rows = analysis.layers.map((layer) => [
    String(layer.index),
    formatBytes(layer.sizeBytes),
    layer.wastedBytes > 0 ? formatBytes(layer.wastedBytes) : '-',
    String(layer.counts.added),
    String(layer.counts.modified),
    layer.counts.deleted > 0 ? `${layer.counts.deleted} (${formatBytes(layer.counts.deletedBytes)})` : '0',
    layer.command,
  ]);
  const widths = header.slice(0, -1).map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const used = widths.reduce((sum, width) => sum + width + 2, 0);
  const instructionWidth = Math.max(20, options.width - used);
  const render = (row: string[]): string =>
    row
      .map((cell, column) => {
        if (column === row.length - 1) return oneLine(cell, instructionWidth);
        return column === 0 || column >= 3 ? cell.padStart(widths[column]) : cell.padStart(widths[column]);
      })
      .join('  ');
  lines.push(render(header));
  for (const row of rows) lines.push(render(row));
  lines.push('');
  const wastedShare = analysis.sizeBytes > 0 ? analysis.wastedBytes / analysis.sizeBytes : 0;
  lines.push(`Total size         ${formatBytes(analysis.sizeBytes)}`);
  lines.push(`Wasted bytes       ${formatBytes(analysis.wastedBytes)} (${formatPercent(wastedShare)} of the image): written by a layer, then removed or replaced by a later one`);
  lines.push(`Efficiency (dive)  ${formatPercent(analysis.efficiency)}, inefficient bytes ${formatBytes(analysis.inefficientBytes)}`);
  if (analysis.wastedPaths.length > 0 && options.topPaths > 0) {
    lines.push('');
    lines.push(`Largest waste (${Math.min(options.topPaths, analysis.wastedPaths.length)} of ${analysis.wastedPaths.length} paths):`);
    const shown = analysis.wastedPaths.slice(0, options.topPaths);
    const sizeWidth = Math.max(...shown.map((wasted) => formatBytes(wasted.sizeBytes).length));
    for (const wasted of shown) {
      const how = wasted.how === 'deleted' ? 'deleted' : 'replaced';
      lines.push(
        `  ${formatBytes(wasted.sizeBytes).padStart(sizeWidth)}  /${wasted.path}  written by layer ${wasted.writtenBy}, ${how} by layer ${wasted.removedBy} (${oneLine(analysis.layers[wasted.removedBy].command, 50)})`,
      );
    }
  }
  for (const warning of analysis.warnings) lines.push(`warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}

function oneLine(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}
