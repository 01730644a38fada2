// Files a RUN instruction visibly creates or deletes, read from its shell text: `rm`, `rmdir`,
// `mv`, `touch`, `mkdir`, `cp`, `ln`, `install`, downloads (`curl -o`, `wget -O`), `dd of=`,
// `fallocate`, `truncate`, `tar -C`, `unzip -d`, `git clone`, `>`/`>>` redirections, following
// `cd`. Used by the layer-waste rules: a file written in one layer and deleted in a later one
// still weighs on the image. Paths are made absolute with the WORKDIR when it is known;
// variables are substituted when their values are known, and kept as written otherwise.
import type { Instruction } from '../syntax/types';
import { normalizeWorkdir } from './paths';
import type { FileEffects } from './types';

/** Variable values for substitution in command words (undefined: leave the reference as written). */
export type ShellValues = (name: string) => string | undefined;

const NO_VALUES: ShellValues = () => undefined;
// Characters the command splitter treats specially; everything else is copied as it is.
const SPECIAL = new Set([...'\\\'"$# \t\r\n;&|()><2'].map((ch) => ch.charCodeAt(0)));
// A long RUN script is read up to this many words; past it, effects are not collected.
const MAX_WORDS = 20_000;

export function fileEffects(instruction: Instruction, values: ShellValues = NO_VALUES, workdir: string | undefined = undefined): FileEffects {
  const created: string[] = [];
  const deleted: string[] = [];
  const scripts: string[] = [];
  if (instruction.form === 'shell' && instruction.argumentsText) scripts.push(instruction.argumentsText.value);
  else if (instruction.form === 'exec' && instruction.args.length >= 3 && /(^|\/)(ba|da|a)?sh$/.test(instruction.args[0].value) && instruction.args[1].value === '-c') {
    scripts.push(instruction.args[2].value);
  }
  for (const heredoc of instruction.heredocs) scripts.push(heredoc.content);
  let cwd = workdir;
  for (const script of scripts) {
    for (const command of commands(script, values)) {
      if (command.length === 0) continue;
      const effects = commandEffects(command);
      if (effects.cd !== undefined) cwd = resolvePath(cwd, effects.cd) ?? undefined;
      for (const path of effects.created) created.push(resolvePath(cwd, path) ?? path);
      for (const path of effects.deleted) deleted.push(resolvePath(cwd, path) ?? path);
    }
  }
  return { created, deleted };
}

interface CommandEffects {
  readonly created: string[];
  readonly deleted: string[];
  readonly cd?: string;
}

/** A simple command: its words, redirection targets marked as `>PATH`. */
type Command = string[];

function commandEffects(words: Command): CommandEffects {
  const created: string[] = [];
  const deleted: string[] = [];
  const plain: string[] = [];
  for (const word of words) {
    if (word.startsWith('>')) {
      const target = word.slice(1);
      if (target !== '/dev/null' && !target.startsWith('&')) created.push(target);
    } else plain.push(word);
  }
  // `sudo`, `env X=1`, `nice` … run the command that follows.
  while (plain.length > 0 && (plain[0] === 'sudo' || plain[0] === 'env' || plain[0] === 'nice' || plain[0] === 'exec' || /^[A-Za-z_][A-Za-z0-9_]*=/.test(plain[0]))) plain.shift();
  const [name, ...args] = plain;
  const operands = args.filter((arg) => !arg.startsWith('-'));
  switch (name?.slice(name.lastIndexOf('/') + 1)) {
    case 'cd':
      return { created, deleted, cd: operands[0] ?? '~' };
    case 'rm':
    case 'rmdir':
    case 'unlink':
      deleted.push(...operands);
      break;
    case 'touch':
    case 'mkdir':
    case 'fallocate':
    case 'truncate':
      created.push(...operandsSkippingOptionValues(args, name === 'fallocate' ? ['-l', '-o'] : name === 'truncate' ? ['-s', '-r'] : ['-m']));
      break;
    case 'mv':
      if (operands.length >= 2) {
        deleted.push(...operands.slice(0, -1));
        created.push(operands[operands.length - 1]);
      }
      break;
    case 'cp':
    case 'install':
    case 'ln':
      if (operands.length >= 2) created.push(operands[operands.length - 1]);
      break;
    case 'curl':
      created.push(...optionValues(args, ['-o', '--output']));
      break;
    case 'wget':
      created.push(...optionValues(args, ['-O', '--output-document']));
      break;
    case 'dd':
      for (const arg of args) if (arg.startsWith('of=')) created.push(arg.slice(3));
      break;
    case 'tar':
      created.push(...optionValues(args, ['-C', '--directory']));
      break;
    case 'unzip':
      created.push(...optionValues(args, ['-d']));
      break;
    case 'git':
      if (args[0] === 'clone') {
        const cloneOperands = operandsSkippingOptionValues(args.slice(1), ['-b', '--branch', '--depth', '-c', '--config', '--origin', '-o']);
        if (cloneOperands.length >= 2) created.push(cloneOperands[1]);
        else if (cloneOperands.length === 1) created.push(cloneDirectory(cloneOperands[0]));
      }
      break;
    default:
      break;
  }
  return { created, deleted };
}

function optionValues(args: readonly string[], names: readonly string[]): string[] {
  const values: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const name = names.find((candidate) => arg === candidate || arg.startsWith(`${candidate}=`) || (candidate.length === 2 && !candidate.startsWith('--') && arg.startsWith(candidate) && arg.length > 2));
    if (!name) continue;
    if (arg === name) {
      if (i + 1 < args.length) values.push(args[++i]);
    } else values.push(arg.startsWith(`${name}=`) ? arg.slice(name.length + 1) : arg.slice(name.length));
  }
  return values.filter((value) => value !== '-' && value !== '');
}

function operandsSkippingOptionValues(args: readonly string[], optionsWithValue: readonly string[]): string[] {
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (optionsWithValue.includes(args[i])) i++;
    else if (!args[i].startsWith('-')) operands.push(args[i]);
  }
  return operands;
}

function resolvePath(cwd: string | undefined, path: string): string | undefined {
  if (path.startsWith('/')) return normalize(path);
  if (path.startsWith('~') || cwd === undefined) return undefined;
  return normalize(`${cwd}/${path}`);
}

function normalize(path: string): string {
  return normalizeWorkdir('/', path);
}

/** The directory `git clone URL` creates: the last path segment without `.git`. */
function cloneDirectory(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end--;
  const trimmed = url.slice(0, end);
  const segment = trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':')) + 1);
  return segment.endsWith('.git') ? segment.slice(0, -4) : segment;
}

/** Splits shell text into simple commands of unquoted words (a tolerant reading, not a shell). */
function commands(script: string, values: ShellValues): Command[] {
  const result: Command[] = [];
  let current: Command = [];
  let word = '';
  let inWord = false;
  let redirect = false;
  let count = 0;
  const endWord = (): void => {
    if (!inWord) return;
    current.push(redirect ? `>${word}` : word);
    word = '';
    inWord = false;
    redirect = false;
    count++;
  };
  const endCommand = (): void => {
    endWord();
    if (current.length > 0) result.push(current);
    current = [];
  };
  const n = script.length;
  for (let i = 0; i < n && count < MAX_WORDS; i++) {
    const c = script[i];
    if (c === '\\') {
      if (script[i + 1] === '\n') {
        i++;
        continue;
      }
      word += script[i + 1] ?? '';
      inWord = true;
      i++;
    } else if (c === "'") {
      const close = script.indexOf("'", i + 1);
      const end = close < 0 ? n : close;
      word += script.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      while (j < n && script[j] !== '"') {
        if (script[j] === '\\' && j + 1 < n) {
          word += script[j + 1];
          j += 2;
          continue;
        }
        if (script[j] === '$') {
          const expanded = variable(script, j, values);
          word += expanded.text;
          j = expanded.end;
          continue;
        }
        word += script[j++];
      }
      inWord = true;
      i = j;
    } else if (c === '$') {
      const expanded = variable(script, i, values);
      word += expanded.text;
      inWord = true;
      i = expanded.end - 1;
    } else if (c === '#' && !inWord) {
      const newline = script.indexOf('\n', i);
      i = newline < 0 ? n : newline - 1;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
    } else if (c === '\n' || c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
      endCommand();
    } else if (c === '>' || (c === '2' && script[i + 1] === '>' && !inWord)) {
      endWord();
      if (c === '2') i++;
      if (script[i + 1] === '>') i++;
      if (script[i + 1] === '&') {
        // `>&2` duplicates a descriptor: not a file.
        i++;
        while (i + 1 < n && /[0-9-]/.test(script[i + 1])) i++;
        continue;
      }
      redirect = true;
      while (i + 1 < n && (script[i + 1] === ' ' || script[i + 1] === '\t')) i++;
    } else if (c === '<') {
      endWord();
    } else {
      // A run of ordinary characters is copied in one slice.
      let end = i + 1;
      while (end < n && !SPECIAL.has(script.charCodeAt(end))) end++;
      word += script.slice(i, end);
      inWord = true;
      i = end - 1;
    }
  }
  endCommand();
  return result;
}

/** `$NAME` / `${NAME}` at `start`: its value when known, else the text as written. */
function variable(script: string, start: number, values: ShellValues): { text: string; end: number } {
  if (script[start + 1] === '{') {
    const close = script.indexOf('}', start + 2);
    if (close < 0) return { text: script.slice(start), end: script.length };
    const inner = script.slice(start + 2, close);
    const value = /^[A-Za-z_][A-Za-z0-9_]*$/.test(inner) ? values(inner) : undefined;
    return { text: value ?? script.slice(start, close + 1), end: close + 1 };
  }
  let end = start + 1;
  while (end < script.length && /[A-Za-z0-9_]/.test(script[end])) end++;
  if (end === start + 1) return { text: '$', end: start + 1 };
  const value = values(script.slice(start + 1, end));
  return { text: value ?? script.slice(start, end), end };
}
