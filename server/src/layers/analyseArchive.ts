// Entry points of layer analysis for a stream or a file on disk. The engine entry point (which
// streams `GET /images/{name}/get`) lives in ./engineSource.ts so that this file needs no engine.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { analyseArchiveImage } from './analysis/analyseImage';
import { scanImageArchive } from './archive/archiveScanner';
import { listArchiveImages, selectArchiveImage } from './archive/imageLayout';
import { ImageArchiveError } from './errors';
import type { ImageAnalysis } from './model';

export interface AnalysisProgress {
  readonly bytesRead: number;
  /** Expected bytes when known (file size, or the engine's image size as an estimate). */
  readonly totalBytes?: number;
}

export interface AnalyseOptions {
  /** What is being read, for messages: "the file app.tar", "image app:1 from the engine". */
  readonly label: string;
  /** Which image of a multi-image archive (tag or ID prefix); the first when omitted. */
  readonly image?: string;
  readonly signal?: AbortSignal;
  readonly totalBytes?: number;
  readonly onProgress?: (progress: AnalysisProgress) => void;
}

export interface ArchiveAnalysis {
  readonly analysis: ImageAnalysis;
  /** The other images the archive holds (by first tag or short ID), when there are several. */
  readonly otherImages: readonly string[];
  readonly bytesRead: number;
}

export async function analyseImageStream(source: Readable, options: AnalyseOptions): Promise<ArchiveAnalysis> {
  const totalBytes = options.totalBytes;
  const scan = await scanImageArchive(source, {
    label: options.label,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress
      ? { onProgress: (bytesRead: number) => options.onProgress?.({ bytesRead, ...(totalBytes ? { totalBytes } : {}) }) }
      : {}),
  });
  const images = listArchiveImages(scan, options.label);
  const image = selectArchiveImage(images, options.image, options.label);
  return {
    analysis: analyseArchiveImage(image),
    otherImages: images.filter((other) => other !== image).map((other) => other.repoTags[0] ?? other.id.slice(0, 19)),
    bytesRead: scan.bytesRead,
  };
}

export async function analyseArchiveFile(path: string, options: Omit<AnalyseOptions, 'label' | 'totalBytes'> & { label?: string }): Promise<ArchiveAnalysis> {
  const label = options.label ?? `the file ${path}`;
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ImageArchiveError(`${label} is not a file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof ImageArchiveError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ImageArchiveError(`${label} does not exist.`);
    if (code === 'EACCES') throw new ImageArchiveError(`${label} cannot be read: permission denied.`);
    throw error;
  }
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
  return analyseImageStream(stream, { ...options, label, totalBytes: size });
}
