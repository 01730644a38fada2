// `.dockerignore` with the semantics of Docker's own pattern matcher (moby/patternmatcher and its
// ignorefile reader), so the build context we send holds exactly the files `docker build` would.
// Quirks kept on purpose because users' files rely on them: only `.+()|{}$` are escaped when a
// pattern becomes a regular expression, a leading `/` is dropped, `**` matches any number of
// directories (even none), a pattern matching a directory excludes everything under it, and the
// last matching pattern wins (`!` re-includes).

/** Reads a .dockerignore file the way the Docker CLI and BuildKit do. */
export function parseDockerignore(text: string): string[] {
  const patterns: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const raw of lines) {
    // A comment is a `#` in the very first column (before any trimming).
    if (raw.startsWith('#')) continue;
    let pattern = raw.trim();
    if (pattern === '') continue;
    let invert = false;
    if (pattern.startsWith('!')) {
      invert = true;
      pattern = pattern.slice(1).trim();
    }
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    }
    patterns.push(invert ? `!${pattern}` : pattern);
  }
  return patterns;
}

/** Go's `path.Clean` for slash paths: no empty, `.` or trailing segments; `..` resolved lexically. */
export function cleanPath(input: string): string {
  if (input === '') return '.';
  const rooted = input.startsWith('/');
  const out: string[] = [];
  for (const segment of input.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(segment);
  }
  const joined = out.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

export class DockerignorePatternError extends Error {
  constructor(
    readonly pattern: string,
    reason: string,
  ) {
    super(`Invalid .dockerignore pattern "${pattern}": ${reason}.`);
    this.name = 'DockerignorePatternError';
  }
}

type MatchKind = 'exact' | 'prefix' | 'suffix' | 'regexp';

interface CompiledPattern {
  readonly source: string;
  readonly cleaned: string;
  readonly exclusion: boolean;
  readonly kind: MatchKind;
  readonly regexp?: RegExp;
}

const escapedInRegexp = new Set([...'.+()|{}$']);

export class DockerignoreMatcher {
  private readonly patterns: readonly CompiledPattern[];
  /** True when some pattern starts with `!`: an excluded directory may still hold included files. */
  readonly hasExclusions: boolean;

  constructor(patterns: readonly string[]) {
    const compiled: CompiledPattern[] = [];
    for (const source of patterns) {
      let pattern = source.trim();
      if (pattern === '') continue;
      pattern = cleanPath(pattern);
      let exclusion = false;
      if (pattern.startsWith('!')) {
        if (pattern.length === 1) throw new DockerignorePatternError(source, 'a lone "!" excludes nothing; remove the line');
        exclusion = true;
        pattern = pattern.slice(1);
      }
      validateGlob(source, pattern);
      compiled.push(compile(source, pattern, exclusion));
    }
    this.patterns = compiled;
    this.hasExclusions = compiled.some((pattern) => pattern.exclusion);
  }

  get isEmpty(): boolean {
    return this.patterns.length === 0;
  }

  /**
   * True when the slash-separated path (relative to the context root) is ignored: the last
   * pattern that matches it, or one of its parent directories, decides.
   */
  ignores(relativePath: string): boolean {
    const file = cleanPath(relativePath);
    if (file === '.') return false;
    const slash = file.lastIndexOf('/');
    const parentDirs = slash < 0 ? [] : file.slice(0, slash).split('/');
    let matched = false;
    for (const pattern of this.patterns) {
      // An inclusion cannot change an already-ignored path, nor an exclusion a kept one.
      if (pattern.exclusion !== matched) continue;
      let match = matchOne(pattern, file);
      for (let depth = 1; !match && depth <= parentDirs.length; depth++) {
        match = matchOne(pattern, parentDirs.slice(0, depth).join('/'));
      }
      if (match) matched = !pattern.exclusion;
    }
    return matched;
  }
}

function matchOne(pattern: CompiledPattern, path: string): boolean {
  switch (pattern.kind) {
    case 'exact':
      return path === pattern.cleaned;
    case 'prefix':
      return path.startsWith(pattern.cleaned.slice(0, -2));
    case 'suffix': {
      const suffix = pattern.cleaned.slice(2);
      if (path.endsWith(suffix)) return true;
      // `**/foo` also matches `foo` at the root.
      return suffix.startsWith('/') && path === suffix.slice(1);
    }
    case 'regexp':
      return pattern.regexp!.test(path);
  }
}

function compile(source: string, pattern: string, exclusion: boolean): CompiledPattern {
  let regexp = '^';
  let kind: MatchKind = 'exact';
  const chars = [...pattern];
  for (let i = 0, index = 0; i < chars.length; i++, index++) {
    const ch = chars[i]!;
    if (ch === '*') {
      if (chars[i + 1] === '*') {
        i++;
        if (chars[i + 1] === '/') i++;
        if (i + 1 >= chars.length) {
          // Trailing `**` accepts everything below, as in .gitignore.
          if (kind === 'exact') kind = 'prefix';
          else {
            regexp += '.*';
            kind = 'regexp';
          }
        } else {
          regexp += '(.*/)?';
          kind = 'regexp';
        }
        if (index === 0) kind = 'suffix';
      } else {
        regexp += '[^/]*';
        kind = 'regexp';
      }
    } else if (ch === '?') {
      regexp += '[^/]';
      kind = 'regexp';
    } else if (escapedInRegexp.has(ch)) {
      regexp += `\\${ch}`;
    } else if (ch === '\\') {
      if (i + 1 < chars.length) {
        const next = chars[++i]!;
        // A letter keeps its regexp meaning (`\d` is a digit class in Docker's matcher too);
        // anything else is the literal character.
        regexp += /[A-Za-z0-9]/.test(next) ? `\\${next}` : `\\u{${next.codePointAt(0)!.toString(16)}}`;
        kind = 'regexp';
      } else {
        regexp += '\\\\';
      }
    } else if (ch === '[' || ch === ']') {
      regexp += ch;
      kind = 'regexp';
    } else {
      regexp += ch;
    }
  }
  if (kind !== 'regexp') return { source, cleaned: pattern, exclusion, kind };
  try {
    return { source, cleaned: pattern, exclusion, kind, regexp: new RegExp(`${regexp}$`, 'u') };
  } catch (error) {
    throw new DockerignorePatternError(source, `it is not a valid pattern (${(error as Error).message})`);
  }
}

/** The checks Go's filepath.Match makes on a pattern: well-formed character classes, no dangling escape. */
function validateGlob(source: string, pattern: string): void {
  const chars = [...pattern];
  const bad = (reason: string): never => {
    throw new DockerignorePatternError(source, reason);
  };
  // One class member: a character, or an escaped one; `-` and `]` must be escaped here.
  const readMember = (at: number): number => {
    const ch = chars[at];
    if (ch === undefined) return bad('a "[" character class is not closed');
    if (ch === '-' || ch === ']') return bad(`"${ch}" must be escaped inside a character class`);
    if (ch === '\\') {
      if (at + 1 >= chars.length) return bad('it ends with an escaping "\\"');
      return at + 2;
    }
    return at + 1;
  };
  for (let i = 0; i < chars.length; ) {
    const ch = chars[i];
    if (ch === '\\') {
      if (i + 1 >= chars.length) bad('it ends with an escaping "\\"');
      i += 2;
    } else if (ch === '[') {
      i++;
      if (chars[i] === '^') i++;
      let members = 0;
      for (;;) {
        if (chars[i] === ']' && members > 0) {
          i++;
          break;
        }
        i = readMember(i);
        if (chars[i] === '-') i = readMember(i + 1);
        members++;
      }
    } else {
      i++;
    }
  }
}
