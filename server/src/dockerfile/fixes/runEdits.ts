// Edits inside RUN instructions: insert an option after a word, append a command at the end of
// the RUN in the style it is written in (one line, or one command per continued line).
import type { DockerfileDocument, Instruction } from '../index';
import type { RunScript } from '../shell/runScript';
import type { ShellWord } from '../shell/types';
import type { Fix, TextEdit } from '../rules/types';
import { scriptShape } from './scriptShape';
import { indentationAt, lineEndingAt, lineStart } from './text';

/** Inserts ` <text>` right after a word of the script (`-y` after `install`). */
export function insertAfterWord(script: RunScript, word: ShellWord, insertion: string): TextEdit {
  const at = script.sourceSpan(word).end;
  return { start: at, end: at, newText: ` ${insertion}` };
}

/**
 * Appends `command` to the RUN so it runs after everything else and only if it succeeded (the
 * RUN's script, `script`, says where that can be done):
 * ` && command` on a one-line RUN; a new continued line (`\` + `    && command`) on a multi-line
 * one, matching the indentation and the place of `&&` the RUN already uses. A RUN that is a
 * here-document script gets a new last line in the script.
 */
export function appendCommand(document: DockerfileDocument, instruction: Instruction, script: RunScript | undefined, command: string): TextEdit | undefined {
  const text = document.text;
  if (instruction.form !== 'shell' || !instruction.argumentsText || !script || script.script.error) return undefined;
  const heredoc = instruction.heredocs[0];
  if (heredoc) {
    const args = instruction.argumentsText.value.trim();
    if (instruction.heredocs.length === 1 && args === heredoc.marker.text && heredoc.terminator) {
      const eol = lineEndingAt(text, heredoc.terminator.start);
      const indent = heredoc.stripTabs ? indentationAt(text, heredoc.terminator.start) : '';
      return { start: heredoc.terminator.start, end: heredoc.terminator.start, newText: `${indent}${command}${eol}` };
    }
    return undefined;
  }
  // Written after a `#` comment, a background `&` or a literal `\` (backtick escape), the command
  // would be commented out, a syntax error or escaped; after `a;` it would run even when `a`
  // failed, so the `;` gives way to the `&&`.
  const shape = scriptShape(script);
  if (shape.comment || shape.background || script.script.text.trimEnd().endsWith('\\')) return undefined;
  const argumentsEnd = instruction.argumentsText.end;
  const end = shape.endsWithSemicolon && text.charCodeAt(argumentsEnd - 1) === 0x3b /* ; */ ? argumentsEnd - 1 : argumentsEnd;
  const startLine = instruction.range.start.line;
  const endLine = instruction.argumentsText.range.end.line;
  if (startLine === endLine) return { start: end, end: argumentsEnd, newText: ` && ${command}` };
  const eol = lineEndingAt(text, end);
  const lastLineStart = lineStart(text, end);
  const lastLine = text.slice(lastLineStart, end).trim();
  const indent = indentationAt(text, end) || '    ';
  const escape = document.ast.escapeChar;
  if (/^(&&|\|\||;)/.test(lastLine)) {
    return { start: end, end: argumentsEnd, newText: ` ${escape}${eol}${indent}&& ${command}` };
  }
  return { start: end, end: argumentsEnd, newText: ` && ${escape}${eol}${indent}${command}` };
}

export function fixOf(title: string, edit: TextEdit | undefined): Fix | undefined {
  return edit ? { title, edits: [edit] } : undefined;
}
