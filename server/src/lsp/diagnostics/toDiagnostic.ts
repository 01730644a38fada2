// Findings as LSP diagnostics: the rule id as code, its aliases in the message (so a hadolint or
// BuildKit user recognises DL3008 / JSONArgsRecommended), a link to the rule's documentation,
// related locations, and the unnecessary/deprecated tags editors render (each when the client
// declares it supports them).
import { DiagnosticSeverity, DiagnosticTag, type ClientCapabilities, type Diagnostic, type PublishDiagnosticsClientCapabilities } from 'vscode-languageserver';
import type { DockerfileDocument } from '../../dockerfile';
import { ruleUrl, type Finding } from '../../dockerfile/rules';

export const DIAGNOSTIC_SOURCE = 'layerwise';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/**
 * The diagnostic of each finding. A lint reuses the findings of the instructions an edit did not
 * touch (same objects, same positions), so their diagnostics are made once, not on every keystroke.
 */
const made = new WeakMap<Finding, Diagnostic>();

/** The diagnostic of a finding (the rule id is its code, which code actions read back). */
export function toDiagnostic(finding: Finding, document: DockerfileDocument, uri: string, client: ClientCapabilities): Diagnostic {
  let diagnostic = made.get(finding);
  if (!diagnostic) made.set(finding, (diagnostic = makeDiagnostic(finding, document, uri, client)));
  return diagnostic;
}

/** The diagnostics made for each lint's findings (for a document's next version). */
const madeLists = new WeakMap<readonly Finding[], readonly Diagnostic[]>();

/**
 * The diagnostics of a lint's findings. `previous`: the findings of the lint of the document's
 * previous version; the leading findings that are the very same objects (those of the
 * instructions before the edit) take their diagnostics from that lint's list as one slice.
 */
export function toDiagnostics(findings: readonly Finding[], document: DockerfileDocument, uri: string, client: ClientCapabilities, previous?: readonly Finding[]): readonly Diagnostic[] {
  const known = madeLists.get(findings);
  if (known) return known;
  const before = previous ? madeLists.get(previous) : undefined;
  let same = 0;
  if (before) {
    const limit = Math.min(findings.length, previous!.length);
    while (same < limit && findings[same] === previous![same]) same++;
  }
  const list = before ? before.slice(0, same) : [];
  for (let index = same; index < findings.length; index++) list.push(toDiagnostic(findings[index], document, uri, client));
  madeLists.set(findings, list);
  return list;
}

function makeDiagnostic(finding: Finding, document: DockerfileDocument, uri: string, client: ClientCapabilities): Diagnostic {
  const lines = document.ast.lines;
  const supports = supportOf(client);
  const diagnostic: Diagnostic = {
    range: lines.rangeOf(finding.start, finding.end),
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.rule.id,
    message: finding.rule.aliases.length > 0 ? `${finding.message} (${finding.rule.aliases.join(', ')})` : finding.message,
  };
  const href = supports.codeDescription ? ruleUrl(finding.rule) : undefined;
  if (href) diagnostic.codeDescription = { href };
  if (finding.related && finding.related.length > 0 && supports.relatedInformation) {
    diagnostic.relatedInformation = finding.related.map((related) => ({ location: { uri, range: lines.rangeOf(related.start, related.end) }, message: related.message }));
  }
  const tag = finding.tag === 'unnecessary' ? DiagnosticTag.Unnecessary : finding.tag === 'deprecated' ? DiagnosticTag.Deprecated : undefined;
  if (tag !== undefined && supports.tags.includes(tag)) diagnostic.tags = [tag];
  return diagnostic;
}

/**
 * What the client says its diagnostics may carry (VS Code: all of it). A client that does not
 * declare a property gets none: a big file's thousands of diagnostics are sent on every edit.
 */
function supportOf(client: ClientCapabilities): { codeDescription: boolean; relatedInformation: boolean; tags: readonly DiagnosticTag[] } {
  let support = supports.get(client);
  if (!support) {
    const declared = [client.textDocument?.publishDiagnostics, client.textDocument?.diagnostic as PublishDiagnosticsClientCapabilities | undefined];
    support = {
      codeDescription: declared.some((capabilities) => capabilities?.codeDescriptionSupport === true),
      relatedInformation: declared.some((capabilities) => capabilities?.relatedInformation === true),
      tags: declared.flatMap((capabilities) => capabilities?.tagSupport?.valueSet ?? []),
    };
    supports.set(client, support);
  }
  return support;
}

const supports = new WeakMap<ClientCapabilities, ReturnType<typeof supportOf>>();
