// Layerwise: Build Image. Picks the Dockerfile (argument, active editor, or a pick among the
// workspace's Dockerfiles), waits for workspace trust, asks for (or reuses) the options remembered
// for that Dockerfile, builds with progress per step and the step log in the output, and turns a
// failure into a diagnostic on the failing instruction with the command's last output lines.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { BuildEvent, BuildFailedError, BuildOptions, buildImage } from '../engine/operations/build';
import { estimatedBuildkitSteps, readBuildDockerfile } from '../engine/operations/dockerfileSteps';
import { formatBytes } from '../explorer/shape/format';
import { isCancellation, withCancellableProgress } from '../ui/progress';
import { waitForWorkspaceTrust } from '../ui/trust';
import { OperationContext, engineFor, refreshExplorer } from './operationContext';
import { registerCommand } from './registerCommand';

/** What is remembered per Dockerfile, and what a caller (or a test) may pass to skip the prompts. */
export interface BuildCommandOptions {
  readonly tags?: readonly string[];
  readonly target?: string;
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** Absolute path of the context folder. */
  readonly contextDir?: string;
  readonly platform?: string;
  readonly noCache?: boolean;
  readonly pull?: boolean;
  /** Run the image once it is built (the "Build and run" code lens); never remembered. */
  readonly runAfter?: boolean;
}

const lastOptionsKey = 'layerwise.build.lastOptions';
const dockerfileGlob = '**/{Dockerfile,Containerfile,dockerfile,containerfile,*.Dockerfile,*.dockerfile,*.Containerfile,Dockerfile.*,Containerfile.*}';

export function registerBuildCommand(context: OperationContext): vscode.DiagnosticCollection {
  const diagnostics = vscode.languages.createDiagnosticCollection('layerwise-build');
  context.extension.subscriptions.push(diagnostics);
  // A fixed file gets a fresh chance: its build diagnostic goes as soon as it is edited.
  context.extension.subscriptions.push(
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0 && diagnostics.has(event.document.uri)) diagnostics.delete(event.document.uri);
    }),
  );
  registerCommand(context.extension, context.log, 'layerwise.image.build', (target?: unknown, options?: BuildCommandOptions) => runBuildCommand(context, diagnostics, target, options));
  return diagnostics;
}

async function chooseDockerfile(target: unknown): Promise<vscode.Uri | undefined> {
  if (target instanceof vscode.Uri) return target;
  if (typeof target === 'string') return vscode.Uri.file(target);
  const active = vscode.window.activeTextEditor?.document;
  if (active && active.languageId === 'dockerfile' && active.uri.scheme === 'file') return active.uri;
  const found = await vscode.workspace.findFiles(dockerfileGlob, '**/node_modules/**', 200);
  if (found.length === 0) {
    void vscode.window.showInformationMessage('There is no Dockerfile in this workspace to build.');
    return undefined;
  }
  if (found.length === 1) return found[0];
  const picked = await vscode.window.showQuickPick(
    found.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })).sort((a, b) => a.label.localeCompare(b.label)),
    { placeHolder: 'Dockerfile to build' },
  );
  return picked?.uri;
}

function defaultTag(dockerfile: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(dockerfile);
  const base = path.basename(path.dirname(dockerfile.fsPath)) || folder?.name || 'image';
  const name = base.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'image';
  return `${name}:latest`;
}

function defaultContext(dockerfile: vscode.Uri): string {
  const setting = vscode.workspace.getConfiguration('layerwise.build', dockerfile).get<string>('context', 'dockerfileFolder');
  const folder = vscode.workspace.getWorkspaceFolder(dockerfile);
  return setting === 'workspaceFolder' && folder ? folder.uri.fsPath : path.dirname(dockerfile.fsPath);
}

function describeOptions(options: BuildCommandOptions, dockerfile: vscode.Uri): string {
  const parts = [`tag ${(options.tags ?? []).join(', ') || '(none)'}`];
  if (options.target) parts.push(`target ${options.target}`);
  const args = Object.keys(options.buildArgs ?? {});
  if (args.length > 0) parts.push(`args ${args.join(', ')}`);
  if (options.contextDir && options.contextDir !== path.dirname(dockerfile.fsPath)) parts.push(`context ${vscode.workspace.asRelativePath(options.contextDir)}`);
  if (options.noCache) parts.push('no cache');
  if (options.pull) parts.push('pull');
  if (options.platform) parts.push(options.platform);
  return parts.join(' · ');
}

function parseBuildArgs(text: string): Record<string, string> | string {
  const result: Record<string, string> = {};
  for (const item of text.split(/\s+/).filter(Boolean)) {
    const equals = item.indexOf('=');
    if (equals <= 0) return `"${item}" is not KEY=VALUE`;
    result[item.slice(0, equals)] = item.slice(equals + 1);
  }
  return result;
}

/** Asks for every option, starting from the remembered ones; undefined when the user cancels. */
async function promptOptions(dockerfile: vscode.Uri, remembered: BuildCommandOptions): Promise<BuildCommandOptions | undefined> {
  const text = await fs.promises.readFile(dockerfile.fsPath, 'utf8');
  const { stages, buildArgs: declared } = readBuildDockerfile(text);
  const tagText = await vscode.window.showInputBox({
    title: 'Build: image name',
    prompt: 'repository:tag (several separated by spaces; empty for an untagged image)',
    value: (remembered.tags ?? [defaultTag(dockerfile)]).join(' '),
    validateInput: (value) => (value.split(/\s+/).filter(Boolean).some((tag) => /[A-Z\s]/.test(tag.split(':')[0] ?? '')) ? 'Repository names are lower case.' : undefined),
  });
  if (tagText === undefined) return undefined;
  let target = remembered.target;
  const named = stages.filter((stage) => stage.name);
  if (named.length > 0 && stages.length > 1) {
    const last = stages[stages.length - 1]!;
    const picked = await vscode.window.showQuickPick(
      [
        { label: '$(layers) Last stage', description: last.name ?? `stage ${last.index}`, value: undefined as string | undefined },
        ...named.map((stage) => ({ label: stage.name!, description: `line ${stage.from.startLine + 1}: FROM ${stage.base}`, value: stage.name })),
      ],
      { title: 'Build: target stage', placeHolder: target ? `Currently ${target}` : 'Which stage to build' },
    );
    if (!picked) return undefined;
    target = picked.value;
  }
  const argsText = await vscode.window.showInputBox({
    title: 'Build: build arguments',
    prompt: declared.length > 0 ? `KEY=VALUE separated by spaces. The Dockerfile declares: ${declared.join(', ')}` : 'KEY=VALUE separated by spaces (optional)',
    value: Object.entries(remembered.buildArgs ?? {})
      .map(([key, value]) => `${key}=${value}`)
      .join(' '),
    validateInput: (value) => {
      const parsed = parseBuildArgs(value);
      return typeof parsed === 'string' ? parsed : undefined;
    },
  });
  if (argsText === undefined) return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(dockerfile);
  const contextChoices = [
    { label: 'The Dockerfile\'s folder', description: vscode.workspace.asRelativePath(path.dirname(dockerfile.fsPath)), value: path.dirname(dockerfile.fsPath) },
    ...(folder && folder.uri.fsPath !== path.dirname(dockerfile.fsPath) ? [{ label: 'The workspace folder', description: folder.name, value: folder.uri.fsPath }] : []),
    { label: 'Choose a folder…', description: '', value: '' },
  ];
  const currentContext = remembered.contextDir ?? defaultContext(dockerfile);
  const contextPick = contextChoices.length > 2 || currentContext !== contextChoices[0]!.value
    ? await vscode.window.showQuickPick(contextChoices, { title: 'Build: context', placeHolder: `Files sent to the builder (now ${vscode.workspace.asRelativePath(currentContext)})` })
    : contextChoices[0];
  if (!contextPick) return undefined;
  let contextDir = contextPick.value;
  if (!contextDir) {
    const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, defaultUri: vscode.Uri.file(currentContext), openLabel: 'Use as build context' });
    if (!chosen?.[0]) return undefined;
    contextDir = chosen[0].fsPath;
  }
  const flags = await vscode.window.showQuickPick(
    [
      { label: 'No cache', description: 'rebuild every step', picked: Boolean(remembered.noCache), flag: 'noCache' as const },
      { label: 'Pull', description: 'check for newer base images', picked: Boolean(remembered.pull), flag: 'pull' as const },
    ],
    { title: 'Build: options', canPickMany: true, placeHolder: 'Press Enter to build' },
  );
  if (!flags) return undefined;
  return {
    tags: tagText.split(/\s+/).filter(Boolean),
    target,
    buildArgs: parseBuildArgs(argsText) as Record<string, string>,
    contextDir,
    platform: remembered.platform,
    noCache: flags.some((item) => item.flag === 'noCache'),
    pull: flags.some((item) => item.flag === 'pull'),
  };
}

async function runBuildCommand(context: OperationContext, diagnostics: vscode.DiagnosticCollection, target: unknown, given: BuildCommandOptions | undefined): Promise<void> {
  const dockerfile = await chooseDockerfile(target);
  if (!dockerfile) return;
  if (!(await waitForWorkspaceTrust('Building an image'))) return;
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === dockerfile.toString());
  if (document?.isDirty) await document.save();

  const store = context.extension.workspaceState.get<Record<string, BuildCommandOptions>>(lastOptionsKey, {});
  const remembered = store[dockerfile.toString()];
  const runAfter = given?.runAfter === true;
  let options: BuildCommandOptions | undefined;
  // A caller that names the tags (or a Dockerfile built before) skips the prompts; a code lens
  // that only names the target stage still asks for what it does not know.
  if (given && (given.tags || remembered)) options = { ...remembered, ...given };
  else if (given) options = await promptOptions(dockerfile, given);
  else if (remembered) {
    const choice = await vscode.window.showQuickPick(
      [
        { label: '$(play) Build', description: describeOptions(remembered, dockerfile), again: true },
        { label: '$(gear) Change options…', description: '', again: false },
      ],
      { title: `Build ${vscode.workspace.asRelativePath(dockerfile)}` },
    );
    if (!choice) return;
    options = choice.again ? remembered : await promptOptions(dockerfile, remembered);
  } else {
    options = await promptOptions(dockerfile, {});
  }
  if (!options) return;
  const { runAfter: _notRemembered, ...toRemember } = options;
  await context.extension.workspaceState.update(lastOptionsKey, { ...store, [dockerfile.toString()]: toRemember });

  const settings = vscode.workspace.getConfiguration('layerwise.build', dockerfile);
  const buildOptions: BuildOptions = {
    contextDir: options.contextDir ?? defaultContext(dockerfile),
    dockerfile: dockerfile.fsPath,
    tags: options.tags,
    buildArgs: options.buildArgs,
    target: options.target,
    platform: options.platform || settings.get<string>('platform') || undefined,
    noCache: options.noCache,
    pull: options.pull,
    builder: settings.get<'auto' | 'buildkit' | 'classic'>('builder', 'auto'),
  };
  const built = await executeBuild(context, diagnostics, dockerfile, buildOptions);
  if (built) {
    // The Images view's layers of this image open the instructions that made them.
    await context.explorer?.rememberDockerfile(built.imageId, dockerfile, options.target);
    // Tells the language server which image this Dockerfile (and target) made, so layer sizes
    // and deleted bytes show next to its instructions.
    void vscode.commands.executeCommand('layerwise.layers.associateDockerfile', dockerfile, built.imageId, options.target);
  }
  if (built && runAfter) {
    // The run command asks how to run it (detached or interactive, ports, …).
    void vscode.commands.executeCommand('layerwise.image.run', built.tags[0] ?? built.imageId);
  }
}

async function executeBuild(
  context: OperationContext,
  diagnostics: vscode.DiagnosticCollection,
  dockerfile: vscode.Uri,
  options: BuildOptions,
): Promise<{ readonly imageId: string; readonly tags: readonly string[] } | undefined> {
  diagnostics.delete(dockerfile);
  const output = context.operationsOutput;
  const name = vscode.workspace.asRelativePath(dockerfile);
  const reveal = vscode.workspace.getConfiguration('layerwise.build', dockerfile).get<string>('revealOutput', 'onFailure');
  if (reveal === 'always') output.show(true);
  output.appendLine(`\n=== Build ${name}${options.tags?.length ? ` → ${options.tags.join(', ')}` : ''} (${new Date().toLocaleTimeString()}) ===`);
  const engine = await engineFor(context);
  // A rough total for the bar: file-system steps and image bases of every stage.
  const text = await fs.promises.readFile(dockerfile.fsPath, 'utf8');
  const estimatedSteps = estimatedBuildkitSteps(readBuildDockerfile(text));
  try {
    const result = await withCancellableProgress(`Building ${name}`, async (progress, signal) => {
      let done = 0;
      const onEvent = (event: BuildEvent) => {
        switch (event.kind) {
          case 'builder':
            output.appendLine(event.reason ? `${event.reason}.` : `Builder: ${event.builder === 'buildkit' ? 'BuildKit' : 'classic'}`);
            break;
          case 'context':
            progress.report(`Sending the build context: ${formatBytes(event.sentBytes)}`);
            break;
          case 'step':
            if (event.state === 'started') {
              output.appendLine(`#${event.instruction ? ` line ${event.instruction.startLine + 1}` : ''} ${event.name}`);
              progress.report(event.name, done / estimatedSteps);
            } else {
              if (event.instruction) done++;
              if (event.state === 'cached') output.appendLine(`# CACHED ${event.name}`);
              else if (event.state === 'failed') output.appendLine(`# ERROR ${event.name}: ${event.error ?? ''}`);
              else if (event.durationMs !== undefined && event.instruction) output.appendLine(`# DONE ${(event.durationMs / 1000).toFixed(1)}s ${event.name}`);
              progress.report(event.name, Math.min(0.99, done / estimatedSteps));
            }
            break;
          case 'output':
            output.append(event.text);
            break;
          case 'warning':
            output.appendLine(`WARNING: ${event.text}`);
            break;
          case 'progress':
            break;
        }
      };
      return buildImage(engine, { ...options, signal, onEvent });
    });
    context.session.reportSuccess();
    output.appendLine(`Built ${result.imageId.replace(/^sha256:/, '').slice(0, 12)}${result.tags.length ? ` (${result.tags.join(', ')})` : ''} in ${(result.durationMs / 1000).toFixed(1)}s: ${result.steps} steps, ${result.cachedSteps} cached.`);
    refreshExplorer(context);
    void vscode.window.showInformationMessage(`Built ${result.tags[0] ?? result.imageId.slice(7, 19)} in ${(result.durationMs / 1000).toFixed(1)}s (${result.steps} steps, ${result.cachedSteps} cached).`);
    return result;
  } catch (error) {
    if (isCancellation(error)) {
      output.appendLine('Build cancelled; the engine stopped it.');
      void vscode.window.showInformationMessage(`The build of ${name} was cancelled.`);
      return undefined;
    }
    if (error instanceof BuildFailedError) {
      reportBuildFailure(context, diagnostics, dockerfile, error, reveal !== 'never');
      return undefined;
    }
    context.session.reportFailure(error);
    throw error;
  }
}

function reportBuildFailure(context: OperationContext, diagnostics: vscode.DiagnosticCollection, dockerfile: vscode.Uri, error: BuildFailedError, revealOutput: boolean): void {
  const output = context.operationsOutput;
  output.appendLine(`Build failed: ${error.builderMessage}`);
  if (revealOutput) output.show(true);
  const line = error.instruction?.startLine ?? 0;
  const endLine = error.instruction?.endLine ?? line;
  const range = new vscode.Range(line, 0, endLine, Number.MAX_SAFE_INTEGER);
  const tail = error.lastOutput.length > 0 ? `\n${error.lastOutput.join('\n')}` : '';
  const diagnostic = new vscode.Diagnostic(range, `Build failed: ${error.builderMessage}${tail}`, vscode.DiagnosticSeverity.Error);
  diagnostic.source = 'Layerwise build';
  diagnostic.code = 'build-failed';
  diagnostics.set(dockerfile, [diagnostic]);
  const goTo = 'Go to Line';
  const show = 'Show Output';
  void vscode.window.showErrorMessage(error.message, goTo, show).then(async (choice) => {
    if (choice === show) output.show(true);
    if (choice === goTo) {
      const editor = await vscode.window.showTextDocument(dockerfile);
      editor.selection = new vscode.Selection(line, 0, line, 0);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  });
}
