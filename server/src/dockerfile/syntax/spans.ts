// Instructions, stages and other spans of a file lie in order and do not overlap, so the one
// holding an offset is found by bisection. One search for the lookups by position and by
// instruction (the cursor's instruction, a reference's stage, an instruction's index).

/** The index of the span holding `offset` (ends inclusive, so a cursor at the end counts). */
export function spanIndexAt(spans: ReadonlyArray<{ readonly start: number; readonly end: number }>, offset: number): number | undefined {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = spans[mid]!;
    if (offset < span.start) high = mid - 1;
    else if (offset > span.end) low = mid + 1;
    else return mid;
  }
  return undefined;
}
