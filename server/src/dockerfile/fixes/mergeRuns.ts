// Merges consecutive RUN instructions into one (`RUN a` + `RUN b` → `RUN a && \` / `    b`), when
// that changes nothing but the number of layers: shell form, no here-documents, the same flags,
// only blank lines between them, and no earlier RUN changes the shell's state (`cd`, `export`,
// `set`…) that the next one would then inherit.
import type { DockerfileDocument, Instruction } from '../index';
import type { ShellCache } from '../shell/cache';
import { programName, runScript } from '../shell/runScript';
import type { Fix, TextEdit } from '../rules/types';
import { lineEndingAt } from './text';

const STATEFUL = new Set(['cd', 'pushd', 'popd', 'exit', 'set', 'export', 'source', '.', 'unset', 'umask', 'shopt', 'trap', 'exec', 'alias', 'return']);

export function mergeRuns(document: DockerfileDocument, runs: readonly Instruction[], shells: ShellCache, title = 'Merge into one RUN'): Fix | undefined {
  if (runs.length < 2) return undefined;
  const text = document.text;
  const flags = flagText(runs[0]);
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i];
    if (run.name !== 'RUN' || run.form !== 'shell' || !run.argumentsText || run.heredocs.length > 0) return undefined;
    if (flagText(run) !== flags) return undefined;
    if (i > 0 && text.slice(runs[i - 1].end, run.start).trim() !== '') return undefined;
    if (i < runs.length - 1) {
      const script = runScript(run, shells);
      if (!script || script.script.error) return undefined;
      if (script.commands.some((command) => !command.nested && STATEFUL.has(programName(command) ?? ''))) return undefined;
      if (/&\s*$/.test(run.argumentsText.value) && !/&&\s*$/.test(run.argumentsText.value)) return undefined;
    }
  }
  const edits: TextEdit[] = [];
  const escape = document.ast.escapeChar;
  for (let i = 1; i < runs.length; i++) {
    const previous = runs[i - 1].argumentsText!;
    const next = runs[i].argumentsText!;
    const eol = lineEndingAt(text, previous.end);
    const joiner = /(?:&&|\|\||;)\s*$/.test(previous.value) ? '' : ' &&';
    edits.push({ start: previous.end, end: next.start, newText: `${joiner} ${escape}${eol}    ` });
  }
  return { title, edits };
}

function flagText(run: Instruction): string {
  return run.flags.map((flag) => flag.raw).join(' ');
}
