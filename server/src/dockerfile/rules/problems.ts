// The parser's and the semantic model's problems become findings of the rules below, so they
// are configured, ignored and documented like every other rule.
import type { DockerfileModel } from '../semantic/types';
import type { Problem, ProblemCode } from '../syntax/types';
import type { RuleId } from './ids';

export const RULE_OF_PROBLEM_CODES: Readonly<Record<ProblemCode, RuleId>> = {
  'no-instructions': 'no-instructions',
  'line-too-long': 'line-too-long',
  'duplicate-directive': 'invalid-directive',
  'invalid-escape-directive': 'invalid-directive',
  'unknown-instruction': 'unknown-instruction',
  'empty-instruction': 'missing-arguments',
  'key-value-missing-value': 'key-value-invalid',
  'key-value-missing-equals': 'key-value-invalid',
  'key-value-blank-name': 'key-value-invalid',
  'json-array-not-strings': 'exec-form-not-strings',
  'unterminated-heredoc': 'unterminated-heredoc',
  'heredoc-word-invalid': 'heredoc-invalid-delimiter',
  'heredoc-quote-unterminated': 'heredoc-invalid-delimiter',
  'instruction-before-from': 'instruction-before-from',
  'from-arguments': 'from-invalid',
  'invalid-stage-name': 'stage-name-invalid',
  'empty-base-image': 'invalid-default-arg-in-from',
  'invalid-image-reference': 'from-invalid',
  'invalid-platform': 'from-invalid',
  'substitution-error': 'variable-substitution-invalid',
  'arg-blank-name': 'key-value-invalid',
  'copy-from-variable': 'copy-from-variable',
  'stage-index-out-of-range': 'stage-reference-invalid',
  'stage-cycle': 'stage-reference-invalid',
};

/** The rule a problem belongs to; undefined when a rule of ours reports it better. */
export function ruleOfProblem(problem: Problem, model: DockerfileModel): RuleId | undefined {
  const rule = RULE_OF_PROBLEM_CODES[problem.code] as RuleId | undefined;
  if (problem.code === 'stage-cycle') {
    // A stage naming itself is hadolint's DL3023.
    const reference = model.stageReferences.find((candidate) => candidate.start === problem.start && candidate.end === problem.end);
    if (reference && reference.stageIndex !== undefined && model.stages[reference.stageIndex]?.instructions.includes(reference.instruction)) return 'copy-from-own-stage';
  }
  if (problem.code === 'unknown-instruction' && isOnbuildTriggerKeyword(problem, model)) return undefined;
  // An image reference made invalid by an ARG's default (`docker:${VERSION}-dind` with no default):
  // a build with --build-arg works, so it is BuildKit's InvalidDefaultArgInFrom warning.
  if (problem.code === 'invalid-image-reference' && model.ast.text.slice(problem.start, problem.end).includes('$')) return 'invalid-default-arg-in-from';
  return rule ?? 'missing-arguments';
}

/** `ONBUILD ONBUILD …`: onbuild-invalid-trigger reports it, with FROM and MAINTAINER. */
function isOnbuildTriggerKeyword(problem: Problem, model: DockerfileModel): boolean {
  for (const instruction of model.ast.instructions) {
    if (instruction.start > problem.start) break;
    const trigger = instruction.trigger;
    if (instruction.name === 'ONBUILD' && trigger && trigger.keyword.start === problem.start) return trigger.name === 'ONBUILD';
  }
  return false;
}
