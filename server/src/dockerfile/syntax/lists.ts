// Arrays that end up in a tree are made by this function, not by array literals. V8 tracks where
// array and object literals allocate and may move a site whose arrays outlive a young-generation
// collection to the old generation; for trees built and dropped one after the other that misfires
// (see semantic/values.ts). A rest parameter's array is not tracked that way.

/** A new array of `items`. */
export function listOf<T>(...items: T[]): T[] {
  return items;
}
