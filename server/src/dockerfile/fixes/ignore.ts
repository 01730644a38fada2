// "Ignore this rule on this line" and "… in this file": a `# layerwise-ignore` comment above the
// instruction, or a `# layerwise-ignore-file` comment at the top (after any parser directive,
// which must stay first).
import type { DockerfileDocument, Instruction } from '../index';
import { withoutReason } from '../rules/ignores';
import type { Fix } from '../rules/types';
import { indentationAt, lineEndingAt, lineStart } from './text';

export function ignoreOnInstruction(document: DockerfileDocument, instruction: Instruction, code: string): Fix {
  const text = document.text;
  const at = lineStart(text, instruction.start);
  // Extend an ignore comment that is already there.
  const previous = instruction.precedingComments[instruction.precedingComments.length - 1];
  if (previous && /^layerwise-ignore(?=\s|$)/.test(previous.value)) {
    // The new code goes after the others, before a reason (`-- why`), which ends the list.
    const { codes, reason } = withoutReason(previous.value.replace(/^layerwise-ignore/, ''));
    const listed = codes.trim();
    return {
      title: `Ignore ${code} for this instruction`,
      edits: [{ start: previous.start, end: previous.end, newText: `# layerwise-ignore ${listed ? `${listed}, ` : ''}${code}${reason.trimEnd()}` }],
    };
  }
  const eol = lineEndingAt(text, instruction.start);
  return { title: `Ignore ${code} for this instruction`, edits: [{ start: at, end: at, newText: `${indentationAt(text, instruction.start)}# layerwise-ignore ${code}${eol}` }] };
}

export function ignoreInFile(document: DockerfileDocument, code: string): Fix {
  const text = document.text;
  const directives = document.ast.directives;
  let at = document.ast.hasBom ? 1 : 0;
  if (directives.length > 0) {
    const last = directives[directives.length - 1];
    const newline = text.indexOf('\n', last.end);
    at = newline < 0 ? text.length : newline + 1;
  }
  const eol = lineEndingAt(text, at);
  const prefix = at === text.length && at > 0 && !text.endsWith('\n') ? eol : '';
  return { title: `Ignore ${code} in this file`, edits: [{ start: at, end: at, newText: `${prefix}# layerwise-ignore-file ${code}${eol}` }] };
}
