// BuildKit's parser dump (`Node.Dump()`, the format of the parser's `result` test files):
// one `(instruction ["--flags"] "arg" …)` line per instruction, strings quoted like Go's
// strconv.Quote. `layerwise parse --dump` prints it so our tree can be diffed against BuildKit.
import { isBlank, skipSpace } from './chars';
import type { DockerfileAst, Instruction } from './types';

export function dumpBuildkit(ast: DockerfileAst): string {
  let out = '';
  for (const instruction of ast.instructions) out += '(' + dumpInstruction(instruction) + ')\n';
  return out.trim() + '\n';
}

function dumpInstruction(instruction: Instruction): string {
  let out = keywordAsWritten(instruction).toLowerCase();
  if (instruction.flags.length > 0) out += ' [' + instruction.flags.map((flag) => goQuote(flag.raw)).join(' ') + ']';
  for (const value of nextValues(instruction)) out += ' ' + value;
  return out.trim();
}

/** The values BuildKit chains after the instruction node, already rendered. */
function nextValues(instruction: Instruction): string[] {
  if (instruction.name === 'ONBUILD') {
    return instruction.trigger ? ['(' + dumpInstruction(instruction.trigger) + ')'] : [];
  }
  if (!instruction.known) return ['""'];
  if (instruction.name === 'ENV' || instruction.name === 'LABEL') {
    const separator = instruction.legacyKeyValue ? '""' : '"="';
    const values: string[] = [];
    for (const pair of instruction.keyValues) {
      values.push(goQuote(pair.key.value), goQuote(pair.value?.value ?? ''), separator);
    }
    return values;
  }
  if (instruction.name === 'ARG') {
    // BuildKit keeps ARG's words whole: `name=value` or `name`.
    return instruction.keyValues.map((pair) => goQuote(pair.equals ? `${pair.key.value}=${pair.value?.value ?? ''}` : pair.key.value));
  }
  return instruction.args.map((arg) => goQuote(arg.value));
}

function keywordAsWritten(instruction: Instruction): string {
  const text = instruction.logicalText;
  const start = skipSpace(text, 0, text.length);
  let end = start;
  while (end < text.length && !isBlank(text.charCodeAt(end))) end++;
  return text.slice(start, end).trimEnd();
}

const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;

/** Go's strconv.Quote. */
export function goQuote(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const code = value.codePointAt(i) ?? 0;
    if (code > 0xffff) i++;
    if (code >= 0x20 && code < 0x7f) {
      if (code === 0x22) out += '\\"';
      else if (code === 0x5c) out += '\\\\';
      else out += String.fromCharCode(code);
      continue;
    }
    switch (code) {
      case 0x07:
        out += '\\a';
        continue;
      case 0x08:
        out += '\\b';
        continue;
      case 0x0c:
        out += '\\f';
        continue;
      case 0x0a:
        out += '\\n';
        continue;
      case 0x0d:
        out += '\\r';
        continue;
      case 0x09:
        out += '\\t';
        continue;
      case 0x0b:
        out += '\\v';
        continue;
    }
    if (code < 0x20 || code === 0x7f) {
      out += '\\x' + code.toString(16).padStart(2, '0');
    } else if (code >= 0xd800 && code <= 0xdfff) {
      // A lone surrogate is not valid UTF-8; Go would print the replacement character.
      out += '\ufffd';
    } else if (PRINTABLE.test(String.fromCodePoint(code))) {
      out += String.fromCodePoint(code);
    } else if (code < 0x10000) {
      out += '\\u' + code.toString(16).padStart(4, '0');
    } else {
      out += '\\U' + code.toString(16).padStart(8, '0');
    }
  }
  return out + '"';
}
