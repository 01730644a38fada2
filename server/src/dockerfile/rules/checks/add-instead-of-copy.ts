// ADD of plain local files: COPY says what it does (DL3020). Archives (extracted) and URLs are ADD's job.
import type { Check } from '../types';

export const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst|tar\.lz|tar\.lzma|gz|bz2|xz|zst)$/i;
export const REMOTE = /^(https?|git|ssh):\/\/|^git@|\.git(#.*)?$/i;

export const check: Check = {
  instructions: ['ADD'],
  visit(instruction, context) {
    if (instruction.args.length < 2 && instruction.heredocs.length === 0) return;
    const expanded = context.factsOf(instruction)?.expandedArgs;
    const sources = instruction.args.slice(0, -1).map((arg, index) => expanded?.[index]?.value ?? arg.value);
    if (sources.some((source) => ARCHIVE.test(source) || REMOTE.test(source) || source.includes('$'))) return;
    // Flags only ADD has (--checksum, --keep-git-dir, --unpack) mean the ADD is deliberate.
    if (instruction.flags.some((flag) => ['checksum', 'keep-git-dir', 'unpack'].includes(flag.name.value))) return;
    const keyword = instruction.keyword;
    const replacement = keyword.text === keyword.text.toLowerCase() ? 'copy' : 'COPY';
    context.report({
      start: keyword.start,
      end: keyword.end,
      message: 'Use COPY instead of ADD for files and folders: ADD also fetches URLs and extracts archives.',
      fix: () => ({ title: 'Replace ADD with COPY', edits: [{ start: keyword.start, end: keyword.end, newText: replacement }] }),
    });
  },
};
