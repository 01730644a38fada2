// `$`/`${` completion: the ARGs and ENVs in scope with the value each has at the cursor, and the
// predefined arguments. An automatic platform ARG a stage has not declared comes with the
// `ARG NAME` line it needs, inserted above the instruction, since without it the value is empty.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { DockerfileDocument, VariableState } from '..';
import type { CompletionContext } from './context';
import { CompletionItemKind, type ItemBuilder } from './items';
import { variablesAt, type ScopedVariable } from './scope';

type VariableContext = Extract<CompletionContext, { kind: 'variable' }>;

const MAX_SHOWN_VALUE = 80;
const REFERABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function variableItems(context: VariableContext, document: DockerfileDocument, offset: number, builder: ItemBuilder): CompletionItem[] {
  const { instruction } = context;
  const close = context.braced && !context.closed ? '}' : '';
  const text = document.ast.text;
  const lines = document.ast.lines;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lineStart = lines.lineStart(instruction.range.start.line);
  const indentation = /^[ \t]*/.exec(text.slice(lineStart, instruction.start))?.[0] ?? '';
  // Only a name `$` can refer to: `ENV "" 2` or `ARG a-b` define names no substitution reaches.
  return variablesAt(document.model, instruction).filter((variable) => REFERABLE_NAME.test(variable.name)).map((variable) => {
    const value = describeValue(variable.value);
    return builder.build({
      label: variable.name,
      kind: variable.definition?.kind === 'env' ? CompletionItemKind.Variable : CompletionItemKind.Constant,
      start: context.start,
      end: offset,
      insert: variable.name + close,
      detail: variable.declared ? value : `${value} — adds ARG ${variable.name} above`,
      description: origin(variable),
      documentation: variableMarkdown(variable, document),
      rank: variable.predefined && !variable.definition ? (variable.declared ? 20 : 30) : 0,
      additionalEdits: variable.declared ? undefined : [{ start: lineStart, end: lineStart, newText: `${indentation}ARG ${variable.name}${eol}` }],
    });
  });
}

export function describeValue(state: VariableState): string {
  switch (state.kind) {
    case 'set':
      return state.value === '' ? '(empty)' : state.value.length > MAX_SHOWN_VALUE ? `${state.value.slice(0, MAX_SHOWN_VALUE)}…` : state.value;
    case 'unset':
      return '(not set)';
    case 'unknown':
      return `(${state.reason})`;
  }
}

function origin(variable: ScopedVariable): string {
  const definition = variable.definition;
  if (!definition) return variable.predefined?.group === 'proxy' ? 'proxy ARG' : 'predefined ARG';
  switch (definition.kind) {
    case 'env':
      return 'ENV';
    case 'arg':
      return definition.stageIndex === undefined ? 'global ARG' : 'ARG';
    case 'automatic':
      return 'predefined ARG';
    case 'image':
      return 'image';
  }
}

function variableMarkdown(variable: ScopedVariable, document: DockerfileDocument): string {
  const parts = [`**${variable.name}** = ${variable.value.kind === 'set' ? '`' + describeValue(variable.value) + '`' : describeValue(variable.value)}`];
  const definition = variable.definition;
  if (definition?.instruction) {
    const line = definition.instruction.range.start.line + 1;
    parts.push(`Defined on line ${line}:\n\n\`\`\`dockerfile\n${document.ast.text.slice(definition.instruction.start, definition.instruction.end).split(/\r?\n/)[0]}\n\`\`\``);
  } else if (definition?.kind === 'image') {
    parts.push('Set by BuildKit for images built from scratch.');
  }
  if (variable.predefined) parts.push(`${variable.predefined.description}${variable.predefined.example ? ` Example: \`${variable.predefined.example}\`.` : ''}\n\n[Dockerfile reference](${variable.predefined.url})`);
  if (!variable.declared) parts.push(`Choosing it adds \`ARG ${variable.name}\` above this instruction: a stage sees a predefined platform ARG only after declaring it.`);
  return parts.join('\n\n');
}
