// Registers every image and container operation command (build, run, push, …) in one call from
// extension.ts. Each family lives in its own file.
import * as vscode from 'vscode';
import type { EngineSession } from '../engine';
import type { ExplorerApi } from '../explorer';
import { ReadonlyDocuments, readonlyScheme } from '../ui/readonlyDocuments';
import { registerBuildCommand } from './buildImage';
import { registerContainerCommands } from './containers';
import { registerImageCommands } from './images';
import { OperationContext } from './operationContext';
import { registerRegistryCommands } from './registry';
import { registerRunCommand } from './runImage';

export interface OperationsApi {
  /** Failed builds put their diagnostic here (one per Dockerfile). */
  readonly buildDiagnostics: vscode.DiagnosticCollection;
  /** Build, push and load output. */
  readonly output: vscode.OutputChannel;
}

export function registerOperationCommands(extension: vscode.ExtensionContext, log: vscode.LogOutputChannel, session: EngineSession, explorer: ExplorerApi | undefined): OperationsApi {
  const documents = new ReadonlyDocuments();
  const operationsOutput = vscode.window.createOutputChannel('Layerwise Operations');
  extension.subscriptions.push(documents, operationsOutput, vscode.workspace.registerTextDocumentContentProvider(readonlyScheme, documents));
  const context: OperationContext = { extension, log, operationsOutput, session, explorer, documents };
  const buildDiagnostics = registerBuildCommand(context);
  registerRunCommand(context);
  registerImageCommands(context);
  registerContainerCommands(context);
  registerRegistryCommands(context);
  return { buildDiagnostics, output: operationsOutput };
}
