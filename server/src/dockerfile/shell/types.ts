// A shell script as the lint rules read it: every simple command with its words, where each
// word is and what it says when it has no expansions. Offsets are UTF-16 offsets into the
// script text (see RunScript for the mapping back to the Dockerfile).

export interface ShellWord {
  readonly start: number;
  readonly end: number;
  /** The word as written (quotes kept). */
  readonly text: string;
  /** The word after quote removal; undefined when it holds an expansion (`$X`, `$(…)`, `$((…))`). */
  readonly value: string | undefined;
}

export interface ShellRedirect {
  readonly start: number;
  readonly end: number;
  /** `>`, `>>`, `<`, `>&`, `<<`, `<<<` … */
  readonly operator: string;
  /** The file descriptor written before the operator (`2>`), if any. */
  readonly fileDescriptor: string | undefined;
  readonly target: ShellWord | undefined;
}

export interface ShellCommand {
  readonly start: number;
  readonly end: number;
  /** Every word, the command name first. Empty for a bare assignment (`A=1`). */
  readonly words: readonly ShellWord[];
  /** Names assigned before the command (`DEBIAN_FRONTEND=noninteractive apt-get …`). */
  readonly assignments: readonly string[];
  readonly redirects: readonly ShellRedirect[];
  /** Part of a pipeline (`a | b`). */
  readonly inPipeline: boolean;
  /** Inside a command substitution or process substitution (`$(…)`, `` `…` ``, `<(…)`). */
  readonly nested: boolean;
}

export interface ShellSyntaxError {
  readonly offset: number;
  readonly message: string;
}

export interface ShellScript {
  readonly text: string;
  /** Simple commands in source order (nested ones included, flagged `nested`). */
  readonly commands: readonly ShellCommand[];
  /** The `|` / `|&` operators. */
  readonly pipes: readonly { readonly start: number; readonly end: number }[];
  /** Set when the text is not valid shell; `commands` then holds what was read before the error. */
  readonly error: ShellSyntaxError | undefined;
}
