// Merges consecutive RUN instructions into one (`RUN a` + `RUN b` → `RUN a && \` / `    b`), when
// that changes nothing but the number of layers: shell form, no here-documents, the same flags,
// only blank lines and comments between them (no ignore pragmas), and no earlier RUN changes the
// shell's state (`cd`, `export`, `set`, a bare `A=1`…) that the next one would then inherit.
//
// Each RUN fails the build when its script's status is not 0. Joined with `&&`, the next script
// must run only when the previous one succeeded, and its own status must decide: a script with
// `;`, `||`, `&` or several lines at its top level is wrapped in `{ …; }` (`X && a || b` would
// run `b` after a failed `X`; `X && a; b` would run `b` anyway), and a trailing `;` of the
// previous one is dropped (`false; && b` is not shell). Once joined, a `#` comment would run to
// the end of the one logical line BuildKit makes of the continuation lines and swallow what
// follows, so a script with a comment is only ever merged last, and unwrapped.
import type { DockerfileDocument, Instruction } from '../index';
import type { ShellCache } from '../shell/cache';
import { programName, runScript } from '../shell/runScript';
import { scriptShape, type ScriptShape } from './scriptShape';
import type { ShellCommand } from '../shell/types';
import { readPragma } from '../rules/ignores';
import type { Fix, TextEdit } from '../rules/types';
import { lineEndingAt } from './text';

const STATEFUL = new Set([
  'cd', 'pushd', 'popd', 'exit', 'set', 'export', 'source', '.', 'unset', 'umask', 'shopt', 'trap', 'exec', 'alias', 'return', 'readonly', 'declare',
  'typeset', 'local', 'eval', 'read', 'mapfile', 'readarray', 'getopts', 'let',
]);
// Variables set inside words (`: ${Z:=1}`, `$((n=1))`, `((n++))`) and function definitions.
const SETS_STATE = /\$\{#?[A-Za-z_]\w*:?=|\(\(|(?:^|[\s;&|(])(?:function\s+[\w-]+|[A-Za-z_][\w-]*\s*\(\s*\))/;

export function mergeRuns(document: DockerfileDocument, runs: readonly Instruction[], shells: ShellCache, title = 'Merge into one RUN'): Fix | undefined {
  if (runs.length < 2) return undefined;
  const text = document.text;
  const flags = flagText(runs[0]);
  const shapes: ScriptShape[] = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i];
    if (run.name !== 'RUN' || run.form !== 'shell' || !run.argumentsText || run.heredocs.length > 0) return undefined;
    if (flagText(run) !== flags) return undefined;
    if (i > 0 && commentsBetween(document, runs[i - 1].end, run.start) === undefined) return undefined;
    const script = runScript(run, shells);
    if (!script || script.script.error) return undefined;
    const shape = scriptShape(script);
    const last = i === runs.length - 1;
    const shellText = script.script.text.trim();
    if (shape.comment && (!last || shape.compound)) return undefined;
    // Joined, a script starting with `#` makes its line a Dockerfile comment line, which BuildKit
    // drops while the continuation goes on into the next instruction; one ending with a literal
    // `\` (the backtick escape) would escape the blank or `;` written after it.
    if ((i > 0 && shellText.startsWith('#')) || shellText.endsWith('\\')) return undefined;
    if (!last) {
      if (shape.background || SETS_STATE.test(shellText)) return undefined;
      if (script.commands.some((command) => !command.nested && (setsState(command) || (command.words.length === 0 && command.assignments.length > 0)))) return undefined;
    }
    shapes.push(shape);
  }
  const edits: TextEdit[] = [];
  const escape = document.ast.escapeChar;
  // Every script but the first is wrapped in `{ …; }` when compound. A group is closed where the
  // next join starts, in the same edit: two edits at one offset would overlap.
  const wrapped = shapes.map((shape, index) => index > 0 && shape.compound);
  // `{ a & }` is shell, `{ a &; }` is not; a list ending in `;` needs no other (an escaped `\;` does).
  const closing = (index: number) => (shapes[index].endsWithSemicolon || shapes[index].background ? ' }' : '; }');
  for (let i = 1; i < runs.length; i++) {
    const previous = runs[i - 1].argumentsText!;
    const next = runs[i].argumentsText!;
    const eol = lineEndingAt(text, previous.end);
    // `a;` joined: the `;` goes, the `&&` takes its place (a `\;` is find's argument, not a list's end).
    const dropSemicolon = !wrapped[i - 1] && shapes[i - 1].endsWithSemicolon && text.charCodeAt(previous.end - 1) === 0x3b /* ; */;
    const close = wrapped[i - 1] ? closing(i - 1) : '';
    const open = wrapped[i] ? ' {' : '';
    // Comment lines between the two stay, inside the continuation (BuildKit drops them there).
    const comments = commentsBetween(document, runs[i - 1].end, runs[i].start)!.map((comment) => `${comment}${eol}`).join('');
    edits.push({ start: dropSemicolon ? previous.end - 1 : previous.end, end: next.start, newText: `${close} &&${open} ${escape}${eol}${comments}    ` });
  }
  const last = runs.length - 1;
  if (wrapped[last]) edits.push({ start: runs[last].argumentsText!.end, end: runs[last].argumentsText!.end, newText: closing(last) });
  return { title, edits };
}

/**
 * The comment lines of the text between two RUNs (blank lines dropped), or undefined when it
 * holds anything else or a comment that tells the lint what to ignore on the next instruction
 * (inside the merged RUN it would apply to nothing).
 */
function commentsBetween(document: DockerfileDocument, from: number, to: number): string[] | undefined {
  const comments: string[] = [];
  for (const line of document.text.slice(from, to).split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (!trimmed.startsWith('#')) return undefined;
    comments.push(trimmed);
  }
  if (comments.length > 0 && document.ast.comments.some((comment) => comment.start > from && comment.start < to && readPragma(comment))) return undefined;
  return comments;
}

/** Whether a command leaves state behind for the commands after it (`printf -v` sets a variable). */
function setsState(command: ShellCommand): boolean {
  const name = programName(command) ?? '';
  return STATEFUL.has(name) || (name === 'printf' && command.words.some((word) => word.value === '-v'));
}

function flagText(run: Instruction): string {
  return run.flags.map((flag) => flag.raw).join(' ');
}
