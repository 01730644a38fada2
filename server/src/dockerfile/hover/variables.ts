// Hover on a variable: its value at that point, where it was defined, and who expands it (BuildKit
// while building, the RUN shell, or the container at run time); on a definition, its value and
// how often it is used.
import type { DockerfileDocument, VariableDefinition, VariableReference } from '..';
import { referencesTo } from '..';
import { describeValue } from '../completion/variables';
import { predefinedArg } from '../reference';
import { dockerfileBlock } from '../reference/markdown';

const CONTEXTS: Readonly<Record<VariableReference['context'], string>> = {
  build: 'Substituted by BuildKit while building.',
  run: 'Expanded by the shell of this RUN, where ARG and ENV values are environment variables.',
  container: 'Expanded at run time inside the container, which has the ENV values (and those of the base image) but no ARGs.',
};

const OPERATORS: Readonly<Record<string, string>> = {
  ':-': 'the text after `:-` is used when the variable is unset or empty',
  '-': 'the text after `-` is used when the variable is unset',
  ':+': 'the text after `:+` is used when the variable is set and not empty, else nothing',
  '+': 'the text after `+` is used when the variable is set, else nothing',
  ':?': 'the build fails with the text after `:?` when the variable is unset or empty',
  '?': 'the build fails with the text after `?` when the variable is unset',
  '#': 'the shortest match of the pattern is removed from the start',
  '##': 'the longest match of the pattern is removed from the start',
  '%': 'the shortest match of the pattern is removed from the end',
  '%%': 'the longest match of the pattern is removed from the end',
  '/': 'the first match of the pattern is replaced',
  '//': 'every match of the pattern is replaced',
};

export function referenceHover(document: DockerfileDocument, reference: VariableReference): string {
  const definition = reference.definition;
  const parts = [`**$${reference.name}**${kindLabel(definition, reference.name)} = ${valueText(reference.value)}`];
  if (reference.operator && OPERATORS[reference.operator]) parts.push(`\`\${${reference.name}${reference.operator}…}\`: ${OPERATORS[reference.operator]}.`);
  parts.push(CONTEXTS[reference.context]);
  parts.push(definitionText(document, definition, reference.name));
  return parts.filter(Boolean).join('\n\n');
}

export function definitionHover(document: DockerfileDocument, definition: VariableDefinition): string {
  const uses = referencesTo(document.model, definition).length;
  const parts = [`**${definition.kind === 'env' ? 'ENV' : 'ARG'} ${definition.name}** = ${valueText(definition.value)}`];
  if (definition.kind === 'arg') {
    const scope = definition.stageIndex === undefined ? 'Global: usable in FROM lines, and in a stage after `ARG ' + definition.name + '`.' : 'Visible to the rest of this stage (and RUN\'s environment); not kept in the image.';
    parts.push(scope);
    if (definition.source === 'build-arg') parts.push('Set by `--build-arg`.');
    else if (definition.source === 'global') parts.push('Takes the value of the global ARG of the same name.');
    else if (definition.source === 'none') parts.push(`No default: empty unless \`--build-arg ${definition.name}=…\` sets it.`);
  } else {
    parts.push('Kept in the image: visible to later instructions, stages built FROM this one, and the container.');
  }
  parts.push(uses === 0 ? 'Not used by this file.' : `Used ${uses} time${uses === 1 ? '' : 's'} in this file.`);
  const predefined = predefinedArg(definition.name);
  if (predefined) parts.push(`${predefined.description}\n\n[Dockerfile reference](${predefined.url})`);
  return parts.join('\n\n');
}

function kindLabel(definition: VariableDefinition | undefined, name: string): string {
  if (!definition) return predefinedArg(name) ? ' (predefined ARG)' : '';
  switch (definition.kind) {
    case 'env':
      return ' (ENV)';
    case 'arg':
      return definition.stageIndex === undefined ? ' (global ARG)' : ' (ARG)';
    case 'automatic':
      return ' (predefined ARG)';
    case 'image':
      return ' (image default)';
  }
}

function valueText(state: VariableDefinition['value']): string {
  return state.kind === 'set' ? `\`${describeValue(state)}\`` : describeValue(state);
}

function definitionText(document: DockerfileDocument, definition: VariableDefinition | undefined, name: string): string {
  if (!definition) {
    const predefined = predefinedArg(name);
    if (predefined) return `${predefined.description}\n\n[Dockerfile reference](${predefined.url})`;
    return 'Not defined in this file: it may come from the base image, or be empty.';
  }
  if (definition.kind === 'automatic') {
    const predefined = predefinedArg(name);
    return predefined ? `${predefined.description}\n\n[Dockerfile reference](${predefined.url})` : 'Defined by BuildKit.';
  }
  if (definition.kind === 'image') return 'Set by BuildKit for images built from scratch.';
  if (!definition.instruction) return '';
  const text = document.ast.text.slice(definition.instruction.start, definition.instruction.end).split(/\r\n|\r|\n/)[0];
  return `Defined on line ${definition.instruction.range.start.line + 1}:\n\n${dockerfileBlock(text)}`;
}
