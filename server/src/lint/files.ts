// The files `layerwise lint` reads: literal paths, and globs (`**`, `*`, `?`, `[…]`, `{a,b}`)
// matched against the files under their fixed leading directory, node_modules and .git skipped.
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const SKIPPED = new Set(['node_modules', '.git']);

/** Files matching `pattern`, relative to `cwd` when the pattern is, sorted. */
export async function globFiles(pattern: string, cwd = process.cwd()): Promise<string[]> {
  const normalized = pattern.replace(/\\/g, '/');
  const parts = normalized.split('/');
  const fixed: string[] = [];
  while (parts.length > 1 && !/[*?[{]/.test(parts[0])) fixed.push(parts.shift()!);
  const base = fixed.join('/') || (normalized.startsWith('/') ? '/' : '.');
  const matcher = globToRegExp(parts.join('/'));
  const found: string[] = [];
  await walk(join(cwd, base), async (path) => {
    const inside = relative(join(cwd, base), path).split(sep).join('/');
    if (matcher.test(inside)) found.push(base === '.' ? inside : `${base.replace(/\/$/, '')}/${inside}`);
  });
  return found.sort();
}

async function walk(directory: string, onFile: (path: string) => Promise<void>): Promise<void> {
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (SKIPPED.has(entry.name)) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) await walk(path, onFile);
    else if (entry.isFile()) await onFile(path);
  }
}

/** A glob as a regular expression over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches any number of directories, `**` at the end anything.
        const slash = glob[i + 2] === '/';
        source += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else source += '[^/]*';
    } else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) source += '\\[';
      else {
        source += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (char === '{') {
      const close = glob.indexOf('}', i + 1);
      if (close < 0) source += '\\{';
      else {
        source += `(?:${glob.slice(i + 1, close).split(',').map((alternative) => alternative.replace(/[.+^$()|\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('|')})`;
        i = close;
      }
    } else source += char.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
