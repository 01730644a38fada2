// Several features contribute to the same LSP request (code lenses from the build feature and
// from layer analysis; inlay hints; code actions from lint rules and from layer analysis), but
// the protocol allows one handler per request. Features add contributors here; one hub per
// request, registered by the server only when something contributes, merges their answers.
import type {
  CancellationToken,
  CodeAction,
  CodeActionParams,
  CodeLens,
  Diagnostic,
  InlayHint,
  Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DockerfileDocument } from '../dockerfile';

export interface ContributorInput {
  readonly document: TextDocument;
  readonly dockerfile: DockerfileDocument;
  readonly token: CancellationToken;
}

export type CodeLensContributor = (input: ContributorInput) => CodeLens[] | Promise<CodeLens[]>;
export type InlayHintContributor = (input: ContributorInput & { readonly range: Range }) => InlayHint[] | Promise<InlayHint[]>;
export type CodeActionContributor = (
  input: ContributorInput & { readonly params: CodeActionParams },
) => CodeAction[] | Promise<CodeAction[]>;
/**
 * Diagnostics beyond the lint rules (e.g. bytes a layer deletes, known only after analysing an
 * image). Must answer from what is already known, synchronously and fast; call
 * `Contributions.refreshDiagnostics` when that knowledge changes.
 */
export type DiagnosticContributor = (input: Omit<ContributorInput, 'token'>) => Diagnostic[];

export class Contributions {
  readonly codeLenses: CodeLensContributor[] = [];
  readonly inlayHints: InlayHintContributor[] = [];
  readonly codeActions: CodeActionContributor[] = [];
  readonly diagnostics: DiagnosticContributor[] = [];
  private readonly diagnosticsRefreshers: Array<(uri?: string) => void> = [];

  /** The diagnostics feature registers how to re-validate; contributors call refreshDiagnostics. */
  onRefreshDiagnostics(refresh: (uri?: string) => void): void {
    this.diagnosticsRefreshers.push(refresh);
  }

  /**
   * Counts refreshes, so a pull-diagnostics result id can change when only a contribution did
   * (e.g. an image analysis arrived while the document stayed the same).
   */
  diagnosticsGeneration = 0;

  /** Re-publishes diagnostics of `uri` (or of every open document). */
  refreshDiagnostics(uri?: string): void {
    this.diagnosticsGeneration++;
    for (const refresh of this.diagnosticsRefreshers) refresh(uri);
  }
}
