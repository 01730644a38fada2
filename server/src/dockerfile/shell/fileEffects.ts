// Files a shell script visibly writes and removes: `dd of=`, redirections, `touch`, `wget -O`,
// `curl -o`, `cp`/`mv` targets, `mkdir`, `git clone`, `fallocate`/`truncate`, package-manager
// caches (`apt-get update` fills /var/lib/apt/lists); `rm` and `rmdir` remove. Paths are as
// written (relative ones stay relative); globs are kept for the caller to match.
import { invocations } from './invocations';
import { programName, type RunScript } from './runScript';
import type { ShellWord } from './types';

export interface FileWrite {
  readonly path: string;
  /** Script span of the command that writes it. */
  readonly start: number;
  readonly end: number;
}

export interface ScriptFileEffects {
  readonly created: readonly FileWrite[];
  readonly deleted: readonly FileWrite[];
}

// By parsed script (shared between lint runs through the ShellCache), not by RunScript (new per run).
const cache = new WeakMap<RunScript['script'], ScriptFileEffects>();

export function scriptFileEffects(script: RunScript): ScriptFileEffects {
  let effects = cache.get(script.script);
  if (!effects) cache.set(script.script, (effects = compute(script)));
  return effects;
}

function compute(script: RunScript): ScriptFileEffects {
  const created: FileWrite[] = [];
  const deleted: FileWrite[] = [];
  const add = (list: FileWrite[], word: ShellWord | undefined, span: { start: number; end: number }, value = word?.value): void => {
    if (value === undefined || value === '' || value.startsWith('/dev/') || value.startsWith('/proc/') || value === '-') return;
    list.push({ path: value, start: span.start, end: span.end });
  };
  for (const command of script.commands) {
    for (const redirect of command.redirects) {
      if (redirect.operator === '>' || redirect.operator === '>>' || redirect.operator === '>|' || redirect.operator === '&>' || redirect.operator === '&>>') {
        if (redirect.fileDescriptor === undefined || redirect.fileDescriptor === '1') add(created, redirect.target, command);
      }
    }
    const name = programName(command);
    const args = command.words.slice(1);
    switch (name) {
      case 'dd':
        for (const word of args) if (word.value?.startsWith('of=')) add(created, word, command, word.value.slice(3));
        break;
      case 'touch':
      case 'fallocate':
      case 'truncate':
      case 'mkdir':
        for (const word of operands(args, ['-l', '--length', '-s', '--size', '-m', '--mode', '-o', '--offset', '-r', '--reference', '-d', '--date', '-t'])) add(created, word, command);
        break;
      case 'cp':
      case 'mv':
      case 'install': {
        const targets = operands(args, ['-t', '--target-directory', '-S', '--suffix', '-m', '--mode', '-o', '--owner', '-g', '--group']);
        if (targets.length >= 2) add(created, targets[targets.length - 1], command);
        break;
      }
      case 'rm':
      case 'rmdir':
        for (const word of operands(args, [])) add(deleted, word, command);
        break;
      default:
        break;
    }
  }
  for (const invocation of invocations(script, { programs: ['wget'] })) {
    const args = invocation.args;
    args.forEach((word, index) => {
      const value = word.value ?? '';
      if (value === '-O' || value === '--output-document') add(created, args[index + 1], invocation.command);
      else if (value.startsWith('--output-document=')) add(created, word, invocation.command, value.slice(18));
      else if (/^-O./.test(value)) add(created, word, invocation.command, value.slice(2));
    });
  }
  for (const invocation of invocations(script, { programs: ['curl'] })) {
    const args = invocation.args;
    args.forEach((word, index) => {
      const value = word.value ?? '';
      if (value === '-o' || value === '--output') add(created, args[index + 1], invocation.command);
      else if (value.startsWith('--output=')) add(created, word, invocation.command, value.slice(9));
    });
  }
  for (const invocation of invocations(script, { programs: ['git'], subcommands: ['clone'], optionsWithValue: ['-b', '--branch', '--depth', '-o', '--origin', '-c', '--config', '--reference', '--filter', '-j', '--jobs'] })) {
    const target = invocation.operands[1];
    if (target) add(created, target, invocation.command);
  }
  for (const invocation of invocations(script, { programs: ['apt-get', 'apt'], subcommands: ['update'] })) add(created, undefined, invocation.command, '/var/lib/apt/lists/*');
  return { created, deleted };
}

function operands(args: readonly ShellWord[], optionsWithValue: readonly string[]): ShellWord[] {
  const result: ShellWord[] = [];
  let ended = false;
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (!ended && value === '--') {
      ended = true;
      continue;
    }
    if (!ended && value !== undefined && value.startsWith('-') && value.length > 1) {
      if (optionsWithValue.includes(value)) i++;
      continue;
    }
    result.push(args[i]);
  }
  return result;
}

const matchers = new Map<string, RegExp>();

/** Whether removing `deleted` (a path or glob, maybe a directory) removes `created` (a path, or `dir/*` for a directory's content). */
export function removes(deleted: string, created: string): boolean {
  const target = deleted.replace(/\/+$/, '');
  const file = created.replace(/\/+$/, '');
  if (target === '' || target === '/') return false;
  if (file === target || file.startsWith(`${target}/`)) return true;
  if (!/[*?[]/.test(target)) return false;
  let pattern = matchers.get(target);
  if (!pattern) {
    pattern = new RegExp(`^${target.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}(/.*)?$`);
    if (matchers.size > 1000) matchers.clear();
    matchers.set(target, pattern);
  }
  return pattern.test(file);
}
