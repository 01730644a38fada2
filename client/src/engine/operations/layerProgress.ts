// Push and pull both stream one progress message per layer and step; users want one figure:
// "3/5 layers · 12 MB of 40 MB". This tallies the layers of either stream. A pull has two
// phases per layer (download, then extract, each reporting bytes of the same total), so a layer
// counts half done once downloaded; a push has one.

/** What the stream's status texts mean, per operation. */
export interface LayerPhases {
  /** The layer is finished (pushed, already there, pulled). */
  readonly done: RegExp;
  /** Bytes travelling: progressDetail counts them. */
  readonly transfer: RegExp;
  /** Transfer finished, a second phase may follow (pull: "Download complete"). */
  readonly transferred?: RegExp;
  /** The second phase, with its own progressDetail over the same total (pull: "Extracting"). */
  readonly unpack?: RegExp;
}

export const PUSH_PHASES: LayerPhases = { done: /^(Pushed|Layer already exists|Mounted from)/, transfer: /^Pushing/ };
export const PULL_PHASES: LayerPhases = {
  done: /^(Pull complete|Already exists)/,
  transfer: /^Downloading/,
  transferred: /^(Verifying Checksum|Download complete)/,
  unpack: /^Extracting/,
};

export interface LayerTotals {
  readonly layers: number;
  readonly layersDone: number;
  /** Bytes transferred so far (pushed or downloaded). */
  readonly bytes: number;
  /** Sum of the sizes the engine announced so far (grows as layers start). */
  readonly bytesTotal: number;
  /** 0..1: by bytes when sizes are known, else by finished layers. */
  readonly fraction: number;
}

interface LayerState {
  transferred: number;
  unpacked: number;
  total: number;
  done: boolean;
  moved: boolean;
}

const LAYER_ID = /^[0-9a-f]{12,64}$/;

export class LayerTally {
  private readonly layers = new Map<string, LayerState>();

  constructor(private readonly phases: LayerPhases) {}

  /** Records a message; false when it is not about a layer (its id is not a layer digest). */
  record(id: string | undefined, status: string, detail: { readonly current?: number; readonly total?: number } | undefined): boolean {
    if (!id || !LAYER_ID.test(id)) return false;
    let layer = this.layers.get(id);
    if (!layer) {
      layer = { transferred: 0, unpacked: 0, total: 0, done: false, moved: false };
      this.layers.set(id, layer);
    }
    if (detail?.total) layer.total = detail.total;
    const { phases } = this;
    if (phases.done.test(status)) layer.done = true;
    else if (phases.unpack?.test(status)) {
      layer.moved = true;
      if (detail?.current !== undefined) layer.unpacked = detail.current;
    } else if (phases.transferred?.test(status)) layer.moved = true;
    else if (phases.transfer.test(status) && detail?.current !== undefined) layer.transferred = detail.current;
    return true;
  }

  /** Marks every layer finished (the stream ended without an error). */
  finish(): void {
    for (const layer of this.layers.values()) layer.done = true;
  }

  totals(): LayerTotals {
    const twoPhases = this.phases.unpack !== undefined;
    let bytes = 0;
    let bytesTotal = 0;
    let weighted = 0;
    let done = 0;
    for (const layer of this.layers.values()) {
      bytesTotal += layer.total;
      const transferred = layer.done || layer.moved ? layer.total : Math.min(layer.transferred, layer.total);
      bytes += transferred;
      if (layer.done) done++;
      if (layer.total === 0) continue;
      const share = layer.done ? 1 : twoPhases ? (transferred + Math.min(layer.unpacked, layer.total)) / (2 * layer.total) : transferred / layer.total;
      weighted += share * layer.total;
    }
    const count = this.layers.size;
    const fraction = count === 0 ? 0 : bytesTotal > 0 ? weighted / bytesTotal : done / count;
    return { layers: count, layersDone: done, bytes, bytesTotal, fraction: Math.min(1, fraction) };
  }
}
