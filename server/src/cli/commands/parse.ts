// `layerwise parse FILE`: the syntax problems of a Dockerfile, `--dump` for BuildKit's own
// parser dump format (diffable against BuildKit's test results), `--json` for the whole tree.
import { readFile } from 'node:fs/promises';
import { BUILDKIT_PARSE_FAILURES, dumpBuildkit, parseDockerfile, type Problem } from '../../dockerfile';
import type { CliCommand, CliIO } from '../command';

const exitCodes = { ok: 0, problems: 1, usage: 2, unreadable: 3 } as const;

const usage = `Usage: layerwise parse FILE [--dump | --json]

Parses a Dockerfile with BuildKit's grammar and lists its syntax problems (exit 1 when there are
errors). FILE may be - for standard input.

Options:
  --dump   print the tree in BuildKit's parser dump format, e.g. (from "alpine"); files BuildKit's
           parser rejects print their errors instead (exit 1)
  --json   print the syntax tree as JSON (offsets and LSP ranges on every token)
`;

export const parseCommand: CliCommand = {
  name: 'parse',
  summary: "parse a Dockerfile: syntax problems, BuildKit's dump format (--dump) or the tree (--json)",
  async run(argv, io) {
    let mode: 'problems' | 'dump' | 'json' = 'problems';
    let file: string | undefined;
    for (const arg of argv) {
      if (arg === '--help' || arg === '-h') {
        io.stdout.write(usage);
        return exitCodes.ok;
      }
      if (arg === '--dump' || arg === '--json') {
        if (mode !== 'problems') return usageError(io, 'use either --dump or --json, not both');
        mode = arg === '--dump' ? 'dump' : 'json';
      } else if (arg.startsWith('--')) {
        return usageError(io, `unknown option ${arg}`);
      } else if (file === undefined) {
        file = arg;
      } else {
        return usageError(io, `one file at a time (got ${file} and ${arg})`);
      }
    }
    if (file === undefined) return usageError(io, 'name the Dockerfile to parse');

    let text: string;
    try {
      text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
    } catch (error) {
      io.stderr.write(`layerwise parse: cannot read ${file}: ${(error as Error).message}\n`);
      return exitCodes.unreadable;
    }

    const ast = parseDockerfile(text);
    const errors = ast.problems.filter((problem) => problem.severity === 'error');
    if (mode === 'dump') {
      const rejected = errors.filter((problem) => BUILDKIT_PARSE_FAILURES.has(problem.code));
      if (rejected.length > 0) {
        for (const problem of rejected) io.stderr.write(formatProblem(file, problem));
        return exitCodes.problems;
      }
      io.stdout.write(dumpBuildkit(ast));
      return exitCodes.ok;
    }
    if (mode === 'json') {
      const { lines: _lines, source: _source, ...tree } = ast;
      io.stdout.write(JSON.stringify(tree, null, 2) + '\n');
      return errors.length > 0 ? exitCodes.problems : exitCodes.ok;
    }
    for (const problem of ast.problems) io.stdout.write(formatProblem(file, problem));
    io.stdout.write(`${file}: ${ast.instructions.length} instructions, ${errors.length} errors\n`);
    return errors.length > 0 ? exitCodes.problems : exitCodes.ok;
  },
};

/** `FILE:LINE:COLUMN: error: message [code]`, one-based like compilers print. */
export function formatProblem(file: string, problem: Problem): string {
  const { line, character } = problem.range.start;
  return `${file}:${line + 1}:${character + 1}: ${problem.severity}: ${problem.message} [${problem.code}]\n`;
}

function usageError(io: CliIO, message: string): number {
  io.stderr.write(`layerwise parse: ${message}\nRun 'layerwise parse --help' for the options.\n`);
  return exitCodes.usage;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
