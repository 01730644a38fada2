// Document links: image references (FROM, COPY --from, RUN --mount from=) open the image's page
// on its registry; ADD URLs open themselves; COPY/ADD local sources are returned as candidate
// paths — the server checks which exist, since the core does no I/O.
import type { DocumentLink } from 'vscode-languageserver-types';
import type { DockerfileDocument, Instruction, Token } from '../index';
import { parseImageReference } from '../semantic/imageReference';
import { rangeOf } from '../navigation/ranges';
import { registryPage } from './registryPages';

export interface LocalSource {
  readonly range: DocumentLink['range'];
  /** The source path as BuildKit reads it, relative to the build context. */
  readonly path: string;
}

export interface DockerfileLinks {
  /** Links whose target is known now. */
  readonly links: DocumentLink[];
  /** COPY/ADD sources that are links only if the file exists in the build context. */
  readonly localSources: LocalSource[];
}

const URL_SOURCE = /^(https?):\/\/[^\s]+$/i;
const GLOB = /[*?[\\]/;

export function documentLinks(document: DockerfileDocument): DockerfileLinks {
  const { model, text } = document;
  const links: DocumentLink[] = [];
  const localSources: LocalSource[] = [];
  for (const reference of model.stageReferences) {
    if (reference.stageIndex !== undefined) continue;
    const written = text.slice(reference.start, reference.end);
    if (reference.kind !== 'from' && /^\d+$/.test(written)) continue;
    if (written.toLowerCase() === 'scratch') continue;
    const name = reference.name;
    if (!name || name.includes('$')) continue;
    const image = parseImageReference(name);
    const page = registryPage(image);
    if (!page) continue;
    const through = written !== name ? ` (${written} is ${name} here)` : '';
    links.push({ range: rangeOf(document, reference.start, reference.end), target: page.url, tooltip: `Open ${name} on ${page.site}${through}` });
  }
  for (const facts of model.instructions) {
    const instruction = facts.instruction;
    if (instruction.name !== 'COPY' && instruction.name !== 'ADD') continue;
    if (instruction.flags.some((flag) => flag.name.value === 'from')) continue;
    const sources = sourceTokens(instruction);
    const expanded = facts.expandedArgs;
    sources.forEach((token, index) => {
      const value = expanded?.[index] && !expanded[index].unknown && !expanded[index].error ? expanded[index].value : token.value;
      if (URL_SOURCE.test(value)) {
        if (instruction.name === 'ADD' && isWebAddress(value)) links.push({ range: rangeOf(document, token.start, token.end), target: value, tooltip: `Open ${value}` });
        return;
      }
      if (value === '' || value.includes('$') || GLOB.test(value) || value.startsWith('<<') || value.includes('://') || value.startsWith('git@')) return;
      localSources.push({ range: rangeOf(document, token.start, token.end), path: value });
    });
  }
  links.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { links, localSources };
}

/** Whether `value` is an address a browser can open (`http://:` matches the pattern, but is none). */
function isWebAddress(value: string): boolean {
  try {
    return new URL(value).hostname !== '';
  } catch {
    return false;
  }
}

/** The sources of COPY/ADD: every argument but the last (the destination). */
function sourceTokens(instruction: Instruction): readonly Token[] {
  const args = instruction.exec ? instruction.exec.elements : instruction.args;
  if (args.length < 2) return [];
  return args.slice(0, -1).filter((token) => !instruction.heredocs.some((heredoc) => heredoc.marker.start === token.start));
}
