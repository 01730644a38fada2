// A list of 32-bit integers that grows in place. Its storage is a typed array, kept outside the
// heap the young-generation collector copies; a JavaScript array that is pushed to reallocates
// its storage as it grows and leaves each smaller copy behind as garbage (the parser's per-
// instruction offsets of a 10,000-line file left 0.3 MB that way on every parse).
export class Int32List {
  private items: Int32Array;
  length = 0;

  /** `capacity`: the expected length (it grows past it when needed). */
  constructor(capacity: number) {
    this.items = new Int32Array(Math.max(16, capacity));
  }

  get(index: number): number {
    return this.items[index];
  }

  push(value: number): void {
    if (this.length === this.items.length) this.grow(this.length + 1);
    this.items[this.length++] = value;
  }

  pushAll(values: Int32Array): void {
    if (this.length + values.length > this.items.length) this.grow(this.length + values.length);
    this.items.set(values, this.length);
    this.length += values.length;
  }

  /** The values, in an array of their own exact size. */
  toArray(): Int32Array {
    return this.items.slice(0, this.length);
  }

  private grow(needed: number): void {
    const grown = new Int32Array(Math.max(needed, this.items.length * 2));
    grown.set(this.items.subarray(0, this.length));
    this.items = grown;
  }
}
