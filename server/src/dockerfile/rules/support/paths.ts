// Paths and globs as `rm` reads them.

const matchers = new Map<string, RegExp>();

/** Whether removing `deleted` (a path or glob, maybe a directory) removes `created` (a path, or `dir/*` for a directory's content). */
export function removes(deleted: string, created: string): boolean {
  const target = deleted.replace(/\/+$/, '');
  const file = created.replace(/\/+$/, '');
  if (target === '' || target === '/') return false;
  if (file === target || file.startsWith(`${target}/`)) return true;
  if (!/[*?[]/.test(target)) return false;
  let pattern = matchers.get(target);
  if (!pattern) {
    pattern = new RegExp(`^${target.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}(/.*)?$`);
    if (matchers.size > 1000) matchers.clear();
    matchers.set(target, pattern);
  }
  return pattern.test(file);
}
