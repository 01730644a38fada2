// Variables BuildKit substitutes that no ARG/ENV defines (BuildKit UndefinedVar). Without false
// alarms: a stage built on an image may get variables from that image (its ENV is not known
// here), so there only a likely typo (close to a variable defined in scope) or a use before the
// ENV/ARG that defines it later in the stage is reported. Predefined build args, proxies and
// references with a default (`${X:-y}`) are never reported; RUN is left to the shell.
import { BUILDKIT_ARGS, PROXY_ARGS } from '../../semantic/predefined';
import type { VariableDefinition, VariableReference } from '../../semantic/types';
import type { Check } from '../types';
import { closest, didYouMean, editDistance } from '../support/suggest';

/** Variables images commonly set: never reported as typos. */
const IMAGE_VARIABLES = new Set([
  'PATH', 'HOME', 'HOSTNAME', 'TERM', 'LANG', 'LANGUAGE', 'LC_ALL', 'USER', 'PWD', 'SHELL', 'TZ', 'DEBIAN_FRONTEND',
  'JAVA_HOME', 'JAVA_VERSION', 'PYTHON_VERSION', 'PYTHON_PIP_VERSION', 'NODE_VERSION', 'YARN_VERSION', 'GOPATH', 'GOLANG_VERSION',
  'GOROOT', 'RUBY_VERSION', 'GEM_HOME', 'BUNDLE_PATH', 'NGINX_VERSION', 'PHP_VERSION', 'PHP_INI_DIR', 'CATALINA_HOME', 'MAVEN_HOME',
  'GRADLE_HOME', 'DOTNET_VERSION', 'ASPNETCORE_URLS', 'RUSTUP_HOME', 'CARGO_HOME', 'RUST_VERSION', 'PGDATA', 'LD_LIBRARY_PATH',
]);
const PREDEFINED = new Set<string>([...PROXY_ARGS, ...BUILDKIT_ARGS]);
const HAS_DEFAULT = new Set(['-', ':-', '+', ':+', '?', ':?']);

export const check: Check = {
  document(context) {
    const model = context.document.model;
    for (const reference of model.references) {
      if (reference.context !== 'build' || reference.definition || PREDEFINED.has(reference.name)) continue;
      if (reference.operator !== undefined && HAS_DEFAULT.has(reference.operator)) continue;
      if (reference.instruction.name === 'FROM' || reference.stageIndex === undefined) continue; // undefined-arg-in-from
      const later = definedLater(reference, model.variables);
      const inScope = scopeNames(reference, model.variables);
      if (reference.value.kind === 'unset') {
        const suggestion = closest(reference.name, inScope, false);
        context.report({
          start: reference.start,
          end: reference.end,
          message: later
            ? `Variable '$${reference.name}' is used before it is defined (line ${later + 1}): it is empty here.`
            : `Usage of undefined variable '$${reference.name}'.${didYouMean(suggestion && `$${suggestion}`)}`,
          fix: suggestion ? () => ({ title: `Use $${suggestion}`, edits: [{ start: reference.nameSpan.start, end: reference.nameSpan.end, newText: suggestion }] }) : undefined,
        });
        continue;
      }
      if (reference.value.kind !== 'unknown' || IMAGE_VARIABLES.has(reference.name)) continue;
      if (later !== undefined) {
        context.report({ start: reference.start, end: reference.end, message: `Variable '$${reference.name}' is used before it is defined (line ${later + 1}): here it only has a value if the base image sets it.` });
        continue;
      }
      const suggestion = closest(reference.name, inScope, false);
      if (suggestion && reference.name.length >= 4 && editDistance(suggestion, reference.name) <= 2) {
        context.report({
          start: reference.start,
          end: reference.end,
          message: `Variable '$${reference.name}' is not defined in this file (the base image may set it).${didYouMean(`$${suggestion}`)}`,
          fix: () => ({ title: `Use $${suggestion}`, edits: [{ start: reference.nameSpan.start, end: reference.nameSpan.end, newText: suggestion }] }),
        });
      }
    }
  },
};

function definedLater(reference: VariableReference, variables: readonly VariableDefinition[]): number | undefined {
  for (const variable of variables) {
    if (variable.name === reference.name && variable.stageIndex === reference.stageIndex && variable.instruction && variable.instruction.start > reference.start) {
      return variable.instruction.range.start.line;
    }
  }
  return undefined;
}

function scopeNames(reference: VariableReference, variables: readonly VariableDefinition[]): string[] {
  const names: string[] = [];
  for (const variable of variables) {
    if (variable.stageIndex !== reference.stageIndex && variable.stageIndex !== undefined) continue;
    if (variable.instruction && variable.instruction.start > reference.start) continue;
    names.push(variable.name);
  }
  return names;
}
