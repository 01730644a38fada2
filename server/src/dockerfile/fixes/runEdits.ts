// Edits inside RUN instructions: insert an option after a word, append a command at the end of
// the RUN in the style it is written in (one line, or one command per continued line).
import type { DockerfileDocument, Instruction } from '../index';
import type { RunScript } from '../shell/runScript';
import type { ShellWord } from '../shell/types';
import type { Fix, TextEdit } from '../rules/types';
import { indentationAt, lineEndingAt, lineStart } from './text';

/** Inserts ` <text>` right after a word of the script (`-y` after `install`). */
export function insertAfterWord(script: RunScript, word: ShellWord, insertion: string): TextEdit {
  const at = script.sourceSpan(word).end;
  return { start: at, end: at, newText: ` ${insertion}` };
}

/**
 * Appends `command` to the RUN so it runs after everything else and only if it succeeded:
 * ` && command` on a one-line RUN; a new continued line (`\` + `    && command`) on a multi-line
 * one, matching the indentation and the place of `&&` the RUN already uses. A RUN that is a
 * here-document script gets a new last line in the script.
 */
export function appendCommand(document: DockerfileDocument, instruction: Instruction, command: string): TextEdit | undefined {
  const text = document.text;
  if (instruction.form !== 'shell' || !instruction.argumentsText) return undefined;
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
  const end = instruction.argumentsText.end;
  const trimmed = instruction.argumentsText.value.trimEnd();
  const endsWithSeparator = /(?:;|&&|\|\|)$/.test(trimmed);
  const startLine = instruction.range.start.line;
  const endLine = instruction.argumentsText.range.end.line;
  if (startLine === endLine) {
    return { start: end, end, newText: endsWithSeparator ? ` ${command}` : ` && ${command}` };
  }
  const eol = lineEndingAt(text, end);
  const lastLineStart = lineStart(text, end);
  const lastLine = text.slice(lastLineStart, end).trim();
  const indent = indentationAt(text, end) || '    ';
  const escape = document.ast.escapeChar;
  if (/^(&&|\|\||;)/.test(lastLine)) {
    return { start: end, end, newText: ` ${escape}${eol}${indent}&& ${command}` };
  }
  return { start: end, end, newText: `${endsWithSeparator ? '' : ' &&'} ${escape}${eol}${indent}${command}` };
}

export function fixOf(title: string, edit: TextEdit | undefined): Fix | undefined {
  return edit ? { title, edits: [edit] } : undefined;
}
