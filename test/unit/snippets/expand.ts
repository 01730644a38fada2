// Expands a snippet body the way the editor does when the user accepts every default:
// `${1:default}` → default (nested ones too), `${1|a,b|}` → a, `$1` / `$0` → nothing, `\$` → `$`.
export function expandSnippet(body: string | readonly string[]): string {
  const text = Array.isArray(body) ? body.join('\n') : (body as string);
  let out = '';
  let i = 0;
  const readUntilClose = (): string => {
    // Returns the expansion of a placeholder's default, up to its matching `}`.
    let value = '';
    while (i < text.length && text[i] !== '}') {
      if (text[i] === '\\' && i + 1 < text.length) {
        value += text[i + 1];
        i += 2;
      } else if (text[i] === '$') value += readVariable();
      else value += text[i++];
    }
    i++; // the closing brace
    return value;
  };
  const readVariable = (): string => {
    i++; // $
    if (/\d/.test(text[i] ?? '')) {
      while (/\d/.test(text[i] ?? '')) i++;
      return '';
    }
    if (text[i] !== '{') return '$';
    i++;
    while (/\d/.test(text[i] ?? '')) i++;
    if (text[i] === ':') {
      i++;
      return readUntilClose();
    }
    if (text[i] === '|') {
      const end = text.indexOf('|}', i);
      const first = text.slice(i + 1, end).split(',')[0];
      i = end + 2;
      return first;
    }
    i++; // `}` of `${1}`
    return '';
  };
  while (i < text.length) {
    if (text[i] === '\\' && text[i + 1] === '$') {
      out += '$';
      i += 2;
    } else if (text[i] === '$') out += readVariable();
    else out += text[i++];
  }
  return out;
}
