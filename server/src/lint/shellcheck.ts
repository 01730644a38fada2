// ShellCheck on RUN scripts, as hadolint does, when it is installed and turned on
// (`layerwise.lint.shellcheck.enable`, off by default; `layerwise lint --shellcheck`). Each
// distinct script runs once (results are kept by text); a missing binary is reported once, with
// how to install it or point `layerwise.lint.shellcheck.path` at it.
import { spawn } from 'node:child_process';
import type { DockerfileDocument, Instruction } from '../dockerfile';
import { inlineIgnored } from '../dockerfile/rules';
import type { ShellCache } from '../dockerfile/shell/cache';
import { runScript, type RunScript } from '../dockerfile/shell/runScript';

export interface ShellcheckFinding {
  readonly start: number;
  readonly end: number;
  /** `SC2086`. */
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
}

interface Json1Comment {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly level: 'error' | 'warning' | 'info' | 'style';
  readonly code: number;
  readonly message: string;
}

export class ShellcheckUnavailableError extends Error {}

const MAX_PARALLEL = 4;
const TIMEOUT_MS = 10_000;

export class ShellcheckRunner {
  private readonly results = new Map<string, Promise<readonly Json1Comment[]>>();

  constructor(private readonly executable: string) {}

  /** Findings for every shell-form RUN of the document, mapped to Dockerfile offsets. */
  async check(document: DockerfileDocument, shells: ShellCache, ignoredCodes: ReadonlySet<string>): Promise<ShellcheckFinding[]> {
    const runs: { instruction: Instruction; script: RunScript }[] = [];
    for (const instruction of document.ast.instructions) {
      if (instruction.name !== 'RUN' || instruction.form !== 'shell') continue;
      const script = runScript(instruction, shells);
      if (script && !script.script.error) runs.push({ instruction, script });
    }
    const findings: ShellcheckFinding[] = [];
    for (let i = 0; i < runs.length; i += MAX_PARALLEL) {
      const batch = runs.slice(i, i + MAX_PARALLEL);
      const answers = await Promise.all(batch.map(({ script }) => this.commentsFor(script.script.text)));
      batch.forEach(({ script }, index) => {
        for (const comment of answers[index]) {
          const code = `SC${comment.code}`;
          if (ignoredCodes.has(code)) continue;
          const start = script.toSource(offsetOf(script.script.text, comment.line, comment.column));
          const endOffset = offsetOf(script.script.text, comment.endLine, comment.endColumn);
          const end = endOffset > 0 ? script.toSource(endOffset - 1) + 1 : start;
          if (inlineIgnored(document.ast, start, [code])) continue;
          findings.push({ start, end: Math.max(start, end), code, severity: comment.level === 'style' ? 'info' : comment.level, message: comment.message });
        }
      });
    }
    return findings;
  }

  private commentsFor(text: string): Promise<readonly Json1Comment[]> {
    let result = this.results.get(text);
    if (!result) {
      result = this.run(text);
      if (this.results.size > 5000) this.results.clear();
      this.results.set(text, result);
      result.catch(() => this.results.delete(text));
    }
    return result;
  }

  private run(text: string): Promise<readonly Json1Comment[]> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.executable, ['--format=json1', '--shell=bash', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`ShellCheck took more than ${TIMEOUT_MS} ms on a RUN script`));
      }, TIMEOUT_MS);
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
      child.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(
          error.code === 'ENOENT'
            ? new ShellcheckUnavailableError(`ShellCheck is not installed (no "${this.executable}" on the PATH): install it (apt-get install shellcheck, brew install shellcheck) or set layerwise.lint.shellcheck.path.`)
            : error,
        );
      });
      child.on('close', () => {
        clearTimeout(timer);
        try {
          resolve((JSON.parse(out) as { comments: Json1Comment[] }).comments);
        } catch {
          reject(new Error(`ShellCheck gave no JSON output${err ? `: ${err.trim()}` : ''}`));
        }
      });
      child.stdin.end(text);
    });
  }
}

/** ShellCheck's 1-based line and column (tabs count as 8 columns) as an offset into `text`. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  let visual = 1;
  while (visual < column && offset < text.length && text[offset] !== '\n') {
    visual += text[offset] === '\t' ? 8 - ((visual - 1) % 8) : 1;
    offset++;
  }
  return offset;
}
