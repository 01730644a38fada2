/**
 * Signature help for Dockerfiles: the forms of the instruction at the cursor (from the
 * reference table), the one being written picked (exec or shell, CMD or NONE …), and the
 * parameter under the cursor highlighted: the flag being typed, COPY/ADD sources vs destination,
 * FROM image vs tag vs stage name, EXPOSE port vs protocol, USER user vs group, ARG name vs default.
 *
 *     signatureHelp(analyzeText(text), offset)   // SignatureHelp | null
 */
import { MarkupKind, type ParameterInformation, type SignatureHelp, type SignatureInformation } from 'vscode-languageserver-types';
import type { DockerfileDocument } from '..';
import { instructionWordsAt, type InstructionWords } from '../completion/context';
import { flagName } from '../completion/flags';
import { instructionReference, type InstructionReference, type SignatureReference } from '../reference';
import { markdownToPlainText } from '../reference/markdown';

export const SIGNATURE_TRIGGER_CHARACTERS = [' '];
export const SIGNATURE_RETRIGGER_CHARACTERS = ['=', ':', '/', ','];

export interface SignatureHelpOptions {
  /** The client renders Markdown (default true). */
  readonly markdown?: boolean;
}

export function signatureHelp(document: DockerfileDocument, offset: number, options: SignatureHelpOptions = {}): SignatureHelp | null {
  const words = instructionWordsAt(document, offset);
  if (!words) return null;
  const reference = instructionReference(words.instruction.name);
  if (!reference || reference.signatures.length === 0) return null;
  const active = activeSignature(document, reference, words);
  const signature = reference.signatures[active];
  const markdown = options.markdown !== false;
  return {
    signatures: reference.signatures.map((entry) => toInformation(entry, markdown)),
    activeSignature: active,
    activeParameter: activeParameter(signature, reference, words),
  };
}

function toInformation(signature: SignatureReference, markdown: boolean): SignatureInformation {
  const parameters: ParameterInformation[] = [];
  let from = 0;
  for (const parameter of signature.parameters) {
    const start = signature.label.indexOf(parameter.label, from);
    const end = start + parameter.label.length;
    from = end;
    parameters.push({ label: [start, end], documentation: doc(parameter.documentation, markdown) });
  }
  return { label: signature.label, documentation: doc(signature.documentation, markdown), parameters };
}

function doc(text: string, markdown: boolean): { kind: MarkupKind; value: string } {
  return markdown ? { kind: MarkupKind.Markdown, value: text } : { kind: MarkupKind.PlainText, value: markdownToPlainText(text) };
}

/** Arguments after the flags, and the index of the one under the cursor. */
function positional(words: InstructionWords): { before: string[]; index: number } {
  const all = [...words.words.map((word) => word.text), words.current.text];
  let first = 0;
  while (first < words.words.length && words.words[first].text.startsWith('--')) first++;
  const before = all.slice(first, all.length - 1);
  return { before, index: before.length };
}

function activeSignature(document: DockerfileDocument, reference: InstructionReference, words: InstructionWords): number {
  const { before } = positional(words);
  const firstArgument = before[0] ?? words.current.text;
  const exec = firstArgument.startsWith('[');
  switch (reference.name) {
    case 'RUN':
      return exec ? 1 : 0;
    case 'ENTRYPOINT':
      return exec || firstArgument === '' ? 0 : 1;
    case 'CMD': {
      if (!exec && firstArgument !== '') return 2;
      // With an exec-form ENTRYPOINT in the stage, an exec-form CMD supplies its parameters.
      const stageEntrypoint = document.ast.instructions.some((instruction) => instruction.name === 'ENTRYPOINT' && instruction.form === 'exec' && instruction.start < words.instruction.start && !fromBetween(document, instruction.start, words.instruction.start));
      return stageEntrypoint ? 1 : 0;
    }
    case 'HEALTHCHECK':
      return firstArgument.toUpperCase() === 'NONE' ? 1 : 0;
    default:
      return 0;
  }
}

function fromBetween(document: DockerfileDocument, start: number, end: number): boolean {
  return document.model.stages.some((stage) => stage.from.start > start && stage.from.start < end);
}

function activeParameter(signature: SignatureReference, reference: InstructionReference, words: InstructionWords): number | null {
  const parameters = signature.parameters;
  const indexOf = (prefix: string) => {
    const index = parameters.findIndex((parameter) => parameter.label.startsWith(prefix));
    return index < 0 ? null : index;
  };
  const current = words.current.text;
  if (words.flagRegion && current.startsWith('-')) {
    const name = current.startsWith('--') ? flagName(current) : '';
    const exact = parameters.findIndex((parameter) => parameter.label.startsWith(`[--${name}=`) || parameter.label === `[--${name}]`);
    if (exact >= 0) return exact;
    // An unknown flag: no parameter is active (LSP's index is unsigned).
    return indexOf(`[--${name}`);
  }
  const firstPositional = parameters.findIndex((parameter) => !parameter.label.startsWith('[--'));
  if (firstPositional < 0) return null;
  const { index } = positional(words);
  const remaining = parameters.length - firstPositional;
  switch (reference.name) {
    case 'FROM':
      if (index === 0) return /[:@]/.test(current) ? firstPositional + 1 : firstPositional;
      return firstPositional + 2;
    case 'COPY':
    case 'ADD': {
      if (index === 0) return firstPositional;
      // The last argument is the destination; a word typed after it becomes the new last one.
      const after = words.instruction.args.filter((arg) => arg.start > words.current.start + current.length).length;
      return after === 0 ? firstPositional + 1 : firstPositional;
    }
    case 'EXPOSE':
      return current.includes('/') ? indexOf('[/') : firstPositional;
    case 'USER':
      return current.includes(':') ? indexOf('[:') : firstPositional;
    case 'ARG':
      return current.includes('=') ? indexOf('[=') : firstPositional;
    default:
      return firstPositional + Math.min(index, remaining - 1);
  }
}
