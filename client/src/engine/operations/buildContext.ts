// The build context as Docker's CLI sends it: the context directory as a tar, filtered by
// `<Dockerfile>.dockerignore` (next to the Dockerfile, preferred) or `<context>/.dockerignore`,
// with the Dockerfile and the ignore file always included (the builder needs them even when the
// user ignores them). A Dockerfile outside the context is added under a generated name, as the
// CLI does.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { DockerignoreMatcher, parseDockerignore } from './dockerignore';
import { TarEntry, tarChunks } from './tarWriter';

export interface BuildContextOptions {
  readonly contextDir: string;
  /** Absolute path, or relative to the context directory. */
  readonly dockerfile: string;
}

export interface BuildContext {
  /** The tar stream; each read pulls files from disk. */
  readonly stream: Readable;
  /** The Dockerfile's path inside the tar (the `dockerfile` build parameter). */
  readonly dockerfileInContext: string;
  /** The ignore file that was applied, if any. */
  readonly ignoreFile?: string;
  /** Counters, final once the stream has ended. */
  readonly stats: { files: number; bytes: number; ignored: number };
}

export class BuildContextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildContextError';
  }
}

function toSlash(relative: string): string {
  return relative.split(path.sep).join('/');
}

function readIgnoreFile(file: string): string[] | undefined {
  try {
    return parseDockerignore(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Which ignore file applies: BuildKit prefers `<Dockerfile>.dockerignore` next to the Dockerfile. */
export function findIgnoreFile(contextDir: string, dockerfilePath: string): string | undefined {
  for (const candidate of [`${dockerfilePath}.dockerignore`, path.join(contextDir, '.dockerignore')]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

export function createBuildContext(options: BuildContextOptions): BuildContext {
  const contextDir = path.resolve(options.contextDir);
  let contextStat: fs.Stats;
  try {
    contextStat = fs.statSync(contextDir);
  } catch {
    throw new BuildContextError(`The build context folder ${contextDir} does not exist. Choose an existing folder as the context.`);
  }
  if (!contextStat.isDirectory()) throw new BuildContextError(`The build context ${contextDir} is not a folder.`);
  const dockerfilePath = path.resolve(contextDir, options.dockerfile);
  if (!fs.existsSync(dockerfilePath)) throw new BuildContextError(`The Dockerfile ${dockerfilePath} does not exist.`);

  const ignoreFile = findIgnoreFile(contextDir, dockerfilePath);
  const patterns = ignoreFile ? (readIgnoreFile(ignoreFile) ?? []) : [];
  const relativeDockerfile = path.relative(contextDir, dockerfilePath);
  const insideContext = !relativeDockerfile.startsWith('..') && !path.isAbsolute(relativeDockerfile);
  const dockerfileInContext = insideContext ? toSlash(relativeDockerfile) : `.dockerfile.${randomBytes(10).toString('hex')}`;
  // The builder reads these two itself; ignoring them only keeps them out of COPY.
  const alwaysSent = new Set<string>([dockerfileInContext]);
  if (ignoreFile && path.dirname(ignoreFile) === contextDir) alwaysSent.add(toSlash(path.relative(contextDir, ignoreFile)));
  const matcher = new DockerignoreMatcher(patterns);
  const stats = { files: 0, bytes: 0, ignored: 0 };

  async function* entries(): AsyncGenerator<TarEntry> {
    if (!insideContext) {
      const stat = await fs.promises.stat(dockerfilePath);
      stats.files++;
      yield { type: 'file', name: dockerfileInContext, size: stat.size, mode: 0o644, mtimeMs: stat.mtimeMs, source: dockerfilePath };
    }
    yield* walk('');
  }

  async function* walk(relativeDir: string): AsyncGenerator<TarEntry> {
    const absoluteDir = path.join(contextDir, relativeDir);
    let names: string[];
    try {
      names = (await fs.promises.readdir(absoluteDir)).sort();
    } catch (error) {
      throw new BuildContextError(`Cannot read ${absoluteDir} for the build context: ${(error as Error).message}. Fix its permissions or add it to .dockerignore.`);
    }
    for (const name of names) {
      const relative = relativeDir ? `${relativeDir}/${name}` : name;
      const absolute = path.join(absoluteDir, name);
      const stat = await fs.promises.lstat(absolute);
      const ignored = matcher.ignores(relative) && !alwaysSent.has(relative);
      if (stat.isDirectory()) {
        // Without `!` exceptions nothing below an ignored folder can come back: skip the walk.
        if (ignored && !matcher.hasExclusions) {
          stats.ignored++;
          continue;
        }
        if (!ignored) yield { type: 'directory', name: relative, mode: stat.mode, mtimeMs: stat.mtimeMs };
        yield* walk(relative);
        continue;
      }
      if (ignored) {
        stats.ignored++;
        continue;
      }
      if (stat.isSymbolicLink()) {
        yield { type: 'symlink', name: relative, target: await fs.promises.readlink(absolute), mode: stat.mode, mtimeMs: stat.mtimeMs };
      } else if (stat.isFile()) {
        stats.files++;
        stats.bytes += stat.size;
        yield { type: 'file', name: relative, size: stat.size, mode: stat.mode, mtimeMs: stat.mtimeMs, source: absolute };
      }
      // Sockets, FIFOs and devices are not sent, as with the CLI's context.
    }
  }

  const stream = Readable.from(tarChunks(entries()), { objectMode: false, highWaterMark: 1024 * 1024 });
  return { stream, dockerfileInContext, ignoreFile, stats };
}
