// The outline of a Dockerfile: parser directives and global ARGs first, then one symbol per
// build stage (named by its `AS` name or its index, with its base image as detail) holding its
// instructions; ARG/ENV instructions hold their variables and LABEL its keys, so "Go to
// symbol" finds a variable by name.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { DockerfileDocument, Instruction, Stage } from '../index';
import { rangeOf, spanRange } from '../navigation/ranges';

const MAX_DETAIL_LENGTH = 80;

export function documentSymbols(document: DockerfileDocument): DocumentSymbol[] {
  const { ast, model } = document;
  const symbols: DocumentSymbol[] = [];
  for (const directive of ast.directives) {
    symbols.push({
      name: `# ${directive.name}`,
      detail: directive.valueToken.text,
      kind: SymbolKind.Property,
      range: spanRange(document, directive),
      selectionRange: spanRange(document, directive.nameToken),
    });
  }
  const firstStageStart = model.stages.length > 0 ? model.stages[0].start : Number.POSITIVE_INFINITY;
  for (const instruction of ast.instructions) {
    if (instruction.start >= firstStageStart) break;
    symbols.push(instructionSymbol(document, instruction));
  }
  for (const stage of model.stages) symbols.push(stageSymbol(document, stage, model.stages.length));
  return symbols;
}

function stageSymbol(document: DockerfileDocument, stage: Stage, stageCount: number): DocumentSymbol {
  const last = stage.instructions[stage.instructions.length - 1] ?? stage.from;
  const name = stage.nameToken?.text ?? `stage ${stage.index}`;
  const written = stage.baseToken?.text ?? '';
  const expanded = stage.baseName && !stage.baseName.unknown ? stage.baseName.value : written;
  const base = expanded !== written ? `${written} = ${expanded}` : written;
  const detail = stage.index === stageCount - 1 ? `${base} · last stage` : base;
  return {
    name,
    detail: oneLine(detail),
    kind: SymbolKind.Module,
    range: rangeOf(document, stage.from.start, last.end),
    selectionRange: spanRange(document, stage.nameToken ?? stage.from.keyword),
    children: stage.instructions.map((instruction) => instructionSymbol(document, instruction)),
  };
}

function instructionSymbol(document: DockerfileDocument, instruction: Instruction): DocumentSymbol {
  const symbol: DocumentSymbol = {
    name: instruction.name || instruction.keyword.text || '?',
    detail: oneLine(instructionDetail(instruction)),
    kind: instruction.known ? SymbolKind.Function : SymbolKind.Null,
    range: spanRange(document, instruction),
    selectionRange: spanRange(document, instruction.keyword),
  };
  if (instruction.name === 'ARG' || instruction.name === 'ENV' || instruction.name === 'LABEL') {
    const kind = instruction.name === 'LABEL' ? SymbolKind.Property : SymbolKind.Variable;
    symbol.children = instruction.keyValues
      .filter((pair) => pair.key.text.length > 0)
      .map((pair) => ({
        name: pair.key.value,
        detail: pair.value ? oneLine(pair.value.text) : '',
        kind,
        range: spanRange(document, pair),
        selectionRange: spanRange(document, pair.key),
      }));
  }
  return symbol;
}

function instructionDetail(instruction: Instruction): string {
  if (instruction.trigger) return `${instruction.trigger.name} ${instruction.trigger.argumentsText?.value ?? ''}`;
  const flags = instruction.flags.map((flag) => flag.raw).join(' ');
  const rest = instruction.heredocs.length > 0 ? instruction.logicalText.slice(instruction.keyword.text.length).trim() : (instruction.argumentsText?.value ?? '');
  return flags ? `${flags} ${rest}` : rest;
}

/** One line, collapsed blanks, cut at a readable length. */
function oneLine(text: string): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed.length > MAX_DETAIL_LENGTH ? `${collapsed.slice(0, MAX_DETAIL_LENGTH - 1)}…` : collapsed;
}
