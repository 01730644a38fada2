// Linux paths inside an image, as BuildKit normalises them.

/** system.NormalizeWorkdir for Linux: a relative path joins the current one; the result is clean. */
export function normalizeWorkdir(current: string, requested: string): string {
  const joined = requested.startsWith('/') ? requested : `${current === '' ? '/' : current}/${requested}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}
