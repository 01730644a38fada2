// Paths and globs as `rm` reads them.

const matchers = new Map<string, RegExp | undefined>();

/** Whether removing `deleted` (a path or glob, maybe a directory) removes `created` (a path, or `dir/*` for a directory's content). */
export function removes(deleted: string, created: string): boolean {
  const target = deleted.replace(/\/+$/, '');
  const file = created.replace(/\/+$/, '');
  if (target === '' || target === '/') return false;
  if (file === target || file.startsWith(`${target}/`)) return true;
  if (!/[*?[]/.test(target)) return false;
  let pattern = matchers.get(target);
  if (!matchers.has(target)) {
    pattern = globRegExp(target);
    if (matchers.size > 1000) matchers.clear();
    matchers.set(target, pattern);
  }
  return pattern?.test(file) ?? false;
}

/**
 * The paths a shell glob matches, and what lies under them: `*` and `?` within one path segment,
 * `[…]` / `[!…]` bracket expressions; a `[` without its `]` is a plain character, as in sh (an
 * unescaped one made an invalid regular expression, and the whole lint threw). Undefined for a
 * bracket expression JavaScript cannot express (`[z-a]`): such a glob matches nothing here.
 */
function globRegExp(glob: string): RegExp | undefined {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      let body = i + 1;
      const negated = glob[body] === '!' || glob[body] === '^';
      if (negated) body++;
      // A `]` right after the opening (or after `!`) is one of the characters.
      const close = glob.indexOf(']', glob[body] === ']' ? body + 1 : body);
      if (close < 0) {
        source += '\\[';
        continue;
      }
      const members = glob.slice(body, close).replace(/[\\\]^]/g, '\\$&');
      source += negated ? `[^/${members}]` : `[${members}]`;
      i = close;
    } else source += char.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  try {
    return new RegExp(`^${source}(/.*)?$`);
  } catch {
    return undefined;
  }
}
