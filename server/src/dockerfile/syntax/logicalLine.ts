// An instruction's logical line — its physical lines joined, continuations, comment lines and
// empty lines removed — together with the map back to source offsets. The map is a flat list
// of pairs [logicalStart, sourceStart, …]: each pair starts a run of characters copied verbatim.

/** Source offset of a logical offset. */
export function logicalToSource(map: readonly number[], logical: number): number {
  if (map.length === 2) return map[1] + logical - map[0];
  let low = 0;
  let high = (map.length >> 1) - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (map[mid * 2] <= logical) low = mid;
    else high = mid - 1;
  }
  return map[low * 2 + 1] + logical - map[low * 2];
}

/** Source offset just past the logical range [start, end): never the start of the next piece. */
export function logicalEndToSource(map: readonly number[], start: number, end: number): number {
  return end > start ? logicalToSource(map, end - 1) + 1 : logicalToSource(map, start);
}

/** Logical offset of a source offset; offsets in removed text map to the next kept character. */
export function sourceToLogical(map: readonly number[], source: number): number {
  const pairs = map.length >> 1;
  let low = 0;
  let high = pairs - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (map[mid * 2 + 1] <= source) low = mid;
    else high = mid - 1;
  }
  const logical = map[low * 2] + source - map[low * 2 + 1];
  // Past the end of this piece (in a continuation or a dropped line): snap to the next piece.
  if (low + 1 < pairs && logical > map[(low + 1) * 2]) return map[(low + 1) * 2];
  return Math.max(logical, map[low * 2]);
}

/** The map of the logical text that starts at `from` in the line `map` describes. */
export function shiftLogicalMap(map: readonly number[], from: number): number[] {
  const shifted: number[] = [];
  for (let i = 0; i < map.length; i += 2) {
    const pieceStart = map[i];
    const nextStart = i + 2 < map.length ? map[i + 2] : Infinity;
    if (nextStart <= from) continue;
    if (shifted.length === 0 && pieceStart < from) {
      shifted.push(0, map[i + 1] + from - pieceStart);
    } else {
      shifted.push(pieceStart - from, map[i + 1]);
    }
  }
  if (shifted.length === 0) shifted.push(0, logicalToSource(map, from));
  return shifted;
}
