// Hover on comment lines that mean something: parser directives (name and value, including
// every check named in `# check=skip=…`), and the ignore pragmas naming our rules
// (`# layerwise-ignore <id>`), hadolint's codes or BuildKit's checks.
import type { DockerfileDocument } from '..';
import { buildCheck, directiveReference } from '../reference';
import { code, directiveMarkdown, link } from '../reference/markdown';
import { RULE_TABLE } from '../rules/table';

export interface CommentHover {
  readonly markdown: string;
  readonly start: number;
  readonly end: number;
}

export function commentHover(document: DockerfileDocument, offset: number, lineStart: number, lineEnd: number): CommentHover | undefined {
  const text = document.ast.text;
  const line = text.slice(lineStart, lineEnd);
  const directive = document.ast.directives.find((entry) => entry.start <= offset && offset <= entry.end);
  if (directive) {
    const reference = directiveReference(directive.name);
    if (!reference) return undefined;
    if (offset >= directive.valueToken.start) {
      const word = wordAt(text, offset, directive.valueToken.start, directive.valueToken.end);
      const check = word && buildCheck(word.text);
      if (check) return { markdown: checkMarkdown(check.name), start: word.start, end: word.end };
      if (directive.name === 'syntax') return { markdown: syntaxValueMarkdown(directive.valueToken.value), start: directive.valueToken.start, end: directive.valueToken.end };
    }
    return { markdown: directiveMarkdown(reference), start: directive.start, end: directive.end };
  }
  const hash = line.indexOf('#');
  if (hash < 0) return undefined;
  const word = wordAt(text, offset, lineStart + hash + 1, lineEnd);
  if (!word) return undefined;
  const check = buildCheck(word.text);
  if (check) return { markdown: checkMarkdown(check.name), start: word.start, end: word.end };
  const lower = word.text.toLowerCase();
  const rule = RULE_TABLE.find((row) => row.id === lower || row.aliases.some((alias) => alias.toLowerCase() === lower));
  if (rule && /layerwise-ignore|hadolint|check\s*=/.test(line)) {
    const aliases = rule.aliases.length ? ` (also ${rule.aliases.map(code).join(', ')})` : '';
    return { markdown: `**${rule.id}**${aliases} — ${rule.title}\n\n${rule.docs}`, start: word.start, end: word.end };
  }
  return undefined;
}

function checkMarkdown(name: string): string {
  const check = buildCheck(name)!;
  return `**${check.name}**${check.experimental ? ' (experimental)' : ''} — BuildKit build check\n\n${check.description}\n\n${link(check.url, 'Check reference')}`;
}

function syntaxValueMarkdown(value: string): string {
  const labs = value.includes('labs');
  return [
    `**${value}** — the Dockerfile frontend that builds this file`,
    labs ? 'The labs channel: the stable syntax plus experimental features.' : 'BuildKit pulls this frontend image before building, so the file can use its syntax even on an older engine.',
    /:1(\.\d+)?(-labs)?$/.test(value) ? 'A moving tag: the newest compatible 1.x release.' : '',
    link('https://docs.docker.com/build/buildkit/frontend/', 'Dockerfile frontend'),
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** The word (letters, digits, `-`, `_`, `.`) around `offset` within [from, to). */
function wordAt(text: string, offset: number, from: number, to: number): { text: string; start: number; end: number } | undefined {
  const isWord = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9_.-]/.test(ch);
  let start = offset;
  while (start > from && isWord(text[start - 1])) start--;
  let end = offset;
  while (end < to && isWord(text[end])) end++;
  return end > start ? { text: text.slice(start, end), start, end } : undefined;
}
