// `# check=…`: options BuildKit rejects, and check names that match nothing (they are case-sensitive).
import { BUILD_CHECKS } from '../../reference';
import type { Comment } from '../../syntax/types';
import { parseCheckOptions } from '../ignores';
import { EVERY_INSTRUCTION, type Check, type CheckContext } from '../types';
import { closest, didYouMean } from '../support/suggest';

const NAMES = BUILD_CHECKS.map((check) => check.name);

export const check: Check = {
  document(context) {
    for (const directive of context.document.ast.directives) {
      if (directive.name === 'check') validate(directive.valueToken.value, directive.valueToken.start, directive.valueToken.text === directive.valueToken.value, context);
    }
  },
  // Per-instruction `# check=skip=…` comments (BuildKit frontend 1.21+): visited with their
  // instruction, so an unchanged instruction's findings are reused.
  instructions: EVERY_INSTRUCTION,
  visit(instruction, context) {
    for (const comment of instruction.precedingComments) checkComment(comment, context);
  },
};

function checkComment(comment: Comment, context: CheckContext): void {
  const match = /^(#\s*check\s*=\s*)(\S+)/i.exec(context.text.slice(comment.start, comment.end));
  if (match) validate(match[2], comment.start + match[1].length, true, context);
}

function validate(value: string, start: number, verbatim: boolean, context: CheckContext): void {
  const options = parseCheckOptions(value);
  const at = (from: number, to: number) => (verbatim ? { start: start + from, end: start + Math.max(to, from + 1) } : { start, end: start + value.length });
  for (const problem of options.problems) context.report({ ...at(problem.start, problem.end), message: problem.message });
  for (const name of [...options.skip, ...options.experimental]) {
    if (NAMES.includes(name)) continue;
    const offset = value.indexOf(name);
    const suggestion = closest(name, NAMES);
    // A name we do not know may be a newer BuildKit check: only a likely typo is reported.
    if (!suggestion) continue;
    context.report({
      ...at(offset, offset + name.length),
      message: `Unknown build check "${name}": it skips nothing.${didYouMean(suggestion)}${suggestion.toLowerCase() === name.toLowerCase() ? ' (check names are case-sensitive)' : ''}`,
      fix: verbatim && offset >= 0 ? () => ({ title: `Replace with ${suggestion}`, edits: [{ start: start + offset, end: start + offset + name.length, newText: suggestion }] }) : undefined,
    });
  }
}
