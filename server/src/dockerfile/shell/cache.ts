// Parsed scripts by text. After an edit only the RUN instructions whose text changed are parsed
// again: a 10,000-line Dockerfile re-lints in milliseconds although parsing all of its RUN
// bodies takes about a second. Owned by whoever lints (the server, the CLI), never global.
import { detach } from '../syntax/detach';
import { parseShell } from './parseShell';
import type { ShellScript } from './types';

export class ShellCache {
  private entries = new Map<string, ShellScript>();
  private previous = new Map<string, ShellScript>();

  /** `maxEntries`: scripts kept before the least recently used half is dropped. */
  constructor(private readonly maxEntries = 20_000) {}

  parse(text: string): ShellScript {
    let script = this.entries.get(text);
    if (script) return script;
    script = this.previous.get(text);
    // A RUN's script text is a slice of its version of the Dockerfile: cached, it is copied so
    // that it does not keep that version's whole text in memory.
    if (!script) script = parseShell(detach(text));
    // Two generations: a full generation moves to `previous`, whose entries survive if used again.
    if (this.entries.size >= this.maxEntries / 2) {
      this.previous = this.entries;
      this.entries = new Map();
    }
    this.entries.set(script.text, script);
    return script;
  }
}
