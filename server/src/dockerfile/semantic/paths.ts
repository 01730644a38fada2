// Linux paths inside an image, as BuildKit normalises them.

/**
 * A working directory in clean form, for reasoning about the paths commands touch: a relative
 * path joins the current one. (What the image records is `recordedWorkdir`.)
 */
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

/**
 * The WorkingDir BuildKit records after `WORKDIR requested` (its NormalizeWorkdir on Linux): a
 * relative path is joined to the current one and cleaned, an absolute one is kept as written:
 * `/usr/src/` stays `/usr/src/`, `/a/../b` stays `/a/../b` (checked against the engine).
 */
export function recordedWorkdir(current: string, requested: string): string {
  if (requested.startsWith('/')) return requested;
  // An empty path keeps the current directory as recorded (made absolute). The BuildKit inside
  // dockerd 20.10 joined it like a relative path instead, which cleans it: `/a/b/` → `/a/b`.
  if (requested === '') return current.startsWith('/') ? current : normalizeWorkdir('/', current);
  return normalizeWorkdir(current, requested);
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
