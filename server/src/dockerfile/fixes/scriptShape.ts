// What joining a shell script to another command needs to know of it: whether a `#` comment
// would swallow what is written after it, whether its top level is more than pipelines joined by
// `&&`, and how it ends (`&`, `;`). Read from the characters outside the words the shell parser
// found. Used by the fixes that join RUNs or append a command to one.
import type { RunScript } from '../shell/runScript';

export interface ScriptShape {
  /** A `#` starts a comment somewhere in it. */
  readonly comment: boolean;
  /** Its top level holds more than pipelines joined by `&&` (`;`, `||`, `&`, a new line). */
  readonly compound: boolean;
  /** It ends by sending something to the background (`a &`). */
  readonly background: boolean;
  /** It ends with the list operator `;`. */
  readonly endsWithSemicolon: boolean;
}

/**
 * What joining a script needs to know of its top level, read from the characters outside the
 * words the shell parser found (quotes and substitutions lie inside words). Conservative: an
 * operator inside a compound command (`if a; then b; fi`) counts too, which only adds braces.
 */
export function scriptShape(script: RunScript): ScriptShape {
  const text = script.script.text;
  const words: { start: number; end: number }[] = [];
  for (const command of script.commands) {
    for (const word of command.words) words.push(word);
    for (const redirect of command.redirects) if (redirect.target) words.push(redirect.target);
  }
  words.sort((a, b) => a.start - b.start);
  let comment = false;
  let compound = false;
  let lastOperator = '';
  let next = 0;
  for (let i = 0; i < text.length; i++) {
    while (next < words.length && words[next].end <= i) next++;
    if (next < words.length && words[next].start <= i) {
      i = words[next].end - 1;
      lastOperator = '';
      continue;
    }
    const c = text[i];
    if (c === '#' && (i === 0 || ' \t\n;&|()<>'.includes(text[i - 1]))) {
      comment = true;
      break;
    }
    if (c === '\\' && i + 1 < text.length) {
      i++;
      lastOperator = '';
      continue;
    }
    if (c === ';' || c === '\n') {
      compound ||= text.slice(i + 1).trim() !== '';
      lastOperator = c;
    } else if (c === '&' || c === '|') {
      const pair = text[i + 1] === c;
      if (c === '&' && !pair) compound ||= true;
      if (c === '|' && pair) compound = true;
      lastOperator = pair ? c + c : c;
      if (pair) i++;
    } else if (c !== ' ' && c !== '\t') {
      lastOperator = '';
    }
  }
  return { comment, compound, background: lastOperator === '&', endsWithSemicolon: lastOperator === ';' };
}
