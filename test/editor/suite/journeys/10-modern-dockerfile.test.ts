// Journey 10, writing a modern Dockerfile: the multi-stage teaching example (ARG before FROM, cache
// mounts, COPY --from=build --link), to which the user adds a here-doc step. Completion knows the
// flags, their values, the stages and the variables; the outline shows the stages; renaming the
// build stage follows every reference; Format Document leaves what BuildKit builds unchanged
// (`layerwise parse --dump` before and after); and `layerwise lint --format sarif`, as CI runs it,
// reports exactly the diagnostics the editor shows.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatDocument } from '../helpers';
import { clonePath, codeOf, completionsAt, copyExample, labelOf, layerwise, lineOf, open, waitFor } from './support';

const hereDoc = ['run   <<EOF', 'apt-get update', 'apt-get install curl', 'EOF'];

/** `layerwise parse --dump` of a text: BuildKit's own view of the file. */
function buildkitDump(text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-journey-dump-')), 'Dockerfile');
  fs.writeFileSync(file, text);
  return execFileSync(process.execPath, [clonePath('dist/cli.js'), 'parse', '--dump', file], { encoding: 'utf8' });
}

interface SarifRule {
  readonly id: string;
  readonly properties?: { readonly tags?: readonly string[] };
}

interface SarifResult {
  readonly ruleId: string;
  readonly level: string;
  readonly message: { readonly text: string };
  readonly locations: ReadonlyArray<{ readonly physicalLocation: { readonly region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }>;
}

function lintInCi(file: string): { results: SarifResult[]; rules: SarifRule[] } {
  // Exit 1 means findings at the fail level: that is the point here, not a failure.
  const run = spawnSync(process.execPath, [clonePath('dist/cli.js'), 'lint', '--format', 'sarif', file], { encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, `layerwise lint exited ${run.status}: ${run.stderr}`);
  const log = JSON.parse(run.stdout) as { runs: Array<{ results: SarifResult[]; tool: { driver: { rules: SarifRule[] } } }> };
  return { results: log.runs[0]!.results, rules: log.runs[0]!.tool.driver.rules };
}

const sarifLevel: Record<number, string> = { [vscode.DiagnosticSeverity.Error]: 'error', [vscode.DiagnosticSeverity.Warning]: 'warning', [vscode.DiagnosticSeverity.Information]: 'note', [vscode.DiagnosticSeverity.Hint]: 'note' };

describe('journey 10: writing a modern Dockerfile', function () {
  this.timeout(120_000);
  let document: vscode.TextDocument;

  before(async () => {
    await layerwise();
    document = await open(copyExample('multi-stage/Dockerfile', 'journey-10'));
  });

  /** Completion labels at the end of `text` typed on a new line before `beforeLine` (then removed, as a user would undo). */
  async function completionsOnNewLine(beforeLine: number, text: string, expected: string): Promise<vscode.CompletionItem[]> {
    const insert = new vscode.WorkspaceEdit();
    insert.insert(document.uri, new vscode.Position(beforeLine, 0), `${text}\n`);
    assert.ok(await vscode.workspace.applyEdit(insert));
    try {
      return await waitFor(`completion after "${text}"`, async () => {
        const items = await completionsAt(document, new vscode.Position(beforeLine, text.length));
        return items.some((item) => labelOf(item).startsWith(expected)) ? items : undefined;
      });
    } finally {
      const remove = new vscode.WorkspaceEdit();
      remove.delete(document.uri, new vscode.Range(beforeLine, 0, beforeLine + 1, 0));
      assert.ok(await vscode.workspace.applyEdit(remove));
    }
  }

  it('the outline shows the global ARG and the stages', async () => {
    const symbols = await waitFor('the outline', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      return found && found.length > 0 ? found : undefined;
    });
    assert.deepEqual(
      symbols.map((symbol) => [symbol.name, symbol.detail]),
      [
        ['ARG', 'GO_VERSION=1.23'],
        ['build', 'golang:${GO_VERSION}-bookworm = golang:1.23-bookworm'],
        ['runtime', 'gcr.io/distroless/static-debian12:nonroot · last stage'],
      ],
    );
    assert.deepEqual(symbols[1]!.children.map((child) => child.name), ['FROM', 'WORKDIR', 'COPY', 'RUN', 'COPY', 'RUN']);
  });

  it('completion knows the flags, their values, the stages and the variables', async () => {
    const runtime = lineOf(document, 'FROM gcr.io/distroless');
    const runFlags = (await completionsOnNewLine(runtime - 1, 'RUN --', '--mount')).map(labelOf);
    for (const flag of ['--mount', '--network', '--security']) assert.ok(runFlags.some((label) => label.startsWith(flag)), `${flag} among ${runFlags.join(', ')}`);
    const networks = (await completionsOnNewLine(runtime - 1, 'RUN --network=', 'none')).map(labelOf);
    assert.deepEqual([...networks].sort(), ['default', 'host', 'none']);
    const cacheOptions = (await completionsOnNewLine(runtime - 1, 'RUN --mount=type=cache,', 'target=')).map(labelOf);
    for (const option of ['target=', 'id=', 'sharing=', 'from=', 'mode=']) assert.ok(cacheOptions.includes(option), `${option} among ${cacheOptions.join(', ')}`);
    const copyFlags = (await completionsOnNewLine(lineOf(document, 'USER'), 'COPY --', '--link')).map(labelOf);
    for (const flag of ['--from', '--link', '--chmod', '--chown']) assert.ok(copyFlags.some((label) => label.startsWith(flag)), `${flag} among ${copyFlags.join(', ')}`);
    const stages = (await completionsOnNewLine(lineOf(document, 'USER'), 'RUN --mount=type=bind,from=', 'build')).map(labelOf);
    assert.ok(!stages.includes('runtime'), 'not the stage being written');

    // Variables: inside the FROM line's ${…}, the global ARG with its value.
    const from = lineOf(document, 'FROM golang:');
    const variables = await waitFor('variables after ${', async () => {
      const items = await completionsAt(document, new vscode.Position(from, document.lineAt(from).text.indexOf('${') + 2));
      return items.find((item) => labelOf(item) === 'GO_VERSION') ? items : undefined;
    });
    const goVersion = variables.find((item) => labelOf(item) === 'GO_VERSION')!;
    assert.match(`${goVersion.detail ?? ''} ${typeof goVersion.documentation === 'string' ? goVersion.documentation : (goVersion.documentation?.value ?? '')}`, /1\.23/);
  });

  it('the user adds a here-doc step; renaming the build stage follows every reference', async () => {
    const insert = new vscode.WorkspaceEdit();
    insert.insert(document.uri, new vscode.Position(lineOf(document, 'COPY . .') + 1, 0), `${hereDoc.join('\n')}\n`);
    assert.ok(await vscode.workspace.applyEdit(insert));

    const stageName = lineOf(document, 'FROM golang:');
    const edit = await waitFor('a rename from the language server', async () => {
      try {
        return await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, new vscode.Position(stageName, document.lineAt(stageName).text.lastIndexOf('build') + 1), 'compile');
      } catch {
        return undefined;
      }
    });
    const before = document.getText();
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(document.getText(), before.replace(' AS build\n', ' AS compile\n').replace('COPY --from=build --link', 'COPY --from=compile --link'));
  });

  it('Format Document tidies the new step and leaves what BuildKit builds unchanged', async () => {
    const before = document.getText();
    await formatDocument(document);
    const after = document.getText();
    assert.ok(after.includes('\nRUN <<EOF\napt-get update\napt-get install curl\nEOF\n'), after);
    assert.equal(buildkitDump(after), buildkitDump(before));
    assert.ok(document.isDirty, 'formatted, not saved yet');
    const saved = await document.save();
    assert.ok(saved, `saved (dirty: ${document.isDirty}, on disk: ${JSON.stringify(fs.readFileSync(document.uri.fsPath, 'utf8') === document.getText())})`);
  });

  it('layerwise lint --format sarif reports exactly the diagnostics the editor shows', async () => {
    // The here-doc's apt-get lines are what the rules find; wait for their findings.
    const shown = await waitFor('the diagnostics of the saved file', () => {
      const found = vscode.languages.getDiagnostics(document.uri);
      return found.some((diagnostic) => codeOf(diagnostic) === 'apt-get-yes') ? found : undefined;
    });
    const editor = shown.map((diagnostic) => ({
      ruleId: codeOf(diagnostic),
      level: sarifLevel[diagnostic.severity],
      message: diagnostic.message,
      region: { startLine: diagnostic.range.start.line + 1, startColumn: diagnostic.range.start.character + 1, endLine: diagnostic.range.end.line + 1, endColumn: diagnostic.range.end.character + 1 },
    }));
    const sarif = lintInCi(document.uri.fsPath);
    // The editor's message ends with the rule's hadolint/BuildKit aliases, e.g. " (DL3014)"; SARIF
    // carries them as the rule's tags instead. Everything else must be the same.
    const aliasesOf = (ruleId: string) => (sarif.rules.find((rule) => rule.id === ruleId)?.properties?.tags ?? []).filter((tag) => /^DL\d{4}$|^[A-Z][A-Za-z]+$/.test(tag));
    const ci = sarif.results.map((result) => {
      const aliases = aliasesOf(result.ruleId);
      return { ruleId: result.ruleId, level: result.level, message: aliases.length > 0 ? `${result.message.text} (${aliases.join(', ')})` : result.message.text, region: result.locations[0]!.physicalLocation.region };
    });
    assert.ok(ci.length >= 3, `the here-doc's apt-get findings: ${JSON.stringify(ci)}`);
    const key = (finding: { ruleId?: string; region: { startLine: number; startColumn: number } }) => `${finding.region.startLine}:${finding.region.startColumn}:${finding.ruleId}`;
    assert.deepEqual([...ci].sort((a, b) => key(a).localeCompare(key(b))), [...editor].sort((a, b) => key(a).localeCompare(key(b))));
  });
});
