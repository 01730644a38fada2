// How a program was invoked: its subcommand, its options and its positional arguments, read the
// way getopt would (combined short options, `--opt=value`, options that take the next word,
// `--` ending the options). The package-manager rules work on these.
import { programArgs, programIndex, programName, type RunScript } from './runScript';
import type { ShellCommand, ShellScript, ShellWord } from './types';

export interface Invocation {
  readonly command: ShellCommand;
  readonly program: string;
  readonly programWord: ShellWord;
  /** The first positional argument when subcommands were asked for (`install` in `apt-get -q install x`). */
  readonly subcommand: ShellWord | undefined;
  /** Every word after the program. */
  readonly args: readonly ShellWord[];
  /** Positional words after the subcommand (or after the program), options and their values removed. */
  readonly operands: readonly ShellWord[];
}

export interface InvocationSpec {
  /** Program names (`pip`, `pip3`; `python -m pip` is recognised for pip). */
  readonly programs: readonly string[];
  /** Only invocations with one of these subcommands; absent: any. */
  readonly subcommands?: readonly string[];
  /** Options that take the next word as their value (`-o`, `--virtual`). */
  readonly optionsWithValue?: readonly string[];
}

/**
 * Invocations by spec and command: parsed commands live in the ShellCache between lint runs, and
 * rules pass the same (module-level) spec objects, so each command is read once per rule.
 */
const invocationCache = new WeakMap<InvocationSpec, WeakMap<ShellCommand, Invocation | null>>();

/** Every invocation of a program in a RUN's script (nested `$(…)` ones included). */
export function invocations(script: RunScript, spec: InvocationSpec): Invocation[] {
  const byProgram = programIndexOf(script.script);
  const found: Invocation[] = [];
  for (const program of spec.programs) {
    const commands = byProgram.get(program);
    if (!commands) continue;
    let cache = invocationCache.get(spec);
    if (!cache) invocationCache.set(spec, (cache = new WeakMap()));
    for (const command of commands) {
      let invocation = cache.get(command);
      if (invocation === undefined) cache.set(command, (invocation = readInvocation(command, spec) ?? null));
      if (invocation) found.push(invocation);
    }
  }
  if (spec.programs.length > 1 && found.length > 1) found.sort((a, b) => a.command.start - b.command.start);
  return found;
}

/**
 * Commands by the program they run (`python -m pip` under `pip` too), computed once per parsed
 * script: dozens of rules ask each RUN for their program, and most RUNs run none of them.
 */
const programIndexes = new WeakMap<ShellScript, Map<string, ShellCommand[]>>();

function programIndexOf(script: ShellScript): Map<string, ShellCommand[]> {
  let index = programIndexes.get(script);
  if (index) return index;
  index = new Map();
  for (const command of script.commands) {
    let name = programName(command);
    if (name === undefined) continue;
    if (/^python[0-9.]*$/.test(name)) {
      const args = programArgs(command);
      const module = args.findIndex((word) => word.value === '-m');
      if (module >= 0 && args[module + 1]?.value) name = args[module + 1].value!;
    }
    const list = index.get(name);
    if (list) list.push(command);
    else index.set(name, [command]);
  }
  programIndexes.set(script, index);
  return index;
}

const programSets = new WeakMap<ShellScript, ReadonlySet<string>>();

/** Every program the script runs, plus wrappers written first (`sudo`, `env`). */
export function programsIn(script: ShellScript): ReadonlySet<string> {
  let names = programSets.get(script);
  if (names) return names;
  const set = new Set(programIndexOf(script).keys());
  for (const command of script.commands) {
    const first = command.words[0]?.value;
    if (first !== undefined) set.add(first.slice(first.lastIndexOf('/') + 1));
  }
  programSets.set(script, (names = set));
  return names;
}

export function readInvocation(command: ShellCommand, spec: InvocationSpec): Invocation | undefined {
  let name = programName(command);
  let index = programIndex(command);
  if (name === undefined) return undefined;
  // `python3 -m pip install …`
  if (/^python[0-9.]*$/.test(name)) {
    const args = programArgs(command);
    const module = args.findIndex((word) => word.value === '-m');
    if (module < 0 || !args[module + 1]?.value) return undefined;
    name = args[module + 1].value!;
    index = index + 1 + module + 1;
  }
  if (!spec.programs.includes(name)) return undefined;
  const args = command.words.slice(index + 1);
  const withValue = spec.optionsWithValue ?? [];
  const positional = positionals(args, withValue);
  let subcommand: ShellWord | undefined;
  let operands = positional;
  if (spec.subcommands) {
    subcommand = positional[0];
    if (!subcommand || subcommand.value === undefined || !spec.subcommands.includes(subcommand.value)) return undefined;
    operands = positional.slice(1);
  }
  return { command, program: name, programWord: command.words[index], subcommand, args, operands };
}

/** Words that are not options nor option values. */
export function positionals(args: readonly ShellWord[], optionsWithValue: readonly string[]): ShellWord[] {
  const result: ShellWord[] = [];
  let optionsEnded = false;
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (optionsEnded || value === undefined || !value.startsWith('-') || value === '-') {
      result.push(args[i]);
      continue;
    }
    if (value === '--') {
      optionsEnded = true;
      continue;
    }
    if (!value.includes('=') && optionsWithValue.includes(value)) i++;
  }
  return result;
}

/**
 * Whether any of `options` is given: long ones (`--yes`, also as `--yes=…`), short ones (`-y`),
 * and single letters inside combined short options (`-qy` has `y`) when listed as `-y`.
 */
export function hasOption(args: readonly ShellWord[], options: readonly string[]): boolean {
  const letters = options.filter((option) => /^-[A-Za-z0-9]$/.test(option)).map((option) => option[1]);
  for (const word of args) {
    const value = word.value;
    if (value === undefined || !value.startsWith('-')) continue;
    if (value === '--') return false;
    if (options.includes(value) || options.some((option) => option.startsWith('--') && value.startsWith(`${option}=`))) return true;
    if (!value.startsWith('--') && letters.length > 0 && /^-[A-Za-z0-9]+$/.test(value) && letters.some((letter) => value.includes(letter))) return true;
  }
  return false;
}

/** Whether the RUN's script also runs `program` with one of `subcommands` (any when absent). */
export function runsCommand(script: RunScript, program: string | readonly string[], subcommands?: readonly string[]): boolean {
  const programs = typeof program === 'string' ? [program] : program;
  return invocations(script, { programs, subcommands }).length > 0;
}

/** Whether the RUN removes something under one of `paths` (`rm -rf /var/lib/apt/lists/*`). */
export function removesPath(script: RunScript, paths: readonly string[]): boolean {
  for (const invocation of invocations(script, { programs: ['rm'] })) {
    for (const operand of invocation.operands) {
      const value = operand.value ?? operand.text;
      if (paths.some((path) => value === path || value.startsWith(path))) return true;
    }
  }
  return false;
}
