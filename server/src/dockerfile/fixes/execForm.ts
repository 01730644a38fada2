// Shell form → exec form, when it is mechanical: one simple command whose words are all plain
// (no variables, globs, redirections, pipes or command lists that need a shell to mean anything).
import type { Instruction } from '../index';
import type { RunScript } from '../shell/runScript';
import type { TextEdit } from '../rules/types';

/** The JSON array of the shell-form arguments, or undefined when only a shell can run them. */
export function execFormOf(instruction: Instruction, script: RunScript | undefined): string | undefined {
  if (instruction.form !== 'shell' || !instruction.argumentsText || instruction.heredocs.length > 0) return undefined;
  if (!script || script.script.error || script.commands.length !== 1 || script.script.pipes.length > 0) return undefined;
  const command = script.commands[0];
  if (command.assignments.length > 0 || command.redirects.length > 0 || command.words.length === 0) return undefined;
  const values: string[] = [];
  for (const word of command.words) {
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

export function toExecForm(instruction: Instruction, script: RunScript | undefined): TextEdit | undefined {
  const json = execFormOf(instruction, script);
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
