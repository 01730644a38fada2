/**
 * The Dockerfile core: text in, plain readonly data out. No I/O, no editor, no LSP connection.
 *
 *     const doc = analyzeText(text);          // parse + semantic model, never throws
 *     doc.ast.instructions                    // Instruction[] in document order
 *     doc.model.stages / .references / …      // the semantic model
 *
 * Locations. Everything located carries `start`/`end` (UTF-16 offsets into the text, end
 * exclusive) AND `range` (an LSP Range: zero-based line, UTF-16 character). Lines end at \n,
 * \r\n or \r like LSP. `doc.ast.lines` (LineIndex) converts offsets ↔ positions both ways.
 *
 * Syntax (BuildKit's grammar exactly; `layerwise parse --dump` proves it against BuildKit's tests):
 *  - `Instruction`: `keyword` (Token; `name` is upper-cased; `known` false for unknown ones, which
 *    are kept with an `unknown-instruction` problem), `flags` (Flag: `name`/`value` tokens,
 *    `raw`), `argumentsText`, `args` (Token[]; see the field's doc for how each instruction is
 *    split), `form` 'exec' | 'shell', `exec` (JSON elements with ranges, brackets),
 *    `jsonFallback` (text starting with `[` that is not a JSON string array, with the reason),
 *    `keyValues` (ENV/LABEL/ARG pairs; `legacyKeyValue` for `ENV k v`), `heredocs` (marker,
 *    name, expand, stripTabs, body span, content, terminator), `trigger` (ONBUILD's
 *    instruction), `comments` inside the continuation, `precedingComments`, `continuations`
 *    (the escape characters), `emptyContinuationLines`, `logicalText` (the joined line BuildKit
 *    sees) with `logicalMap` (use logicalToSource/sourceToLogical).
 *  - A `Token` has `text` (exact source slice) and `value` (BuildKit's value: continuations
 *    removed; JSON decoded; flag values unquoted; shell words keep their quotes — the model
 *    gives substituted, unquoted values).
 *  - `ast.directives`, `ast.comments`, `ast.escapeChar`, `ast.problems` (Problem: code, severity,
 *    message saying what and how to fix, range). Codes in BUILDKIT_PARSE_FAILURES make
 *    BuildKit's parser reject the whole file. `ast.syntax`: the frontend named the way BuildKit's
 *    DetectSyntax finds it (`# syntax=`, also after `#!`; `// syntax=`; a JSON file's "syntax").
 *  - Cost: an instruction's split parts (flags, args, argumentsText, keyValues, exec, trigger …),
 *    a one-line instruction's keyword token, and `continuations` are computed on first read and
 *    then kept; a one-line instruction's logicalText and logicalMap are made on every read (read
 *    them once where they are used more than once); read what you need, not everything "just in case".
 *
 * Semantics (`model`): `stages` (index, lower-cased name, base: scratch | stage | image with a
 * parsed reference | unknown, expanded base name and platform), `variables` (every ARG/ENV
 * definition, the automatic platform ARGs, the PATH of scratch images; each with the value it
 * takes), `references` (every `$v`/`${v…}` with its definition and value at that point; context
 * 'build' when BuildKit substitutes it, 'run' for a RUN shell, 'container' for CMD/ENTRYPOINT/
 * HEALTHCHECK at run time), `stageReferences` (FROM, COPY --from, RUN --mount from=),
 * `instructions` (InstructionFacts: substituted args and pairs, layer vs config effect, files
 * created/deleted), `problems` (what fails the build beyond the parser).
 *
 * Values are VariableState: { kind: 'set', value } | { kind: 'unset' } | { kind: 'unknown', reason }
 * ('unknown' when it depends on something outside the file, e.g. a base image's ENV).
 * Platform: pass AnalyzeOptions.platform for `--platform`, else `defaultPlatform` — the engine's
 * platform when connected, or `hostPlatform(process.platform, process.arch)` — so TARGETPLATFORM,
 * BUILDPLATFORM, TARGETARCH … have values; with neither they are 'unknown'.
 * References inside ONBUILD triggers carry the values of the first stage that runs the trigger
 * (their `stageIndex`), or 'unknown' when no stage of the file does.
 *
 * Image config (`predictImageConfig(model, { target | stageIndex, labels })`): the `.Config` of `docker image inspect`
 * after a BuildKit build of that stage (same keys, order and defaults), with `complete`, `notes`
 * (what is unknown), `errors` (what would fail the build) and `sources` (which instruction set
 * each field). Pass AnalyzeOptions.baseImageConfig to know base images outside the file.
 *
 * Ranges are computed when read: spreading a located value (`{...token}`) drops `range`/`text`.
 */
import { analyzeDockerfile } from './semantic/model';
import type { AnalyzeOptions, DockerfileModel, Stage, VariableDefinition, VariableReference } from './semantic/types';
import { parseDockerfile, type ParsedDockerfile } from './syntax/parser';
import { spanIndexAt } from './syntax/spans';
import type { Instruction, ProblemCode } from './syntax/types';

export { parseDockerfile, type ParsedDockerfile } from './syntax/parser';
export type * from './syntax/types';
export { LineIndex } from './syntax/lineIndex';
export { logicalToSource, logicalEndToSource, sourceToLogical } from './syntax/logicalLine';
export { dumpBuildkit, goQuote } from './syntax/dump';
export {
  lexShellWord,
  type LexOptions,
  type LexResult,
  type LexWord,
  type SubstitutionReference,
  type VariableLookup,
  type VariableState,
} from './syntax/shellLexer';
export { analyzeDockerfile } from './semantic/model';
export type * from './semantic/types';
export { parseImageReference, type ImageReference } from './semantic/imageReference';
export { predictImageConfig, resolveTarget, parsePortSpec, type PredictOptions } from './config/imageConfig';
export { normalizeWorkdir, recordedWorkdir } from './semantic/paths';
export type { ConfigError, ConfigPrediction, ConfigSources, HealthcheckConfig, ImageConfig } from './config/types';
export { formatGoDuration, parseGoDuration } from './config/duration';
export { parseStopSignal } from './config/signal';
export { missingBaseImages, type MissingBaseImage } from './baseImages/missing';
export { scanShellReferences, type ShellReference } from './semantic/shellReferences';
export { fileEffects, type ShellValues } from './semantic/fileEffects';
export {
  AUTOMATIC_PLATFORM_ARGS,
  BUILDKIT_ARGS,
  DEFAULT_LINUX_PATH,
  PROXY_ARGS,
  formatPlatform,
  hostPlatform,
  parsePlatform,
  type Platform,
} from './semantic/predefined';

/** Problem codes for which BuildKit's own parser rejects the file (before any build step). */
export const BUILDKIT_PARSE_FAILURES: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'no-instructions',
  'line-too-long',
  'duplicate-directive',
  'invalid-escape-directive',
  'key-value-missing-value',
  'key-value-missing-equals',
  'json-array-not-strings',
  'unterminated-heredoc',
  'heredoc-word-invalid',
]);

/** One version of a Dockerfile, parsed and analysed: what every editor feature reads. */
export interface DockerfileDocument {
  readonly text: string;
  readonly ast: ParsedDockerfile;
  readonly model: DockerfileModel;
}

/**
 * Parses and analyses a Dockerfile. Never throws. Given the analysis of the document's previous
 * version (`previous`), what lies before the first changed character is kept where that is
 * exactly what analysing `text` from scratch gives (see parseDockerfile and analyzeDockerfile).
 */
export function analyzeText(text: string, options: AnalyzeOptions = {}, previous?: DockerfileDocument): DockerfileDocument {
  const ast = parseDockerfile(text, previous?.ast);
  return { text, ast, model: analyzeDockerfile(ast, options, previous?.model) };
}

/** The instruction whose span holds `offset` (end inclusive, so a cursor at the end counts). */
export function instructionAt(instructions: readonly Instruction[], offset: number): Instruction | undefined {
  const index = spanIndexAt(instructions, offset);
  return index === undefined ? undefined : instructions[index];
}

/** The stage whose span holds `offset`. */
export function stageAt(model: DockerfileModel, offset: number): Stage | undefined {
  const index = spanIndexAt(model.stages, offset);
  return index === undefined ? undefined : model.stages[index];
}

/** The variable reference at `offset` (end inclusive); the innermost one for `${a:-$b}`. */
export function referenceAt(model: DockerfileModel, offset: number): VariableReference | undefined {
  const references = model.references;
  let low = 0;
  let high = references.length - 1;
  let last = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (references[mid].start <= offset) {
      last = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  // The closest start before the offset is the innermost candidate; an enclosing reference
  // starts earlier, so look back a little for one that still holds the offset.
  for (let i = last; i >= 0 && i > last - 32; i--) {
    if (references[i].end >= offset) return references[i];
  }
  return undefined;
}

/** Every reference that resolves to `definition`. */
export function referencesTo(model: DockerfileModel, definition: VariableDefinition): VariableReference[] {
  return model.references.filter((reference) => reference.definition === definition);
}
