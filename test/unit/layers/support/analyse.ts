// Runs the real analysis on an archive built in memory, as the CLI and the server do.
import { Readable } from 'node:stream';
import { analyseImageStream, type AnalyseOptions } from '../../../../server/src/layers/analyseArchive';
import type { ImageAnalysis } from '../../../../server/src/layers/model';
import { imageArchive, tarOf, type ArchiveOptions, type ImageSpec, type TarEntrySpec } from './tarWriter';

/** A stream that hands out `data` in pieces of `chunkBytes`, as a socket would. */
export function chunked(data: Buffer, chunkBytes = 64 * 1024): Readable {
  let offset = 0;
  return new Readable({
    read() {
      if (offset >= data.length) {
        this.push(null);
        return;
      }
      this.push(data.subarray(offset, offset + chunkBytes));
      offset += chunkBytes;
    },
  });
}

export async function analyseLayers(
  layers: readonly (readonly TarEntrySpec[])[],
  image: Partial<ImageSpec> = {},
  options: ArchiveOptions = {},
): Promise<ImageAnalysis> {
  const archive = imageArchive([{ ...image, layers: layers.map((entries) => tarOf(entries)) }], options);
  return (await analyseImageStream(chunked(archive, 4096), { label: 'the test archive' })).analysis;
}

export async function analyseBuffer(archive: Buffer, options: Partial<AnalyseOptions> = {}): Promise<ImageAnalysis> {
  return (await analyseImageStream(chunked(archive), { label: 'the test archive', ...options })).analysis;
}

/** "path:change:size" per change of a layer, sorted, for compact assertions. */
export function changesOf(analysis: ImageAnalysis, layer: number): string[] {
  return analysis.layers[layer].changes
    .map((change) => `${change.path}:${change.change}:${change.kind}:${change.sizeBytes}`)
    .sort();
}

export const bytes = (count: number, fill = 0x61): Buffer => Buffer.alloc(count, fill);
