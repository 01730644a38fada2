// One lint finding as the CLI reports it: file, 1-based lines and columns (UTF-16 columns, as
// editors and SARIF count them), severity, rule id, its aliases, the message.
import type { RuleDefinition, Severity } from '../dockerfile/rules';

export interface ReportedFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  /** Our rule id, or a ShellCheck code (SC2086). */
  readonly code: string;
  readonly aliases: readonly string[];
  readonly message: string;
}

export interface LintReport {
  readonly findings: readonly ReportedFinding[];
  /** The rules that found something (for SARIF's rule list). */
  readonly rules: readonly RuleDefinition[];
  /** Every file linted, relative to the working directory. */
  readonly files: readonly string[];
}

export type Formatter = (report: LintReport, toolVersion: string) => string;
