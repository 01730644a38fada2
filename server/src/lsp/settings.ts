// The client's `layerwise.*` settings as the server sees them, per document (settings may
// differ per folder). Pulled with workspace/configuration when the client supports it, cached
// until the client says the configuration changed; defaults otherwise.
import type { Connection } from 'vscode-languageserver';

/** The `layerwise` section, as plain JSON. Each feature reads its own keys with a default. */
export type LayerwiseSettings = Readonly<Record<string, unknown>>;

export class SettingsStore {
  private readonly cache = new Map<string, Promise<LayerwiseSettings>>();
  private readonly listeners: Array<() => void> = [];
  private pullSupported = false;
  private pushed: LayerwiseSettings = {};

  constructor(private readonly connection: Connection) {
    connection.onDidChangeConfiguration((change) => {
      const settings = (change.settings as { layerwise?: LayerwiseSettings } | undefined)?.layerwise;
      if (settings) this.pushed = settings;
      this.cache.clear();
      for (const listener of this.listeners) listener();
    });
  }

  enablePull(supported: boolean): void {
    this.pullSupported = supported;
  }

  /** The settings that apply to the document `uri`. */
  get(uri: string): Promise<LayerwiseSettings> {
    if (!this.pullSupported) return Promise.resolve(this.pushed);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'layerwise' })
        .then((value: unknown) => (value && typeof value === 'object' ? (value as LayerwiseSettings) : {}))
        .catch(() => ({}));
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** Called after any configuration change (features re-validate, refresh hints, …). */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }
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
