// Where a string next occurs in a text that is read from start to end, as a parse reads a
// document's instructions. Each question "does it occur in [from, to)?" is answered from the
// last occurrence found while `from` has not passed it, so the text is searched once in all, by
// the engine's native search, instead of once per instruction by a character loop.

/** Where `needle` next occurs in `text`, for questions whose ranges move forward. */
export class ForwardSearch {
  /** The first occurrence at or after `searchedFrom`; -1 for none. */
  private at = -1;
  private searchedFrom = -1;

  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  /** Whether `needle` lies wholly within `text[from, to)`. */
  within(from: number, to: number): boolean {
    // A range before the last search (a reader that went back) is searched again: still right,
    // only slower; the parse never goes back.
    if (from < this.searchedFrom || this.searchedFrom < 0 || (this.at >= 0 && this.at < from)) {
      this.at = this.text.indexOf(this.needle, from);
      this.searchedFrom = from;
    }
    return this.at >= 0 && this.at + this.needle.length <= to;
  }
}
