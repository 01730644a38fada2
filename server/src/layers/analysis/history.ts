// The image config's history, one step per Dockerfile instruction (or commit, or import), and
// which steps made the filesystem layers. As dive and docker do, non-empty steps are matched to
// layers in order; `empty_layer` steps (ENV, CMD, …) made none.
import type { ImageHistoryEntry } from '../archive/imageLayout';
import type { HistoryStep } from '../model';

export interface MappedHistory {
  readonly steps: HistoryStep[];
  /** For each layer, the index of its step, or undefined when the history is short. */
  readonly stepOfLayer: (number | undefined)[];
  readonly warning?: string;
}

export function mapHistory(entries: readonly ImageHistoryEntry[] | undefined, layerCount: number): MappedHistory {
  const steps: HistoryStep[] = [];
  const stepOfLayer: (number | undefined)[] = new Array<number | undefined>(layerCount).fill(undefined);
  let nextLayer = 0;
  for (const entry of entries ?? []) {
    const emptyLayer = entry.empty_layer === true;
    const createdBy = entry.created_by ?? '';
    const layerIndex = !emptyLayer && nextLayer < layerCount ? nextLayer++ : undefined;
    if (layerIndex !== undefined) stepOfLayer[layerIndex] = steps.length;
    steps.push({
      command: cleanCommand(createdBy, entry.comment),
      createdBy,
      ...(entry.created ? { created: entry.created } : {}),
      ...(entry.comment ? { comment: entry.comment } : {}),
      emptyLayer,
      ...(layerIndex !== undefined ? { layerIndex } : {}),
    });
  }
  const warning =
    nextLayer < layerCount
      ? `The image history describes ${nextLayer} of its ${layerCount} layers; the others are shown without an instruction.`
      : undefined;
  return { steps, stepOfLayer, ...(warning ? { warning } : {}) };
}

const shellPrefix = '/bin/sh -c ';

/**
 * Turns what builders record into the instruction a user wrote:
 *   "/bin/sh -c #(nop)  ENV A=b"            → "ENV A=b"         (classic builder)
 *   "/bin/sh -c apk add x"                  → "RUN apk add x"
 *   "|1 V=2 /bin/sh -c make"                → "RUN make"        (classic builder with build args)
 *   "RUN /bin/sh -c dd if=… # buildkit"     → "RUN dd if=…"     (BuildKit)
 *   "RUN |1 V=2 /bin/sh -c make # buildkit" → "RUN make"
 */
export function cleanCommand(createdBy: string, comment?: string): string {
  let text = createdBy.trim();
  if (text === '') return comment ? `(${comment})` : '(no instruction recorded)';
  if (text.endsWith('# buildkit')) text = text.slice(0, -'# buildkit'.length).trimEnd();
  const nop = /^\/bin\/sh -c #\(nop\)\s*/.exec(text);
  if (nop) return text.slice(nop[0].length).trim();
  const isRun = text.startsWith('RUN ');
  const body = isRun ? text.slice(4) : text;
  const shell = body.indexOf(shellPrefix);
  if (shell === 0 || (shell > 0 && /^\|\d+ /.test(body))) return `RUN ${body.slice(shell + shellPrefix.length).trim()}`;
  return isRun ? `RUN ${body.replace(/^\|\d+ (?:\S+=\S*\s+)*/, '')}` : text;
}
