// Shell form → exec form, when it is mechanical: one simple command whose words are all plain
// (no variables, globs, redirections, pipes or command lists that need a shell to mean anything).
import type { Instruction } from '../index';
import type { RunScript } from '../shell/runScript';
import type { TextEdit } from '../rules/types';

// Shell builtins with no program of the same name: in exec form there is no shell to run them.
const BUILTINS = new Set([
  ':', '.', 'alias', 'bg', 'break', 'builtin', 'cd', 'command', 'continue', 'declare', 'dirs', 'disown', 'enable', 'eval', 'exit', 'export',
  'fg', 'getopts', 'hash', 'history', 'jobs', 'let', 'local', 'logout', 'popd', 'pushd', 'read', 'readonly', 'return', 'set', 'shift',
  'shopt', 'source', 'suspend', 'times', 'trap', 'type', 'typeset', 'ulimit', 'umask', 'unalias', 'unset', 'wait',
]);

/**
 * The JSON array of the shell-form arguments, or undefined when only a shell can run them. A
 * leading `exec` (`CMD exec nginx …`, so that the program replaces the shell as PID 1) is what
 * exec form does anyway: it is left out. With the backtick escape (Windows images, where shell
 * form runs `cmd /S /C`), a backslash in a word is part of a path, not a POSIX escape: no fix.
 */
export function execFormOf(instruction: Instruction, script: RunScript | undefined, escapeChar = '\\'): string | undefined {
  if (instruction.form !== 'shell' || !instruction.argumentsText || instruction.heredocs.length > 0) return undefined;
  if (!script || script.script.error || script.commands.length !== 1 || script.script.pipes.length > 0) return undefined;
  const command = script.commands[0];
  if (command.assignments.length > 0 || command.redirects.length > 0 || command.words.length === 0) return undefined;
  let words = command.words;
  if (words[0].value === 'exec') words = words.slice(1);
  if (words.length === 0 || words[0].value === undefined || words[0].value.startsWith('-') || BUILTINS.has(words[0].value)) return undefined;
  const values: string[] = [];
  for (const word of words) {
    if (escapeChar !== '\\' && word.text.includes('\\')) return undefined;
    if (word.value === undefined) return undefined;
    // Unquoted glob characters and `~` are expanded by a shell only.
    const unquoted = word.text.replace(/'[^']*'|"(?:\\.|[^"\\])*"/g, '');
    if (/[*?[~]/.test(unquoted)) return undefined;
    values.push(word.value);
  }
  // The whole command must be this one command (nothing after it, like `a; b` or `a &`).
  const rest = script.script.text.slice(command.end).trim();
  if (rest !== '') return undefined;
  return jsonArray(values);
}

export function jsonArray(values: readonly string[]): string {
  return `[${values.map((value) => JSON.stringify(value)).join(', ')}]`;
}

export function toExecForm(instruction: Instruction, script: RunScript | undefined, escapeChar = '\\'): TextEdit | undefined {
  const json = execFormOf(instruction, script, escapeChar);
  const args = instruction.argumentsText;
  if (json === undefined || !args) return undefined;
  return { start: args.start, end: args.end, newText: json };
}

/**
 * `['a', 'b']`, `["a", "b",]`, `[a, "b"]`: what users write when they mean a JSON array. Returns
 * the valid JSON array, or undefined when the text is not a list of words.
 */
export function repairJsonArray(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[') || !trimmed.endsWith(']')) return undefined;
  const body = trimmed.slice(1, -1);
  const values: string[] = [];
  let i = 0;
  const skipSpace = (): void => {
    while (i < body.length && /\s/.test(body[i])) i++;
  };
  skipSpace();
  while (i < body.length) {
    const quote = body[i];
    let value = '';
    if (quote === '"' || quote === "'") {
      i++;
      while (i < body.length && body[i] !== quote) {
        if (body[i] === '\\' && i + 1 < body.length) {
          value += body[i + 1];
          i += 2;
        } else value += body[i++];
      }
      if (i >= body.length) return undefined;
      i++;
    } else {
      while (i < body.length && body[i] !== ',' && !/\s/.test(body[i])) value += body[i++];
      if (value === '') return undefined;
    }
    values.push(value);
    skipSpace();
    if (i < body.length && body[i] === ',') {
      i++;
      skipSpace();
    } else if (i < body.length) return undefined;
  }
  return values.length > 0 ? jsonArray(values) : undefined;
}
