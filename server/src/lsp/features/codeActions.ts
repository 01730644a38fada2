// Quick fixes of the lint rules, contributed to the code-action hub: the rule's mechanical fix
// (preferred), "ignore this rule for this instruction" and "… in this file" for every rule, and
// a source.fixAll action that applies every fix that does not overlap another.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { instructionAt, type DockerfileDocument } from '../../dockerfile';
import { ignoreInFile, ignoreOnInstruction } from '../../dockerfile/fixes/ignore';
import type { Finding, Fix } from '../../dockerfile/rules';
import { lintServiceFor } from '../diagnostics/lintService';
import type { Feature, ServerContext } from '../feature';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.layerwise`;

export const codeActions: Feature = {
  name: 'code actions',
  // Announced by the code-action hub.
  capabilities: () => ({}),
  register(context) {
    const service = lintServiceFor(context);
    context.contributions.codeActions.push(async ({ document, dockerfile, params }) => {
      let lint = service.lintOf(document.uri, document.version);
      if (!lint) lint = service.lint(document, await service.prepare(document));
      if (!lint.settings.enable) return [];
      const only = params.context.only;
      const wants = (kind: string): boolean => !only || only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
      const lines = dockerfile.ast.lines;
      const from = lines.offsetAt(params.range.start);
      const to = lines.offsetAt(params.range.end);
      const actions: CodeAction[] = [];
      if (wants(CodeActionKind.QuickFix)) {
        const ignored = new Set<string>();
        for (const finding of lint.result.findings) {
          if (finding.end < from || finding.start > to) continue;
          const diagnostic = params.context.diagnostics.find((candidate) => candidate.code === finding.rule.id && sameRange(candidate, lines.rangeOf(finding.start, finding.end)));
          const fix = finding.fix?.();
          if (fix && fix.edits.length > 0) actions.push(action(fix, CodeActionKind.QuickFix, document, dockerfile, context, diagnostic, true));
          if (ignored.has(finding.rule.id)) continue;
          ignored.add(finding.rule.id);
          const instruction = finding.instruction ?? instructionAt(dockerfile.ast.instructions, finding.start);
          if (instruction) actions.push(action(ignoreOnInstruction(dockerfile, instruction, finding.rule.id), CodeActionKind.QuickFix, document, dockerfile, context, diagnostic, false));
          actions.push(action(ignoreInFile(dockerfile, finding.rule.id), CodeActionKind.QuickFix, document, dockerfile, context, diagnostic, false));
        }
      }
      if (only && wants(FIX_ALL_KIND)) {
        const fixAll = fixAllOf(lint.result.findings);
        if (fixAll) actions.push(action(fixAll, FIX_ALL_KIND, document, dockerfile, context, undefined, false));
      }
      return actions;
    });
  },
};

/** Every fix whose edits overlap no other fix's, in document order. */
export function fixAllOf(findings: readonly Finding[]): Fix | undefined {
  const edits: Fix['edits'][number][] = [];
  for (const finding of findings) {
    const fix = finding.fix?.();
    if (!fix || fix.edits.length === 0) continue;
    if (fix.edits.some((edit) => edits.some((taken) => edit.start < taken.end && taken.start < edit.end || (edit.start === edit.end && edit.start === taken.start)))) continue;
    edits.push(...fix.edits);
  }
  return edits.length > 0 ? { title: 'Fix all auto-fixable Dockerfile problems', edits } : undefined;
}

function action(fix: Fix, kind: string, document: TextDocument, dockerfile: DockerfileDocument, context: ServerContext, diagnostic: Diagnostic | undefined, preferred: boolean): CodeAction {
  const lines = dockerfile.ast.lines;
  const edits: LspTextEdit[] = fix.edits.map((edit) => ({ range: lines.rangeOf(edit.start, edit.end), newText: edit.newText }));
  const edit: WorkspaceEdit = context.client.workspace?.workspaceEdit?.documentChanges
    ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] }
    : { changes: { [document.uri]: edits } };
  return { title: fix.title, kind, edit, ...(diagnostic ? { diagnostics: [diagnostic] } : {}), ...(preferred ? { isPreferred: true } : {}) };
}

function sameRange(diagnostic: Diagnostic, range: { start: { line: number; character: number }; end: { line: number; character: number } }): boolean {
  const a = diagnostic.range;
  return a.start.line === range.start.line && a.start.character === range.start.character && a.end.line === range.end.line && a.end.character === range.end.character;
}
