// The V8 flags the server changes while it runs (youngGeneration.ts, oldGeneration.ts), with the
// value each had when the process started, so that code caches can be read and saved as if they had
// never changed. V8 tags a cache with a hash of its flags (recomputed when they change) and refuses
// one whose hash differs from the reading process's at that moment; a chunk loaded after the young
// generation was capped in one process and before in the next would otherwise be refused.
import { setFlagsFromString } from 'node:v8';

/** V8's defaults for the flags set here (the same in V8 11 and 13). */
const V8_DEFAULTS: Readonly<Record<string, string>> = {
  'heap-growing-percent': '0',
  'semi-space-growth-factor': '2',
};

/** Per flag changed: its value at start-up (undefined when it cannot be known) and its value now. */
const changed = new Map<string, { readonly atStart: string | undefined; now: string }>();

/** Sets a V8 flag for the rest of the process, remembering what it was at start-up. */
export function setHeapFlag(name: string, value: string): void {
  const entry = changed.get(name);
  if (entry) entry.now = value;
  else changed.set(name, { atStart: startupValue(name, process.execArgv, process.env.NODE_OPTIONS), now: value });
  setFlagsFromString(`--${name}=${value}`);
}

/**
 * Runs `work` with the flags set here back at their start-up values, then sets them again. When a
 * start-up value is unknown, `work` runs with the flags as they are. Nothing else runs meanwhile:
 * JavaScript is single-threaded, and a collection in between only sizes the heap by V8's defaults
 * once.
 */
export function withStartupFlags<T>(work: () => T): T {
  const entries = [...changed];
  if (entries.some(([, entry]) => entry.atStart === undefined)) return work();
  for (const [name, entry] of entries) setFlagsFromString(`--${name}=${entry.atStart}`);
  try {
    return work();
  } finally {
    for (const [name, entry] of entries) setFlagsFromString(`--${name}=${entry.now}`);
  }
}

/**
 * A flag's value when the process started: as given in NODE_OPTIONS or on its command line, which
 * wins (`--name=value`, dashes or underscores), else V8's default; undefined when given in a form
 * not read here (`--name value`) or when no default is known.
 */
export function startupValue(name: string, execArgv: readonly string[], nodeOptions: string | undefined): string | undefined {
  const spellings = [name, name.replace(/-/g, '_')].map((spelling) => `--${spelling}`);
  let value: string | undefined = V8_DEFAULTS[name];
  // NODE_OPTIONS first: what the command line gives comes after it, and the last one counts.
  for (const arg of [...(nodeOptions ?? '').split(/\s+/), ...execArgv]) {
    const [flag, given] = splitOnce(arg, '=');
    if (!spellings.includes(flag)) continue;
    value = given;
  }
  return value;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + separator.length)];
}
