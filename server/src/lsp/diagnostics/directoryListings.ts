// The names in a directory, read once per directory: whether a Dockerfile has a .dockerignore
// beside it is answered from memory for every other file of that directory. Cleared with the
// lint configuration when a watched file changes.
import { readdir } from 'node:fs/promises';

export class DirectoryListings {
  private readonly listings = new Map<string, Promise<ReadonlySet<string> | undefined>>();

  /** Whether `directory` holds `name`; undefined when the directory cannot be listed. */
  async has(directory: string, name: string): Promise<boolean | undefined> {
    let listing = this.listings.get(directory);
    if (!listing) {
      listing = readdir(directory).then(
        (names) => new Set(names),
        () => undefined,
      );
      this.listings.set(directory, listing);
    }
    const names = await listing;
    return names ? names.has(name) : undefined;
  }

  clear(): void {
    this.listings.clear();
  }
}
