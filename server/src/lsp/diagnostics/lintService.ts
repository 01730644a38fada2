// Linting for the language server: settings and .hadolint.yaml per document, one lint per
// document version (kept for the code actions of that version), ShellCheck results when enabled.
// One service per server, shared by the diagnostics and code-action features.
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DockerfileDocument } from '../../dockerfile';
import { lintDocument, type LintConfig, type LintResult } from '../../dockerfile/rules';
import { ShellCache } from '../../dockerfile/shell/cache';
import { contextIgnoresFor } from '../../lint/dockerignore';
import { ConfigError, findHadolintConfig, readHadolintConfig, type HadolintConfig } from '../../lint/hadolintConfig';
import { lintSettingsFrom, resolveLintConfig, type LintSettings, type ResolvedLintConfig } from '../../lint/lintConfig';
import { ShellcheckRunner, ShellcheckUnavailableError, type ShellcheckFinding } from '../../lint/shellcheck';
import type { ServerContext } from '../feature';
import { DirectoryListings } from './directoryListings';

export interface DocumentLint {
  readonly version: number;
  readonly dockerfile: DockerfileDocument;
  readonly result: LintResult;
  readonly settings: LintSettings;
  readonly config: ResolvedLintConfig;
  /** Why the configuration could not be used (a bad .hadolint.yaml), to show in the file. */
  readonly configError: string | undefined;
  /** The settings/configuration generation it was computed with. */
  readonly generation: number;
  /** The findings of the lint of the document's previous version (its diagnostics are reused where the findings are). */
  readonly previousFindings: LintResult['findings'] | undefined;
}

interface HadolintEntry {
  readonly hadolint: HadolintConfig | undefined;
  readonly error: string | undefined;
}

interface ConfigEntry extends HadolintEntry {
  /** The build context's .dockerignore (CopyIgnoredFile). */
  readonly contextIgnores: ((path: string) => boolean) | undefined;
}

type ContextIgnores = ConfigEntry['contextIgnores'];

const services = new WeakMap<ServerContext, LintService>();

/**
 * Documents whose last lint is kept (a lint holds what the next version's lint reuses); the
 * others are linted afresh when they change or when code actions are asked for.
 */
const MAX_KEPT_LINTS = 16;

/**
 * Parsed RUN scripts the server keeps by text. A lint after an edit reuses the previous version's
 * findings and parses only the scripts that changed, so the cache serves scripts shared between
 * files and a full re-lint after a settings change. The CLI keeps 20,000 for a run over many
 * files; a server lives for hours with a 10,000-line file's 5,000 scripts held at ~1.6 KB each:
 * with 1,024, lsp-bench.mjs's peak went 165–167 → 159–165 MiB, and re-linting that file from
 * scratch 101 → 326 ms (bench/lint.mjs measures the CLI's size).
 */
const KEPT_SCRIPTS = 1_024;

export function lintServiceFor(context: ServerContext): LintService {
  let service = services.get(context);
  if (!service) services.set(context, (service = new LintService(context)));
  return service;
}

export class LintService {
  readonly shells = new ShellCache(KEPT_SCRIPTS);
  /** The last lint of the documents linted last, the most recent last. */
  private readonly lints = new Map<string, DocumentLint>();
  private readonly settingsByUri = new Map<string, LintSettings>();
  /** Per document path: its .hadolint.yaml and .dockerignore, both shared with its directory. */
  private readonly configs = new Map<string, Promise<ConfigEntry>>();
  /** Per directory (and configFile setting): the .hadolint.yaml that applies there. */
  private readonly hadolintConfigs = new Map<string, Promise<HadolintEntry>>();
  /** Per .dockerignore file: its matcher. */
  private readonly dockerignores = new Map<string, Promise<ContextIgnores>>();
  private readonly listings = new DirectoryListings();
  /**
   * Resolved configurations by .hadolint.yaml, .dockerignore and settings: the files of a folder
   * share one object, which lets the lint engine keep its per-configuration work and reuse a
   * previous version's findings.
   */
  private readonly resolvedConfigs = new Map<HadolintConfig | undefined, Map<ContextIgnores, WeakMap<LintSettings, { config: ResolvedLintConfig; lintConfig: LintConfig }>>>();
  /** The lint part of each settings object (settings are per folder). */
  private readonly lintSettings = new WeakMap<object, LintSettings>();
  private readonly shellcheckRunners = new Map<string, ShellcheckRunner>();
  private readonly shellcheckResults = new Map<string, { version: number; findings: readonly ShellcheckFinding[] }>();
  private shellcheckMissingReported = false;
  /** Bumped when settings or configuration files change, so cached lints are redone. */
  private generation = 0;

  constructor(private readonly context: ServerContext) {}

  /** The settings and configuration for a document; synchronous once known (no await after the first lint). */
  async prepare(document: TextDocument): Promise<{ settings: LintSettings; config: ConfigEntry }> {
    let settings = this.settingsByUri.get(document.uri);
    if (!settings) {
      const raw = await this.context.settings.get(document.uri);
      settings = this.lintSettings.get(raw);
      if (!settings) this.lintSettings.set(raw, (settings = lintSettingsFrom(raw)));
      this.settingsByUri.set(document.uri, settings);
    }
    return { settings, config: await this.configFor(document.uri, settings) };
  }

  /** Lints the document's current version (or returns the lint of that version). */
  lint(document: TextDocument, prepared: { settings: LintSettings; config: ConfigEntry }): DocumentLint {
    const cached = this.lints.get(document.uri);
    const key = this.generation;
    if (cached && cached.version === document.version && cached.generation === key) return cached;
    const dockerfile = this.context.dockerfiles.get(document);
    const { config, lintConfig } = this.resolved(prepared);
    // The previous version's lint is reused where the file did not change (same configuration object).
    const result = lintDocument(dockerfile, lintConfig, this.shells, cached?.result.memory);
    const lint = { version: document.version, dockerfile, result, settings: prepared.settings, config, configError: prepared.config.error, generation: key, previousFindings: cached?.result.findings };
    // Kept for the code actions of this version and the lint of the next one, for the documents used last.
    this.lints.delete(document.uri);
    this.lints.set(document.uri, lint);
    if (this.lints.size > MAX_KEPT_LINTS) this.lints.delete(this.lints.keys().next().value!);
    return lint;
  }

  /** The configuration for these settings and files, the same objects as long as they do not change. */
  private resolved(prepared: { settings: LintSettings; config: ConfigEntry }): { config: ResolvedLintConfig; lintConfig: LintConfig } {
    let byIgnores = this.resolvedConfigs.get(prepared.config.hadolint);
    if (!byIgnores) this.resolvedConfigs.set(prepared.config.hadolint, (byIgnores = new Map()));
    let bySettings = byIgnores.get(prepared.config.contextIgnores);
    if (!bySettings) byIgnores.set(prepared.config.contextIgnores, (bySettings = new WeakMap()));
    let entry = bySettings.get(prepared.settings);
    if (!entry) {
      const config = resolveLintConfig(prepared.config.hadolint, prepared.settings);
      const lintConfig = prepared.config.contextIgnores ? { ...config.lint, options: { ...config.lint.options, contextIgnores: prepared.config.contextIgnores } } : config.lint;
      bySettings.set(prepared.settings, (entry = { config, lintConfig }));
    }
    return entry;
  }

  /** The lint of exactly this version, if it was computed. */
  lintOf(uri: string, version: number): DocumentLint | undefined {
    const lint = this.lints.get(uri);
    return lint && lint.version === version ? lint : undefined;
  }

  /** ShellCheck findings of this version when already known. */
  shellcheckOf(uri: string, version: number): readonly ShellcheckFinding[] | undefined {
    const entry = this.shellcheckResults.get(uri);
    return entry && entry.version === version ? entry.findings : undefined;
  }

  /** Runs ShellCheck for this version; resolves true when there are new results to publish. */
  async runShellcheck(uri: string, lint: DocumentLint): Promise<boolean> {
    if (!lint.settings.shellcheck.enable || lint.result.shellRulesOff || this.shellcheckOf(uri, lint.version)) return false;
    const path = lint.settings.shellcheck.path;
    let runner = this.shellcheckRunners.get(path);
    if (!runner) this.shellcheckRunners.set(path, (runner = new ShellcheckRunner(path)));
    try {
      const findings = await runner.check(lint.dockerfile, this.shells, lint.config.ignoredShellcheckCodes);
      this.shellcheckResults.set(uri, { version: lint.version, findings });
      return true;
    } catch (error) {
      if (error instanceof ShellcheckUnavailableError) {
        if (!this.shellcheckMissingReported) this.context.connection.window.showWarningMessage(error.message);
        this.shellcheckMissingReported = true;
      } else {
        this.context.log.error(`ShellCheck failed for ${uri}: ${(error as Error).message}`);
      }
      return false;
    }
  }

  forget(uri: string): void {
    this.lints.delete(uri);
    this.settingsByUri.delete(uri);
    this.shellcheckResults.delete(uri);
  }

  /** Settings or configuration files changed. */
  invalidate(): void {
    this.generation++;
    this.settingsByUri.clear();
    this.configs.clear();
    this.hadolintConfigs.clear();
    this.dockerignores.clear();
    this.listings.clear();
    this.resolvedConfigs.clear();
    this.shellcheckResults.clear();
    this.shellcheckMissingReported = false;
  }

  private configFor(uri: string, settings: LintSettings): Promise<ConfigEntry> {
    let path: string | undefined;
    try {
      path = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    } catch {
      path = undefined;
    }
    const key = `${settings.configFile}\u0000${path ?? ''}`;
    let entry = this.configs.get(key);
    if (!entry) {
      const hadolint = this.hadolintConfigFor(path ? dirname(path) : undefined, settings);
      const contextIgnores = path ? this.contextIgnoresOf(path) : Promise.resolve(undefined);
      entry = Promise.all([hadolint, contextIgnores]).then(([found, ignores]) => ({ ...found, contextIgnores: ignores }));
      this.configs.set(key, entry);
    }
    return entry;
  }

  /** The .hadolint.yaml for Dockerfiles in `directory`: looked for once per directory. */
  private hadolintConfigFor(directory: string | undefined, settings: LintSettings): Promise<HadolintEntry> {
    const key = `${settings.configFile}\u0000${directory ?? ''}`;
    let entry = this.hadolintConfigs.get(key);
    if (!entry) {
      entry = (async (): Promise<HadolintEntry> => {
        try {
          if (settings.configFile) return { hadolint: await readHadolintConfig(settings.configFile), error: undefined };
          return { hadolint: directory ? await findHadolintConfig(directory, undefined) : undefined, error: undefined };
        } catch (error) {
          const message = error instanceof ConfigError ? error.message : `Cannot read the lint configuration: ${(error as Error).message}`;
          this.context.log.error(message);
          return { hadolint: undefined, error: message };
        }
      })();
      this.hadolintConfigs.set(key, entry);
    }
    return entry;
  }

  /**
   * The build context's .dockerignore for the Dockerfile at `path` (`<name>.dockerignore` first):
   * the directory is listed once, and a .dockerignore shared by its Dockerfiles is read once.
   */
  private async contextIgnoresOf(path: string): Promise<ContextIgnores> {
    const directory = dirname(path);
    const own = `${basename(path)}.dockerignore`;
    const hasOwn = await this.listings.has(directory, own);
    if (hasOwn === undefined) return contextIgnoresFor(path);
    const file = hasOwn ? own : (await this.listings.has(directory, '.dockerignore')) ? '.dockerignore' : undefined;
    if (!file) return undefined;
    const key = join(directory, file);
    let ignores = this.dockerignores.get(key);
    if (!ignores) {
      // Without its own file, this Dockerfile's answer is the shared .dockerignore's.
      ignores = contextIgnoresFor(path);
      this.dockerignores.set(key, ignores);
    }
    return ignores;
  }
}
