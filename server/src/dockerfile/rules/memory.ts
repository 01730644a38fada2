// What one lint of a document leaves for the lint of its next version. An edit leaves most of a
// file as it was: the instructions before the first changed character keep their text and their
// offsets, and — since every Dockerfile fact flows forward (a variable, a stage, a WORKDIR is
// defined before it is used) — what the checks found in them stays true. The next lint reuses
// those reports and values instead of reading the instructions again.
//
// Plain data only: offsets, strings, the rule rows. Nothing here references a syntax tree or a
// closure of an earlier lint, so keeping it never keeps an earlier version of the file alive.
import type { LintConfig } from './engine';
import type { Instruction } from '../syntax/types';

export { detach } from '../syntax/detach';
import type { Finding, RelatedLocation, Report, RuleDefinition, Severity } from './types';

/** A report of a check's `visit`, without its fix (which is computed again when asked for). */
export interface StoredReport {
  readonly rule: RuleDefinition;
  readonly start: number;
  readonly end: number;
  readonly message: string | undefined;
  readonly related: readonly RelatedLocation[] | undefined;
  readonly tag: Report['tag'];
  readonly hasFix: boolean;
  /** The index of the instruction the check named as the finding's own (for inline ignores); -1 for none. */
  readonly own: number;
  /** Reported by the check's `stage` hook (its index is then the stage's FROM). */
  readonly byStage: boolean;
  /** The finding made of it, kept while its severity stays the same. */
  finding?: { readonly severity: Severity; readonly value: Finding };
  /** Its entry in the lints that reuse it (at one index). */
  raw?: { readonly rule: RuleDefinition; readonly stored: StoredReport; readonly index: number; readonly kind: number; readonly owner: number };
}

export interface LintMemory {
  readonly text: string;
  readonly config: LintConfig;
  readonly shellRulesOff: boolean;
  /** Start and end offsets of each top-level instruction (2 entries per instruction). */
  readonly spans: Int32Array;
  /** Per instruction: 1 when its stage ends up in the image (the package-cache rules depend on it). */
  readonly shipped: Uint8Array;
  /** Per instruction: what the `visit` of every check found in it. */
  readonly reports: readonly (readonly StoredReport[])[];
  /**
   * By memo key, per instruction: values the whole-file checks derived from it (see
   * CheckContext.memo). The first lint from this memory takes the arrays over (`memosTaken`).
   */
  readonly memos: ReadonlyMap<string, readonly unknown[]>;
  memosTaken?: boolean;
  /** Per stage, by the index of its FROM: what the `stage` hooks found, and per-stage memos. */
  readonly stageReports: ReadonlyMap<number, readonly StoredReport[]>;
  readonly stageMemos: ReadonlyMap<number, Map<string, unknown>>;
  /** Per stage, by the index of its FROM: 1 when it ships. */
  readonly stageShipped: ReadonlyMap<number, boolean>;
  /** Where the fixes of reused reports are computed: the lint of the newest version. */
  readonly binding: FixBinding;
  /** The finished findings of the leading instructions and stages, carried over as a whole. */
  readonly block: FindingBlock;
}

/**
 * The findings of the leading instructions that did not change (and whose stage ships as
 * before), and of the stages made of them, finished (severity resolved, ignored ones dropped)
 * and in order. Whether such a finding is kept, and how severe it is, depends only on its
 * instruction, what precedes it, the plan of checks and the `finishKey` (the `# check=`
 * directive, the file-wide ignores): while those stay the same, the next lint takes the block
 * as it is, cut to what still precedes the edit, and adds what joins it.
 */
export interface FindingBlock {
  /** The plan of checks (severities) it was finished with. */
  readonly plan: object;
  readonly context: string;
  /** It holds the reports of the instructions before this index… */
  readonly instructions: number;
  /** …and of the stages whose FROM is before this one. */
  readonly stageEnd: number;
  readonly findings: readonly Finding[];
  /** Per finding: whether a visit or a stage hook reported it, and the index of its instruction (or stage's FROM). */
  readonly kinds: Uint8Array;
  readonly owners: Int32Array;
  /** Instructions and stages (by FROM index) in the block with a report outside them: finished again on every lint. */
  readonly outliers: Outliers;
}

export interface Outliers {
  readonly instructions: number[];
  readonly stages: number[];
}

/** The newest lint of the document: it computes the fixes of every finding kept across versions. */
export interface FixBinding {
  refix: (index: number, stored: StoredReport) => ReturnType<NonNullable<Report['fix']>>;
  instruction: (index: number) => Instruction | undefined;
}

export { commonPrefixLength } from '../syntax/chars';
