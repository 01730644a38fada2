// The semantic model of a Dockerfile: stages, variables and their scopes, every variable
// reference with the value it has at that point, references between stages, and what each
// instruction does to the image. Plain readonly data computed in one pass over the tree.
import type { VariableState } from '../syntax/shellLexer';
import type { Instruction, Problem, Span, Token } from '../syntax/types';
import type { ParsedDockerfile } from '../syntax/parser';
import type { ImageReference } from './imageReference';
import type { Platform } from './predefined';
import type { ImageConfig } from '../config/types';

export type { VariableState } from '../syntax/shellLexer';

export interface AnalyzeOptions {
  /** `--build-arg` values. */
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** The stage being built (sets TARGETSTAGE); default: the last stage. */
  readonly target?: string;
  /** Platforms for the automatic ARGs (`docker build --platform`); wins over `defaultPlatform`. */
  readonly platform?: { readonly build: Platform; readonly target: Platform };
  /**
   * The platform a build runs on and builds for when it does not say otherwise: the engine's
   * (`docker version`: Os/Arch) or, without an engine, this machine's (`hostPlatform(process.platform,
   * process.arch)`). With neither this nor `platform`, TARGETPLATFORM, BUILDPLATFORM and the
   * other automatic platform ARGs are unknown.
   */
  readonly defaultPlatform?: Platform;
  /**
   * The configuration of a base image outside the file, when known (e.g. the engine has it
   * locally). Without it, what such a base sets (ENV, WORKDIR, CMD …) is unknown.
   */
  readonly baseImageConfig?: (reference: ImageReference) => BaseImageConfig | undefined;
}

/** What the model and the config prediction read from a base image's `.Config`. */
export type BaseImageConfig = Partial<Omit<ImageConfig, 'Env' | 'OnBuild'>> & {
  readonly Env?: readonly string[] | null;
  readonly OnBuild?: readonly string[] | null;
};

/** A word after BuildKit's substitution and quote removal. */
export interface ExpandedWord {
  readonly value: string;
  /** A variable with an unknown value went into it; `value` then keeps that reference as written. */
  readonly unknown: boolean;
  /** BuildKit would fail on this word (bad substitution, `${v:?}` unset …). */
  readonly error: string | undefined;
}

export type VariableKind =
  /** Declared by an ARG instruction. */
  | 'arg'
  /** Declared by an ENV instruction. */
  | 'env'
  /** BuildKit's automatic ARGs (TARGETPLATFORM …) in the global scope. */
  | 'automatic'
  /** Set by the base image (the default PATH of an image built from scratch). */
  | 'image';

export interface VariableDefinition {
  readonly name: string;
  readonly kind: VariableKind;
  /** The stage it belongs to; undefined for the global scope (before the first FROM). */
  readonly stageIndex: number | undefined;
  readonly instruction: Instruction | undefined;
  /** The name as written (`ARG NAME=…`, `ENV NAME=…`). */
  readonly nameToken: Token | undefined;
  /** The default / value as written. */
  readonly valueToken: Token | undefined;
  /** The value the variable takes here (build argument, default, inherited global value, …). */
  readonly value: VariableState;
  /** ARG only: where the value came from. */
  readonly source: 'build-arg' | 'default' | 'global' | 'none' | undefined;
}

/** Who replaces the variable: BuildKit while building, a RUN shell, or the container at run time. */
export type ReferenceContext = 'build' | 'run' | 'container';

export interface VariableReference extends Span {
  readonly name: string;
  /** The variable's name inside the expression. */
  readonly nameSpan: Span;
  readonly braced: boolean;
  readonly operator: string | undefined;
  readonly context: ReferenceContext;
  readonly instruction: Instruction;
  readonly stageIndex: number | undefined;
  /** The definition in effect at this point; undefined when the variable is not defined in the file. */
  readonly definition: VariableDefinition | undefined;
  /** Its value at this point. */
  readonly value: VariableState;
}

export type StageBase =
  | { readonly kind: 'scratch' }
  | { readonly kind: 'stage'; readonly stageIndex: number }
  | { readonly kind: 'image'; readonly reference: ImageReference }
  /** The base name depends on values not known here, or is empty. */
  | { readonly kind: 'unknown'; readonly text: string };

export interface Stage extends Span {
  readonly index: number;
  /** Lower-cased stage name (`AS name`), as BuildKit stores it. */
  readonly name: string | undefined;
  readonly nameToken: Token | undefined;
  readonly from: Instruction;
  /** FROM and every instruction up to the next FROM. */
  readonly instructions: readonly Instruction[];
  /** The base image word as written. */
  readonly baseToken: Token | undefined;
  /** The base name after substitution of the global ARGs. */
  readonly baseName: ExpandedWord | undefined;
  readonly base: StageBase;
  /** `--platform` after substitution. */
  readonly platform: ExpandedWord | undefined;
  /** ONBUILD triggers inherited from the base (an earlier stage or a known image), run first. */
  readonly triggers: readonly InstructionFacts[];
}

/** A place that names a stage: FROM, COPY --from, RUN --mount from=. */
export interface StageReference extends Span {
  readonly kind: 'from' | 'copy-from' | 'mount-from';
  /** The stage name, index or image as BuildKit reads it (after substitution for FROM). */
  readonly name: string;
  readonly instruction: Instruction;
  /** The stage named; undefined when the text names an image or a build context. */
  readonly stageIndex: number | undefined;
}

/** What an instruction does to the image. */
export type InstructionEffect =
  /** Adds a filesystem layer (RUN, COPY, ADD, WORKDIR creating its directory). */
  | 'layer'
  /** Changes only the image configuration. */
  | 'config'
  /** Affects only the build (ARG, FROM). */
  | 'build';

export interface InstructionFacts {
  readonly instruction: Instruction;
  readonly stageIndex: number | undefined;
  readonly effect: InstructionEffect;
  /**
   * The arguments after BuildKit's substitution, for instructions BuildKit expands (ADD, COPY,
   * EXPOSE, USER, VOLUME, WORKDIR, STOPSIGNAL, FROM); undefined for the others.
   */
  readonly expandedArgs: readonly ExpandedWord[] | undefined;
  /** ENV / LABEL / ARG pairs after substitution (key and value). */
  readonly expandedPairs: readonly { readonly key: ExpandedWord; readonly value: ExpandedWord | undefined }[];
  /** Files and directories the instruction visibly creates or deletes (absolute when known). */
  readonly files: FileEffects;
}

export interface FileEffects {
  readonly created: readonly string[];
  readonly deleted: readonly string[];
}

export interface DockerfileModel {
  readonly ast: ParsedDockerfile;
  readonly options: AnalyzeOptions;
  /** ARG instructions before the first FROM, and the automatic ARGs. */
  readonly globalVariables: readonly VariableDefinition[];
  readonly stages: readonly Stage[];
  /** Every definition, in document order (automatic and image ones first). */
  readonly variables: readonly VariableDefinition[];
  /** Every reference, in document order. */
  readonly references: readonly VariableReference[];
  readonly stageReferences: readonly StageReference[];
  /** One entry per top-level instruction, in document order. */
  readonly instructions: readonly InstructionFacts[];
  /** Problems BuildKit reports when it turns the tree into a build (in document order). */
  readonly problems: readonly Problem[];
}
