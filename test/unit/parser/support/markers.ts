// Test sources with their expectations written inline: ⟦…⟧ marks a range, ‸ the cursor.
// `withEol` rewrites the line breaks first, so every case runs with LF and with CRLF and the
// marked offsets follow the text.

export const EOLS = [
  ['LF', '\n'],
  ['CRLF', '\r\n'],
] as const;

export interface Marked {
  readonly text: string;
  readonly ranges: readonly { readonly start: number; readonly end: number }[];
  readonly cursor: number | undefined;
}

export function marked(source: string, eol = '\n'): Marked {
  const withEol = source.replace(/\r?\n/g, eol);
  const ranges: { start: number; end: number }[] = [];
  const open: number[] = [];
  let cursor: number | undefined;
  let text = '';
  for (const ch of withEol) {
    if (ch === '⟦') open.push(text.length);
    else if (ch === '⟧') {
      const start = open.pop();
      if (start === undefined) throw new Error(`unbalanced ⟧ in ${JSON.stringify(source)}`);
      ranges.push({ start, end: text.length });
    } else if (ch === '‸') cursor = text.length;
    else text += ch;
  }
  if (open.length) throw new Error(`unbalanced ⟦ in ${JSON.stringify(source)}`);
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  return { text, ranges, cursor };
}

/** The LSP position of an offset, computed the slow, obvious way. */
export function positionOf(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}
