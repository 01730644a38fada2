// The shell scripts a RUN instruction hands to its shell, with the way back from script offsets
// to Dockerfile offsets. Shell form: the logical line (what BuildKit passes to `sh -c`), followed
// by the bodies of its here-documents as the shell reads them. A RUN that is only a here-document
// (`RUN <<EOF`): its body is the script. Exec form: one command made of the JSON elements.
import { logicalEndToSource, logicalToSource, sourceToLogical } from '../syntax/logicalLine';
import type { Instruction } from '../syntax/types';
import type { ShellCache } from './cache';
import type { ShellCommand, ShellScript, ShellWord } from './types';

/** A run of script text copied from the Dockerfile: script offset → source offset. */
interface Segment {
  readonly scriptStart: number;
  readonly scriptEnd: number;
  /** Maps a script offset inside the segment to a Dockerfile offset. */
  readonly toSource: (offset: number) => number;
}

export class RunScript {
  private segmentList: readonly Segment[] | undefined;

  constructor(
    readonly instruction: Instruction,
    readonly script: ShellScript,
    /** The offset map, built only when a finding needs a position (most RUNs have none). */
    private readonly makeSegments: () => readonly Segment[],
    /** Exec form: no shell runs, so pipes, `cd` and the like mean nothing. */
    readonly execForm: boolean,
  ) {}

  private get segments(): readonly Segment[] {
    return (this.segmentList ??= this.makeSegments());
  }

  get commands(): readonly ShellCommand[] {
    return this.script.commands;
  }

  /** Commands whose program (after `sudo`, `env` and the like) is one of `names`. */
  commandsNamed(...names: string[]): ShellCommand[] {
    return this.script.commands.filter((command) => {
      const name = programName(command);
      return name !== undefined && names.includes(name);
    });
  }

  /** Dockerfile offset of a script offset. */
  toSource(offset: number): number {
    for (const segment of this.segments) {
      if (offset >= segment.scriptStart && offset <= segment.scriptEnd) return segment.toSource(offset);
    }
    const last = this.segments[this.segments.length - 1];
    return last ? last.toSource(last.scriptEnd) : this.instruction.end;
  }

  /** Dockerfile span of a script span (a word, a command …). */
  sourceSpan(span: { readonly start: number; readonly end: number }): { start: number; end: number } {
    const start = this.toSource(span.start);
    const end = span.end > span.start ? this.toSource(span.end - 1) + 1 : start;
    return { start, end: Math.max(start, end) };
  }
}

const SHELL_SHEBANG = /^#!\s*(?:\/usr)?\/bin\/(?:env\s+)?(?:sh|bash|ash|dash|ksh)\b/;

/** The script(s) of a RUN instruction; undefined for an empty RUN or a here-document in another language. */
export function runScript(instruction: Instruction, cache: ShellCache): RunScript | undefined {
  if (instruction.form === 'exec' && instruction.exec) return execScript(instruction);
  const args = instruction.argumentsText;
  if (!args) return undefined;
  const logical = instruction.logicalText;
  const map = instruction.logicalMap;
  const logicalStart = sourceToLogical(map, args.start);
  const logicalEnd = sourceToLogical(map, args.end - 1) + 1;
  const line = logical.slice(logicalStart, logicalEnd);
  const heredocs = instruction.heredocs;

  // `RUN <<EOF` (optionally `RUN <<EOF <<EOF2 …` — BuildKit then runs the first): the body is the script.
  if (heredocs.length > 0 && line.trim() === heredocs.map((heredoc) => heredoc.marker.text).join(' ').trim() && heredocs.length === 1) {
    const { text, segments } = heredocText(heredocs[0], 0);
    if (text.startsWith('#!') && !SHELL_SHEBANG.test(text)) return undefined;
    return new RunScript(instruction, cache.parse(text), () => segments, false);
  }

  if (heredocs.length === 0) {
    const makeSegments = (): Segment[] => [lineSegment(map, logicalStart, line.length)];
    return new RunScript(instruction, cache.parse(line), makeSegments, false);
  }
  const segments: Segment[] = [lineSegment(map, logicalStart, line.length)];
  let text = line;
  for (const heredoc of heredocs) {
    text += '\n';
    const body = heredocText(heredoc, text.length);
    segments.push(...body.segments);
    text += body.text;
    if (!body.text.endsWith('\n') && body.text !== '') text += '\n';
    text += heredoc.name;
  }
  return new RunScript(instruction, cache.parse(text), () => segments, false);
}

/** The instruction's logical line (after the keyword and flags) as the start of the script. */
function lineSegment(map: readonly number[], logicalStart: number, length: number): Segment {
  return {
    scriptStart: 0,
    scriptEnd: length,
    toSource: (offset) => (offset < length ? logicalToSource(map, logicalStart + offset) : logicalEndToSource(map, logicalStart, logicalStart + length)),
  };
}

/**
 * A here-document body as the shell gets it: BuildKit reads lines without their `\r`, so CRLF
 * files give LF scripts. Each line is its own segment, mapped to where it is in the source.
 */
function heredocText(heredoc: Instruction['heredocs'][number], scriptStart: number): { text: string; segments: Segment[] } {
  const content = heredoc.content;
  const bodyLength = heredoc.body.end - heredoc.body.start;
  // The parser's content has each CRLF line's CR dropped: in a CRLF file line k starts k characters later in the source.
  const crlf = bodyLength !== content.length && bodyLength === content.length + countLineBreaks(content);
  const exact = bodyLength === content.length || crlf;
  const segments: Segment[] = [];
  let text = '';
  let contentOffset = 0;
  let lineIndex = 0;
  while (contentOffset < content.length) {
    let lineEnd = content.indexOf('\n', contentOffset);
    if (lineEnd < 0) lineEnd = content.length;
    const hasCr = lineEnd > contentOffset && content[lineEnd - 1] === '\r';
    const line = content.slice(contentOffset, hasCr ? lineEnd - 1 : lineEnd);
    const lineScriptStart = scriptStart + text.length;
    const sourceStart = heredoc.body.start + contentOffset + (crlf ? lineIndex : 0);
    // With `<<-` BuildKit strips leading tabs, so the body no longer matches the source
    // character for character: point at the body's start then.
    segments.push({ scriptStart: lineScriptStart, scriptEnd: lineScriptStart + line.length, toSource: (offset) => (exact ? sourceStart + (offset - lineScriptStart) : heredoc.body.start) });
    text += line + (lineEnd < content.length ? '\n' : '');
    contentOffset = lineEnd + 1;
    lineIndex++;
  }
  return { text, segments };
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

function execScript(instruction: Instruction): RunScript {
  const elements = instruction.exec?.elements ?? [];
  const words: ShellWord[] = [];
  let offset = 0;
  const segments: Segment[] = [];
  let text = '';
  for (const element of elements) {
    const start = offset;
    words.push({ start, end: start + element.value.length, text: element.value, value: element.value });
    segments.push({ scriptStart: start, scriptEnd: start + element.value.length, toSource: (at) => (at === start ? element.start : Math.min(element.end, element.start + 1 + (at - start))) });
    text += element.value + ' ';
    offset = text.length;
  }
  const command: ShellCommand = { start: 0, end: Math.max(0, text.length - 1), words, assignments: [], redirects: [], inPipeline: false, nested: false };
  const script: ShellScript = { text, commands: words.length > 0 ? [command] : [], pipes: [], error: undefined };
  return new RunScript(instruction, script, () => segments, true);
}

/** Commands that run the command after them (with their own options first). */
const WRAPPERS: Readonly<Record<string, { readonly optionsWithValue: readonly string[] }>> = {
  sudo: { optionsWithValue: ['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '--user', '--group'] },
  env: { optionsWithValue: ['-u', '--unset', '-C', '--chdir', '-S'] },
  nice: { optionsWithValue: ['-n', '--adjustment'] },
  nohup: { optionsWithValue: [] },
  time: { optionsWithValue: ['-f', '-o'] },
  exec: { optionsWithValue: ['-a'] },
  command: { optionsWithValue: [] },
  eatmydata: { optionsWithValue: [] },
  chroot: { optionsWithValue: [] },
};

/** Index of the word that names the program actually run (after `sudo -E`, `env A=1` …). */
export function programIndex(command: ShellCommand): number {
  const words = command.words;
  let index = 0;
  while (index < words.length) {
    const name = baseName(words[index].value);
    const wrapper = name !== undefined ? WRAPPERS[name] : undefined;
    if (!wrapper) return index;
    index++;
    while (index < words.length) {
      const value = words[index].value;
      if (value === undefined) return index;
      if (value === '--') {
        index++;
        break;
      }
      if (name === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(value)) {
        index++;
        continue;
      }
      if (!value.startsWith('-')) break;
      index += wrapper.optionsWithValue.includes(value) ? 2 : 1;
    }
  }
  return index;
}

/** The program a command runs (`apt-get` for `sudo /usr/bin/apt-get …`); undefined when it is computed. */
export function programName(command: ShellCommand): string | undefined {
  const word = command.words[programIndex(command)];
  return word ? baseName(word.value) : undefined;
}

/** The words after the program name. */
export function programArgs(command: ShellCommand): readonly ShellWord[] {
  return command.words.slice(programIndex(command) + 1);
}

function baseName(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const slash = value.lastIndexOf('/');
  return slash >= 0 ? value.slice(slash + 1) : value;
}
