// Inline ignores in the three dialects users already write:
//   ours      `# layerwise-ignore <id|alias>[, …]`   (next instruction; no ids: every rule)
//             `# layerwise-ignore-file <id|alias>[, …]` (whole file)
//   hadolint  `# hadolint ignore=DL3008,SC2086`       (next instruction)
//             `# hadolint global ignore=…`            (whole file)
//             `# hadolint stage ignore=…`             (rest of the stage)
//             `# hadolint shell=powershell`           (RUN is not POSIX shell: shell rules off)
//   BuildKit  `# check=skip=A,B|all;error=true;experimental=…` as the parser directive (whole
//             file) and, since frontend 1.21, `# check=skip=…` right above an instruction.
// Codes compare case-insensitively; anything after the codes (`# hadolint ignore=DL3008 # why`,
// `# check=skip=all // why`, `# layerwise-ignore x -- why`) is a comment.
import { parseBoolean } from '../reference';
import type { Comment, Instruction, Span } from '../syntax/types';

export interface Pragma extends Span {
  readonly kind: 'instruction' | 'file' | 'stage';
  readonly dialect: 'layerwise' | 'hadolint' | 'buildkit';
  /** Lower-cased codes; empty with `all` true means every rule. */
  readonly codes: readonly string[];
  readonly all: boolean;
}

export interface CheckDirectiveOptions {
  readonly skip: readonly string[];
  readonly skipAll: boolean;
  readonly error: boolean;
  readonly experimental: readonly string[];
  readonly experimentalAll: boolean;
  /** What BuildKit would reject, with the offsets (in the directive's value) to point at. */
  readonly problems: readonly { readonly start: number; readonly end: number; readonly message: string }[];
}

const LAYERWISE = /^layerwise-ignore(-file)?(?=\s|$)\s*(.*)$/;
const HADOLINT_IGNORE = /^hadolint\s+(?:(global|stage)\s+)?ignore\s*=\s*(\S*)/;
const HADOLINT_SHELL = /^hadolint\s+shell\s*=\s*(\S+)/;
const CHECK = /^check\s*=\s*(\S.*)$/i;

/** The pragma a comment holds, if any. */
export function readPragma(comment: Comment): Pragma | { readonly shell: string } | undefined {
  const text = comment.value;
  let match = LAYERWISE.exec(text);
  if (match) {
    const codes = splitCodes(withoutReason(match[2]).codes);
    return pragma(comment, match[1] ? 'file' : 'instruction', 'layerwise', codes);
  }
  match = HADOLINT_IGNORE.exec(text);
  if (match) {
    const kind = match[1] === 'global' ? 'file' : match[1] === 'stage' ? 'stage' : 'instruction';
    return pragma(comment, kind, 'hadolint', splitCodes(match[2]));
  }
  match = HADOLINT_SHELL.exec(text);
  if (match) return { shell: match[1] };
  match = CHECK.exec(text);
  if (match) {
    const options = parseCheckOptions(match[1].split(/\s/)[0]);
    if (options.skipAll) return { ...pragma(comment, 'instruction', 'buildkit', []), all: true };
    if (options.skip.length > 0) return pragma(comment, 'instruction', 'buildkit', options.skip.map((code) => code.toLowerCase()));
  }
  return undefined;
}

function pragma(comment: Comment, kind: Pragma['kind'], dialect: Pragma['dialect'], codes: string[]): Pragma {
  return { start: comment.start, end: comment.end, range: comment.range, kind, dialect, codes, all: codes.length === 0 };
}

/** `a, b -- why` (or `a, b # why`): the codes and what follows them (a reason, kept as written). */
export function withoutReason(text: string): { readonly codes: string; readonly reason: string } {
  const match = /\s+--\s|\s#/.exec(text);
  return match ? { codes: text.slice(0, match.index), reason: text.slice(match.index) } : { codes: text, reason: '' };
}

function splitCodes(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((code) => code.trim().toLowerCase())
    .filter((code) => code !== '');
}

/** BuildKit's ParseLintOptions: `skip=…;error=…;experimental=…` (at most one of each). */
export function parseCheckOptions(value: string): CheckDirectiveOptions {
  const skip: string[] = [];
  const experimental: string[] = [];
  const problems: { start: number; end: number; message: string }[] = [];
  let skipAll = false;
  let experimentalAll = false;
  let error = false;
  let offset = 0;
  const parts = value.split(';');
  if (parts.length > 3) problems.push({ start: 0, end: value.length, message: 'The check directive takes at most three options (skip, error, experimental) separated by ";".' });
  for (const part of parts) {
    const equals = part.indexOf('=');
    const key = (equals < 0 ? part : part.slice(0, equals)).trim();
    const optionValue = equals < 0 ? '' : part.slice(equals + 1).trim();
    const keyStart = offset + part.indexOf(key);
    if (key === '' && part.trim() === '') {
      offset += part.length + 1;
      continue;
    }
    switch (key.toLowerCase()) {
      case 'skip':
        if (optionValue === 'all') skipAll = true;
        else skip.push(...optionValue.split(',').map((name) => name.trim()).filter((name) => name !== ''));
        break;
      case 'experimental':
        if (optionValue === 'all') experimentalAll = true;
        else experimental.push(...optionValue.split(',').map((name) => name.trim()).filter((name) => name !== ''));
        break;
      case 'error': {
        const parsed = parseBoolean(optionValue);
        if (parsed === undefined) {
          problems.push({ start: keyStart, end: offset + part.length, message: `Invalid value "${optionValue}" for check option error: use true or false.` });
        } else error = parsed;
        break;
      }
      default:
        problems.push({ start: keyStart, end: keyStart + key.length, message: `Invalid check option "${key}": use skip=, error= or experimental=.` });
    }
    offset += part.length + 1;
  }
  return { skip, skipAll, error, experimental, experimentalAll, problems };
}

/**
 * Whether an inline ignore silences `codes` for a finding at `offset` (findings from outside the
 * rules engine, such as ShellCheck's): file-wide pragmas, `# hadolint stage ignore`, and the
 * comments right above the instruction.
 */
export function inlineIgnored(ast: { readonly comments: readonly Comment[]; readonly instructions: readonly Instruction[] }, offset: number, codes: readonly string[]): boolean {
  const lower = codes.map((code) => code.toLowerCase());
  const hit = (pragma: Pragma): boolean => (pragma.all ? pragma.dialect !== 'buildkit' : pragma.codes.some((code) => lower.includes(code)));
  let stageStart = 0;
  for (const instruction of ast.instructions) {
    if (instruction.start > offset) break;
    if (instruction.name === 'FROM') stageStart = instruction.start;
  }
  for (const comment of ast.comments) {
    const pragma = readPragma(comment);
    if (!pragma || 'shell' in pragma) continue;
    if (pragma.kind === 'file' && hit(pragma)) return true;
    if (pragma.kind === 'stage' && pragma.start >= stageStart && pragma.start < offset && hit(pragma)) return true;
  }
  let low = 0;
  let high = ast.instructions.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const instruction = ast.instructions[mid];
    if (offset < instruction.start) high = mid - 1;
    else if (offset > instruction.end) low = mid + 1;
    else return instruction.precedingComments.some((comment) => {
      const pragma = readPragma(comment);
      return pragma !== undefined && !('shell' in pragma) && pragma.kind === 'instruction' && hit(pragma);
    });
  }
  return false;
}
