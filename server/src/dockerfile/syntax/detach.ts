// Strings kept across versions of a document must not keep the versions alive: V8 keeps the
// whole document text in memory for any slice of it (and for a concatenation holding one), and
// parsed scripts, lint findings and memos outlive the version they were made from.

/** A copy of `text` that shares no storage with the string it came from. */
export function detach(text: string): string {
  // Shorter strings are never slices or concatenations in V8: they are copies already. Slicing a
  // concatenation makes V8 copy it into one new string first, and the slice points into that.
  return text.length < 13 ? text : (' ' + text).slice(1);
}
