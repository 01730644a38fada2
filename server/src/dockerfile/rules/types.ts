// The shapes of the lint rules: the table's rows (what a rule is), the checks (how it is found)
// and the findings they report. Pure data; offsets are UTF-16 offsets into the Dockerfile.
import type { DockerfileDocument } from '../index';
import type { ShellCache } from '../shell/cache';
import type { RunScript } from '../shell/runScript';
import type { Instruction, InstructionFacts, Stage } from '../index';
import type { RuleId } from './ids';
import type { RuleRow } from './table';

export type { RuleId } from './ids';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export type RuleCategory =
  /** BuildKit's parser or dockerfile2llb rejects the file: the build fails. */
  | 'syntax'
  /** Valid syntax that does not do what it says, or fails at build time. */
  | 'semantics'
  /** Habits that make images reproducible, smaller and faster to build. */
  | 'best-practice'
  /** Commands inside RUN: package managers and shell use. */
  | 'shell'
  /** What the layer model makes costly. */
  | 'layers'
  /** Label values (hadolint's label schema). */
  | 'labels'
  /** Casing and formatting. */
  | 'style';

/** What a quick fix of a rule does (documented; the edit itself is computed per finding). */
export interface RuleFixDescription {
  readonly title: string;
}

/** One row of the rules table (see table.ts). */
export type RuleDefinition = RuleRow<RuleId>;

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/** A place related to a finding (e.g. the RUN that wrote a file a later RUN deletes). */
export interface RelatedLocation {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

/** What a check reports. */
export interface Report {
  readonly start: number;
  readonly end: number;
  /** Defaults to the rule's title. */
  readonly message?: string;
  /** Computed only when the editor asks for code actions. */
  readonly fix?: () => Fix | undefined;
  readonly related?: readonly RelatedLocation[];
  /** The instruction the finding belongs to (for inline ignores); found from `start` when absent. */
  readonly instruction?: Instruction;
  /** Unused code, deprecated syntax: editors may fade or strike it through. */
  readonly tag?: 'unnecessary' | 'deprecated';
}

export interface Finding extends Report {
  readonly rule: RuleDefinition;
  readonly severity: Severity;
  readonly message: string;
}

/** Label types of hadolint's `label-schema`. */
export type LabelType = 'text' | 'url' | 'semver' | 'hash' | 'rfc3339' | 'spdx' | 'email';

/** Options that rules read (from .hadolint.yaml and settings). */
export interface RuleOptions {
  /** DL3026: registries FROM may use (wildcards like `*.gcr.io`); empty = rule inactive. */
  readonly trustedRegistries: readonly string[];
  /** DL3049–DL3058: required labels and their types. */
  readonly labelSchema: Readonly<Record<string, LabelType>>;
  /** DL3050: labels outside the schema are reported. */
  readonly strictLabels: boolean;
  /**
   * CopyIgnoredFile: whether the build context's .dockerignore excludes a path (relative to the
   * context). Absent when no .dockerignore is known (the rule is then inactive).
   */
  readonly contextIgnores?: (path: string) => boolean;
}

/** What a check sees. */
export interface CheckContext {
  readonly document: DockerfileDocument;
  readonly text: string;
  readonly options: RuleOptions;
  /** Parsed shell scripts, kept between lint runs. */
  readonly shells: ShellCache;
  /** The shell script of a RUN (cached); undefined for exec form of a non-shell, or a non-POSIX SHELL. */
  runScript(instruction: Instruction): RunScript | undefined;
  /** The stage an instruction belongs to. */
  stageOf(instruction: Instruction): Stage | undefined;
  /**
   * A value a whole-file check derives from one top-level instruction, computed once and kept
   * for the next versions of the file while the instruction and everything before it stay the
   * same. Only for values that depend on nothing after the instruction, and plain data: no
   * syntax nodes or closures, and strings detached from the text (see memory.ts `detach`).
   */
  memo<T>(instruction: Instruction, key: string, compute: () => T): T;
  /** Like `memo`, for a value derived from a whole stage (kept while the stage and everything before it stay the same). */
  stageMemo<T>(stage: Stage, key: string, compute: () => T): T;
  /** What the semantic model knows of a top-level instruction (substituted arguments, files…). */
  factsOf(instruction: Instruction): InstructionFacts | undefined;
  report(report: Report): void;
}

/** `Check.instructions` for a check that visits every instruction, whatever its name. */
export const EVERY_INSTRUCTION: readonly string[] = ['*'];

/**
 * A check finds one rule's problems. `instructions`: the instruction names it looks at (the
 * engine calls `visit` for each in one pass over the file); `stage`: called once per stage;
 * `document`: called once per file.
 */
export interface Check {
  readonly instructions?: readonly string[];
  /**
   * For RUN: only call `visit` when the script runs one of these programs (a RUN of 10,000-line
   * files mostly runs none of them, and most rules are about one program).
   */
  readonly programs?: readonly string[];
  /**
   * What the reports of `visit` depend on beyond the instruction and what precedes it:
   * 'shipped-stages' — whether the instruction's stage ends up in the image, which the last stage
   * decides. (The engine visits an unchanged instruction again, with every check, when its stage
   * starts or stops shipping.)
   */
  readonly dependsOn?: 'shipped-stages';
  visit?(instruction: Instruction, context: CheckContext): void;
  /**
   * Called once per stage, for findings that depend on the stage's instructions and what
   * precedes the stage (reused for a stage that did not change, like `visit` reports).
   */
  stage?(stage: Stage, context: CheckContext): void;
  document?(context: CheckContext): void;
}
