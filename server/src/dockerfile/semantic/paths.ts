// Linux paths inside an image, as BuildKit normalises them.

/** system.NormalizeWorkdir for Linux: a relative path joins the current one; the result is clean. */
export function normalizeWorkdir(current: string, requested: string): string {
  const joined = requested.startsWith('/') ? requested : `${current === '' ? '/' : current}/${requested}`;
  // Most paths are clean as written: no need to split and join them again.
  if (isClean(joined)) return joined;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

/** Whether an absolute path is its own clean form: no empty, `.` or `..` part, no `/` at the end (`/` itself aside). */
function isClean(path: string): boolean {
  if (path.charCodeAt(0) !== 0x2f) return false;
  if (path.length === 1) return true;
  let partStart = 1;
  for (let i = 1; i <= path.length; i++) {
    if (i < path.length && path.charCodeAt(i) !== 0x2f) continue;
    const length = i - partStart;
    if (length === 0) return false;
    if (path.charCodeAt(partStart) === 0x2e && (length === 1 || (length === 2 && path.charCodeAt(partStart + 1) === 0x2e))) return false;
    partStart = i + 1;
  }
  return true;
}
