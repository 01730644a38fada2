// Runs a CommonJS bundle from V8's code cache when one was saved for exactly this bundle.
//
// Why: of the ~110 ms from spawning the language server to its answer to `initialize`, V8 spent
// ~22 ms parsing the 1.3 MB bundle and more compiling the functions that start the server. Node 20
// caches no compiled code for an application (the editors' Node 22+ can, but only when asked),
// so the server keeps its own: the bundle is compiled through `vm.Script` with the bytes a
// previous start saved, and V8 skips both. Measured: 113 → 92 ms to `initialize` under Node 20,
// 82 → 60 ms under Node 24 (medians of 10 alternated starts). The CLI, the lazily loaded chunks
// and the extension use the same (cliStart.ts, chunks.ts, client/src/extensionStart.ts).
//
// What V8 checks itself: its version, its flags, and the source's length; a cache that fails is
// refused (`cachedDataRejected`) and the bundle is compiled as usual. What it does not check is
// the source's content, so the file name carries a hash of it: a rebuilt bundle of the same
// length never meets the code of the old one. A header holds a hash of the payload, so a damaged
// file is never handed to V8. Files are written whole (a temporary file, then a rename).
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { codeCacheDirectory } from './cacheDirectory';

const MAGIC = Buffer.from('LWCODE01');
const HEADER_LENGTH = MAGIC.length + 32;
/** How many builds of one bundle keep a cache (per V8 version and architecture). */
const KEPT_BUILDS = 3;

export interface LoadedBundle {
  /** What the bundle assigned to `module.exports`. */
  readonly exports: unknown;
  /** True when V8 took its compiled code from the cache. */
  readonly fromCache: boolean;
  /**
   * Saves what V8 has compiled so far (call it once the start-up work ran, so that it is in the
   * cache) unless the cache was used. Never throws: without a cache the next start is only slower.
   */
  save(): void;
}

/**
 * Loads and runs the bundle `file`, from the code cache in `directory` when there is one. The
 * file is one function expression taking CommonJS's `(exports, require, module, __filename,
 * __dirname)` (esbuild.mjs writes it so), which V8 compiles as it is. Wrapping the text here
 * instead joined it into a second copy (2.6 MB for the development bundle), and that allocation
 * grew the young generation one step past its cap before the server could set it: 8–12 MiB more
 * peak memory in ../shared/bench/lsp-bench.mjs.
 */
export function runBundle(file: string, directory: string | undefined): LoadedBundle {
  const bytes = readFileSync(file);
  const cache = directory === undefined ? undefined : new CodeCacheFile(directory, basename(file, '.js'), bytes);
  const cachedData = cache?.read();
  const script = new Script(bytes.toString('utf8'), { filename: file, cachedData });
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;
  if (cache) trace(`${basename(file)}: ${fromCache ? 'compiled code from' : cachedData ? 'refused by V8:' : 'no cache yet at'} ${cache.path}`);
  const run: unknown = script.runInThisContext();
  if (typeof run !== 'function') throw new Error(`${file} is not a bundle wrapped as one function: build it with \`node esbuild.mjs\`.`);
  const module = new Module(file);
  module.filename = file;
  run.call(module.exports, module.exports, Module.createRequire(file), module, file, dirname(file));
  module.loaded = true;
  let saved = fromCache;
  return {
    exports: module.exports,
    fromCache,
    save() {
      if (saved || !cache) return;
      saved = true;
      const problem = cache.write(() => script.createCachedData());
      trace(`${basename(file)}: ${problem ? `not saved (${problem})` : 'saved'} ${cache.path}`);
    },
  };
}

/** `runBundle` with this process's code cache directory (the user's, or LAYERWISE_CODE_CACHE). */
export function runCachedBundle(file: string): LoadedBundle {
  return runBundle(file, codeCacheDirectory(process.env, process.platform, homedir()));
}

/**
 * Runs `save` once, `delayMs` from now (so that what the first use compiled is in the cache) or
 * as the process exits, whichever comes first. The timer keeps no process alive.
 */
export function saveSoon(save: () => void, delayMs: number): void {
  const once = () => {
    clearTimeout(timer);
    process.removeListener('exit', once);
    save();
  };
  const timer = setTimeout(once, delayMs);
  timer.unref();
  process.once('exit', once);
}

/** One bundle's cache file: named by the bundle, V8's version, the architecture and the source's hash. */
export class CodeCacheFile {
  readonly path: string;
  private readonly prefix: string;

  constructor(
    private readonly directory: string,
    name: string,
    source: Buffer,
  ) {
    this.prefix = `${name}-${process.versions.v8}-${process.arch}-`;
    // The file's bytes, not the decoded text: hashing a 1.3 MB string left the server ~10 MB
    // bigger for good (native memory: the peak of ../shared/bench/lsp-bench.mjs, 136 → 148 MiB).
    this.path = join(directory, `${this.prefix}${digest(source).toString('hex').slice(0, 16)}.cache`);
  }

  /** The saved code, or undefined when there is none, it is damaged, or another user wrote it. */
  read(): Buffer | undefined {
    try {
      if (typeof process.getuid === 'function' && statSync(this.path).uid !== process.getuid()) return undefined;
      const data = readFileSync(this.path);
      if (data.length <= HEADER_LENGTH || !data.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
      const payload = data.subarray(HEADER_LENGTH);
      return digest(payload).equals(data.subarray(MAGIC.length, HEADER_LENGTH)) ? payload : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Writes the payload `produce` returns whole (or says why it could not), then removes the caches
   * of older builds of the same bundle beyond the newest few: two builds in use at once (an
   * installed extension and one under development, two editors) must not delete each other's
   * cache at every start. The payload is asked for only once the file is open: making it
   * (`createCachedData`) takes 6–10 ms for the server's bundle, wasted at every start where the
   * cache cannot be written (a read-only home).
   */
  write(produce: () => Buffer): string | undefined {
    const temporary = `${this.path}.${process.pid}.tmp`;
    let descriptor: number | undefined;
    try {
      mkdirSync(this.directory, { recursive: true, mode: 0o700 });
      descriptor = openSync(temporary, 'w', 0o600);
      const payload = produce();
      const data = Buffer.concat([MAGIC, digest(payload), payload]);
      for (let written = 0; written < data.length; ) written += writeSync(descriptor, data, written);
      closeSync(descriptor);
      descriptor = undefined;
      renameSync(temporary, this.path);
      const builds = readdirSync(this.directory)
        .filter((name) => name.startsWith(this.prefix) && name.endsWith('.cache'))
        .map((name) => ({ path: join(this.directory, name), written: statSync(join(this.directory, name)).mtimeMs }))
        .sort((a, b) => b.written - a.written);
      for (const old of builds.slice(KEPT_BUILDS)) unlinkSync(old.path);
      return undefined;
    } catch (error) {
      // A read-only or full disk: the next start compiles as usual.
      if (descriptor !== undefined) closeSync(descriptor);
      try {
        unlinkSync(temporary);
      } catch {
        // Never written.
      }
      return error instanceof Error ? error.message : String(error);
    }
  }
}

/**
 * With LAYERWISE_CODE_CACHE_TRACE=1, what the cache did, on stderr (the editor's output channel for
 * the server): a cache that is never used or never saved costs only time, so nothing says it else.
 */
function trace(line: string): void {
  if (process.env.LAYERWISE_CODE_CACHE_TRACE === '1') process.stderr.write(`layerwise code cache: ${line}\n`);
}

function digest(data: Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}
