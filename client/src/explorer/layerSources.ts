// Which workspace Dockerfile an image came from, so its layers can open the instruction that
// made them. In order: our build command said so (remembered per workspace), the image carries
// the io.layerwise.dockerfile label, or its history is one of the workspace's Dockerfiles. The
// first two are trusted; a history match must line up exactly (shape/layerSources.ts).
import * as vscode from 'vscode';
import type { HistoryEntry, ImageSummary } from '../engine';
import { mapLayersToDockerfile } from './shape/layerSources';
import type { LayerSource } from './shape/nodes';

/** The label an image may carry naming the Dockerfile it was built from (a URI). */
export const DOCKERFILE_LABEL = 'io.layerwise.dockerfile';
export const DOCKERFILE_GLOB = '**/{Dockerfile,Containerfile,dockerfile,containerfile,*.Dockerfile,*.dockerfile,*.Containerfile,*.containerfile,Dockerfile.*,Containerfile.*}';

const builtKey = 'layerwise.explorer.builtImages';
/** Images remembered per workspace; the oldest are forgotten first. */
const maxRemembered = 200;
/** Workspace Dockerfiles compared with an image's history. */
const maxComparedFiles = 50;

interface Association {
  readonly uri: string;
  readonly target?: string;
  readonly how: LayerSource['how'];
}

export class LayerSources implements vscode.Disposable {
  /** Image id → the file and target our build command built it from. */
  private readonly built: Map<string, { uri: string; target?: string }>;
  /** Image id → the file its history matched (null: none did), until a Dockerfile changes. */
  private readonly matched = new Map<string, Association | null>();
  private workspaceDockerfiles: Thenable<vscode.Uri[]> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly state: vscode.Memento) {
    this.built = new Map(Object.entries(state.get<Record<string, { uri: string; target?: string }>>(builtKey, {})));
    const watcher = vscode.workspace.createFileSystemWatcher(DOCKERFILE_GLOB);
    const forget = () => {
      this.matched.clear();
      this.workspaceDockerfiles = undefined;
    };
    this.disposables.push(watcher, watcher.onDidCreate(forget), watcher.onDidChange(forget), watcher.onDidDelete(forget));
  }

  /** Our build command built `imageId` from `dockerfile` (for `target`, when one was chosen). */
  async remember(imageId: string, dockerfile: vscode.Uri, target?: string): Promise<void> {
    this.built.delete(imageId);
    this.built.set(imageId, { uri: dockerfile.toString(), ...(target ? { target } : {}) });
    while (this.built.size > maxRemembered) this.built.delete(this.built.keys().next().value as string);
    await this.state.update(builtKey, Object.fromEntries(this.built));
  }

  /** Layer index (build order) → the instruction that made it; empty when no workspace file is known to have. */
  async sourcesFor(image: ImageSummary, history: readonly HistoryEntry[]): Promise<Map<number, LayerSource>> {
    const built = this.built.get(image.id);
    const labelled = image.labels[DOCKERFILE_LABEL];
    const trusted: Association[] = [
      ...(built ? [{ ...built, how: 'build' as const }] : []),
      ...(labelled ? [{ uri: labelled, how: 'label' as const }] : []),
    ];
    for (const association of trusted) {
      const found = await this.map(association, history, false);
      if (found) return found;
    }
    const known = this.matched.get(image.id);
    if (known !== undefined) return (known && (await this.map(known, history, true))) || new Map();
    for (const uri of await this.dockerfiles()) {
      const association: Association = { uri: uri.toString(), how: 'history' };
      const found = await this.map(association, history, true);
      if (found) {
        this.matched.set(image.id, association);
        return found;
      }
    }
    this.matched.set(image.id, null);
    return new Map();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private dockerfiles(): Thenable<vscode.Uri[]> {
    this.workspaceDockerfiles ??= vscode.workspace.findFiles(DOCKERFILE_GLOB, '**/node_modules/**', maxComparedFiles);
    return this.workspaceDockerfiles;
  }

  private async map(association: Association, history: readonly HistoryEntry[], requireMatch: boolean): Promise<Map<number, LayerSource> | undefined> {
    const uri = vscode.Uri.parse(association.uri);
    const text = await readText(uri);
    if (text === undefined) return undefined;
    const locations = mapLayersToDockerfile(text, history, { requireMatch, ...(association.target ? { target: association.target } : {}) });
    if (!locations) return undefined;
    const path = vscode.workspace.asRelativePath(uri);
    return new Map([...locations].map(([index, location]) => [index, { ...location, uri: association.uri, path, how: association.how }]));
  }
}

/** The text as the editor has it (unsaved edits included), else as on disk; undefined when unreadable. */
async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
