// The client's `layerwise.*` settings as the server sees them, per document. Settings differ
// only per workspace folder (a file URI as scope resolves to its folder's settings), so they are
// pulled with workspace/configuration once per folder, not once per opened file, and cached until
// the client says the configuration or the folders changed; defaults without pull support.
import type { Connection, WorkspaceFolder } from 'vscode-languageserver';

/** The `layerwise` section, as plain JSON. Each feature reads its own keys with a default. */
export type LayerwiseSettings = Readonly<Record<string, unknown>>;

export class SettingsStore {
  private readonly cache = new Map<string, Promise<LayerwiseSettings>>();
  private readonly listeners: Array<() => void> = [];
  private pullSupported = false;
  private pushed: LayerwiseSettings = {};
  /** Workspace folder URIs ending in '/', longest first (the innermost folder wins). */
  private folders: string[] = [];

  constructor(private readonly connection: Connection) {
    connection.onDidChangeConfiguration((change) => {
      const settings = (change.settings as { layerwise?: LayerwiseSettings } | undefined)?.layerwise;
      if (settings) this.pushed = settings;
      this.changed();
    });
  }

  enablePull(supported: boolean): void {
    this.pullSupported = supported;
  }

  /** The workspace folders at initialize, which scope the settings. */
  setFolders(folders: readonly WorkspaceFolder[]): void {
    this.folders = folders.map((folder) => folderKey(folder.uri)).sort((a, b) => b.length - a.length);
    this.cache.clear();
  }

  /** Folders were added or removed: a document may now take another folder's settings. */
  changeFolders(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.map((folder) => folderKey(folder.uri)));
    this.setFolders([...this.folders.filter((uri) => !gone.has(uri)), ...added.map((folder) => folderKey(folder.uri))].map((uri) => ({ uri, name: '' })));
    this.changed();
  }

  /** The settings that apply to the document `uri`. */
  get(uri: string): Promise<LayerwiseSettings> {
    if (!this.pullSupported) return Promise.resolve(this.pushed);
    // Files outside every folder share the user's and the workspace's settings.
    const folder = this.folders.find((candidate) => uri.startsWith(candidate)) ?? '';
    let settings = this.cache.get(folder);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: folder || uri, section: 'layerwise' })
        .then((value: unknown) => (value && typeof value === 'object' ? (value as LayerwiseSettings) : {}))
        .catch(() => ({}));
      this.cache.set(folder, settings);
    }
    return settings;
  }

  /** Called after any configuration change (features re-validate, refresh hints, …). */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private changed(): void {
    this.cache.clear();
    for (const listener of this.listeners) listener();
  }
}

function folderKey(uri: string): string {
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** Reads a dotted key (`lint.rules.x`) of the `layerwise` section. */
export function setting<T>(settings: LayerwiseSettings, dottedKey: string, fallback: T): T {
  let value: unknown = settings;
  for (const part of dottedKey.split('.')) {
    if (!value || typeof value !== 'object') return fallback;
    const record = value as Record<string, unknown>;
    // VS Code sends nested objects; other clients may send flat dotted keys.
    value = part in record ? record[part] : undefined;
  }
  if (value === undefined) {
    const flat = (settings as Record<string, unknown>)[dottedKey];
    return flat === undefined ? fallback : (flat as T);
  }
  return value as T;
}
