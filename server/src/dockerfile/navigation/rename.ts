// Rename for variables, build stages and here-document delimiters. A rename that would change
// what the build does — an invalid name, a name already in use, a use the edit cannot reach (a
// stage named through a variable), a variable BuildKit defines itself — is refused with a
// message that says why and what to do instead.
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { AUTOMATIC_PLATFORM_ARGS, BUILDKIT_ARGS, PROXY_ARGS, type DockerfileDocument } from '../index';
import { occurrencesOf } from './navigation';
import { spanRange } from './ranges';
import { heredocNameSpan, targetAt, within, type NavigationTarget } from './targets';

export type RenameResult = { readonly edits: TextEdit[] } | { readonly error: string };
export type PrepareRenameResult = { readonly range: Range; readonly placeholder: string } | { readonly error: string };

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// BuildKit lower-cases stage names and then requires this.
const STAGE_NAME = /^[a-z][a-z0-9_.-]*$/;
const HEREDOC_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const PREDEFINED = new Set<string>([...AUTOMATIC_PLATFORM_ARGS, ...PROXY_ARGS, ...BUILDKIT_ARGS]);

export function prepareRename(document: DockerfileDocument, offset: number): PrepareRenameResult {
  const target = targetAt(document, offset);
  if (!target) return { error: 'Nothing to rename here: put the cursor on a variable, a stage name or a here-document delimiter.' };
  const refusal = cannotRename(document, target);
  if (refusal) return { error: refusal };
  const at = occurrencesOf(document, target).find((occurrence) => within(occurrence.span, offset));
  const span = at?.span ?? (target.kind === 'heredoc' ? heredocNameSpan(document.text, target.heredoc) : undefined);
  if (!span) return { error: 'Nothing to rename here.' };
  return { range: spanRange(document, span), placeholder: document.text.slice(span.start, span.end) };
}

export function rename(document: DockerfileDocument, offset: number, newName: string): RenameResult {
  const target = targetAt(document, offset);
  if (!target) return { error: 'Nothing to rename here: put the cursor on a variable, a stage name or a here-document delimiter.' };
  const refusal = cannotRename(document, target) ?? invalidNewName(document, target, newName);
  if (refusal) return { error: refusal };
  const edits: TextEdit[] = [];
  for (const occurrence of occurrencesOf(document, target)) {
    const written = document.text.slice(occurrence.span.start, occurrence.span.end);
    // `COPY --from=0` names the stage by index, which a rename leaves valid.
    if (target.kind === 'stage' && /^\d+$/.test(written)) continue;
    if (written !== newName) edits.push({ range: spanRange(document, occurrence.span), newText: newName });
  }
  return { edits };
}

function line(document: DockerfileDocument, offset: number): number {
  return document.ast.lines.positionAt(offset).line + 1;
}

function cannotRename(document: DockerfileDocument, target: NavigationTarget): string | undefined {
  if (target.kind === 'variable') {
    if (!target.group && PREDEFINED.has(target.name)) {
      return `${target.name} is one of BuildKit's predefined build arguments: there is no declaration to rename (declare it with ARG to use it in a stage).`;
    }
    if (!target.group) {
      return `${target.name} is not defined in this Dockerfile (it comes from the base image, the shell or the build): there is no declaration to rename.`;
    }
    const builtIn = target.group.definitions.find((definition) => !definition.nameToken);
    if (builtIn) {
      const who = builtIn.kind === 'automatic' ? 'BuildKit sets it for every build' : 'the base image sets it';
      return `${target.name} cannot be renamed: ${who}. Declare a variable of your own with ARG or ENV instead.`;
    }
    if (PREDEFINED.has(target.name)) return `${target.name} is one of BuildKit's predefined build arguments; renaming it would stop BuildKit from setting it.`;
    return undefined;
  }
  if (target.kind === 'stage') {
    const stage = target.stage;
    if (!stage.nameToken) return `Stage ${stage.index} has no name to rename: add one with \`FROM … AS name\`.`;
    for (const reference of document.model.stageReferences) {
      if (reference.stageIndex !== stage.index) continue;
      const written = document.text.slice(reference.start, reference.end);
      if (written.toLowerCase() !== stage.name && !/^\d+$/.test(written)) {
        return `Line ${line(document, reference.start)} names stage ${stage.name} as \`${written}\`, which a rename cannot follow; write the stage name there first.`;
      }
    }
    return undefined;
  }
  return undefined;
}

function invalidNewName(document: DockerfileDocument, target: NavigationTarget, newName: string): string | undefined {
  const { model } = document;
  if (target.kind === 'variable') {
    if (!VARIABLE_NAME.test(newName)) {
      return `\`${newName}\` is not a valid variable name: use letters, digits and underscores, not starting with a digit (e.g. APP_HOME).`;
    }
    if (newName === target.name) return undefined;
    if (PREDEFINED.has(newName)) return `\`${newName}\` is a BuildKit predefined build argument; choose another name.`;
    const clash = model.variables.find((definition) => definition.name === newName) ?? model.references.find((use) => use.name === newName);
    if (clash) {
      const where = 'nameToken' in clash ? clash.nameToken?.start : clash.start;
      const at = where === undefined ? 'is set by BuildKit' : `is already used on line ${line(document, where)}`;
      return `Cannot rename ${target.name} to ${newName}: ${newName} ${at}, and the two variables would become one.`;
    }
    return undefined;
  }
  if (target.kind === 'stage') {
    const lower = newName.toLowerCase();
    if (!STAGE_NAME.test(lower)) {
      return `\`${newName}\` is not a valid stage name: start with a letter, then letters, digits, '-', '_' or '.' (e.g. build-env).`;
    }
    // `FROM Build` names an image, not the stage `AS Build` (BuildKit matches FROM as written).
    if (newName !== lower) return `Stage names are written in lower case (FROM Build would name an image, not the stage): use ${lower}.`;
    if (lower === target.stage.name) return undefined;
    const other = model.stages.find((stage) => stage.name === lower);
    if (other) return `Cannot rename stage ${target.stage.name} to ${newName}: stage ${other.index} on line ${line(document, other.start)} already has that name.`;
    const image = model.stageReferences.find((reference) => reference.stageIndex === undefined && reference.name.toLowerCase() === lower);
    if (image) {
      return `Cannot rename stage ${target.stage.name} to ${newName}: line ${line(document, image.start)} uses an image or build context named ${newName}, which would then mean this stage.`;
    }
    return undefined;
  }
  if (!HEREDOC_NAME.test(newName)) return `\`${newName}\` is not a valid here-document delimiter: use letters, digits, '_' or '-' (e.g. EOF).`;
  const body = target.heredoc.content.split(/\r\n|\r|\n/);
  const strip = target.heredoc.stripTabs;
  const clash = body.findIndex((bodyLine) => (strip ? bodyLine.replace(/^\t+/, '') : bodyLine) === newName);
  if (clash >= 0) {
    return `Cannot rename the delimiter to ${newName}: line ${line(document, target.heredoc.body.start) + clash} of the here-document is \`${newName}\` and would end it early.`;
  }
  return undefined;
}
