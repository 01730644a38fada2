// Diagnostics: the lint rules on every document version, plus what other features contribute
// (contributions.diagnostics), published by this one feature so each document has one publisher.
// Pull diagnostics when the client supports them (it asks when it needs them), push otherwise;
// computed once per version with no debounce (linting a 10,000-line file takes milliseconds once
// its RUN scripts are cached), results for an outdated version are dropped, ShellCheck (when on)
// follows as a second publication of the same version.
import {
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ResponseError,
  type Diagnostic,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE, toDiagnostics } from '../diagnostics/toDiagnostic';
import { lintServiceFor, type DocumentLint, type LintService } from '../diagnostics/lintService';
import type { Feature, ServerContext } from '../feature';
import { describeFailure, runSafeAsync } from '../runSafe';

export const diagnostics: Feature = {
  name: 'diagnostics',
  capabilities(client) {
    return client.textDocument?.diagnostic ? { diagnosticProvider: { identifier: 'layerwise', interFileDependencies: false, workspaceDiagnostics: false } } : {};
  },
  register(context) {
    const service = lintServiceFor(context);
    const { connection, documents, contributions, client, log } = context;
    const pull = client.textDocument?.diagnostic !== undefined;
    const publisher = new Publisher(context, service);

    if (pull) {
      connection.languages.diagnostics.on(async (params, token) => {
        const answer = await runSafeAsync(log, 'diagnostics', params.textDocument.uri, token, { kind: DocumentDiagnosticReportKind.Full, items: [] } as DocumentDiagnosticReport, async (): Promise<DocumentDiagnosticReport> => {
          const document = documents.get(params.textDocument.uri);
          if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
          const items = await publisher.diagnosticsFor(document);
          const resultId = publisher.resultId(document);
          if (items === undefined) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
          return params.previousResultId === resultId ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId } : { kind: DocumentDiagnosticReportKind.Full, resultId, items };
        });
        // A cancelled request: the client asks again for the version it needs.
        return answer instanceof ResponseError ? new ResponseError(answer.code, answer.message, { retriggerRequest: true }) : answer;
      });
    } else {
      documents.onDidChangeContent((event) => void publisher.publish(event.document));
    }
    documents.onDidClose((event) => {
      service.forget(event.document.uri);
      publisher.forget(event.document.uri);
      if (!pull) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    });

    const refresh = (uri?: string): void => {
      if (pull) {
        if (client.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
        return;
      }
      // Contributors' findings changed without a new version: publish again.
      for (const document of uri ? [documents.get(uri)].filter((entry): entry is TextDocument => entry !== undefined) : documents.all()) {
        publisher.forget(document.uri);
        void publisher.publish(document);
      }
    };
    contributions.onRefreshDiagnostics(refresh);
    context.settings.onDidChange(() => {
      service.invalidate();
      refresh();
    });
    // A .hadolint.yaml or .dockerignore changed: lint again at once. (The only feature that watches files.)
    connection.onDidChangeWatchedFiles((change) => {
      if (!change.changes.some((event) => /\.hadolint\.ya?ml$|\.dockerignore$/.test(event.uri))) return;
      service.invalidate();
      refresh();
    });
    context.onInitialized(() => {
      if (client.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.hadolint.{yaml,yml}' }, { globPattern: '**/*.dockerignore' }, { globPattern: '**/.dockerignore' }] }).catch((error: unknown) => log.error(describeFailure('watching .hadolint.yaml', undefined, error)));
      }
    });
  },
};

class Publisher {
  /** What was last pushed per document, so a burst of changes publishes each version once. */
  private readonly published = new Map<string, string>();

  constructor(
    private readonly context: ServerContext,
    private readonly service: LintService,
  ) {}

  /** Lints the document as it is now and pushes the result, unless a newer version arrived meanwhile. */
  async publish(document: TextDocument): Promise<void> {
    const { uri, version } = document;
    try {
      const items = await this.diagnosticsFor(document);
      if (items === undefined || this.context.documents.get(uri)?.version !== version) return;
      const key = this.resultId(document);
      if (this.published.get(uri) === key) return;
      this.published.set(uri, key);
      await this.context.connection.sendDiagnostics({ uri, version, diagnostics: items });
      const lint = this.service.lintOf(uri, version);
      if (lint && (await this.service.runShellcheck(uri, lint)) && this.context.documents.get(uri)?.version === version) {
        this.published.set(uri, this.resultId(document));
        await this.context.connection.sendDiagnostics({ uri, version, diagnostics: this.collect(document, lint) });
      }
    } catch (error) {
      this.context.log.error(describeFailure('diagnostics', uri, error));
    }
  }

  /** The diagnostics of the document's current version; undefined when it changed while settings were read. */
  async diagnosticsFor(document: TextDocument): Promise<Diagnostic[] | undefined> {
    const version = document.version;
    const prepared = await this.service.prepare(document);
    const current = this.context.documents.get(document.uri);
    if (!current || current.version !== version) return undefined;
    const lint = this.service.lint(current, prepared);
    if (prepared.settings.shellcheck.enable && !this.service.shellcheckOf(document.uri, version)) {
      // Pull clients ask again after the refresh that follows ShellCheck's answer.
      void this.service.runShellcheck(document.uri, lint).then((fresh) => {
        if (fresh && this.context.client.workspace?.diagnostics?.refreshSupport && this.context.client.textDocument?.diagnostic) void this.context.connection.languages.diagnostics.refresh();
      });
    }
    return this.collect(current, lint);
  }

  forget(uri: string): void {
    this.published.delete(uri);
  }

  resultId(document: TextDocument): string {
    const lint = this.service.lintOf(document.uri, document.version);
    return `${document.version}:${lint?.generation ?? 0}:${this.context.contributions.diagnosticsGeneration}:${this.service.shellcheckOf(document.uri, document.version) ? 'sc' : ''}`;
  }

  private collect(document: TextDocument, lint: DocumentLint): Diagnostic[] {
    const { client, contributions, log } = this.context;
    const items: Diagnostic[] = [];
    if (lint.configError) {
      items.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, code: 'lint-configuration', message: lint.configError });
    }
    if (lint.settings.enable) {
      items.push(...toDiagnostics(lint.result.findings, lint.dockerfile, document.uri, client, lint.previousFindings));
      for (const finding of this.service.shellcheckOf(document.uri, lint.version) ?? []) {
        items.push({
          range: lint.dockerfile.ast.lines.rangeOf(finding.start, finding.end),
          severity: finding.severity === 'error' ? DiagnosticSeverity.Error : finding.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
          source: 'shellcheck',
          code: finding.code,
          codeDescription: { href: `https://www.shellcheck.net/wiki/${finding.code}` },
          message: finding.message,
        });
      }
    }
    for (const contribute of contributions.diagnostics) {
      try {
        items.push(...contribute({ document, dockerfile: lint.dockerfile }));
      } catch (error) {
        // One failing contributor must not hide the lint results.
        log.error(describeFailure('diagnostic contributor', document.uri, error));
      }
    }
    return items;
  }
}
