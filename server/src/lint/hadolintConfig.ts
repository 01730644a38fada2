// .hadolint.yaml, read the way hadolint reads it, so hadolint users keep their configuration:
// `ignored`, `override` (error/warning/info/style), `trustedRegistries`, `failure-threshold`,
// `label-schema`, `strict-labels`, `disable-ignore-pragma`. Found next to the Dockerfile or in
// a parent directory (up to the workspace root), then in hadolint's user locations.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import type { LabelType } from '../dockerfile/rules';

export type HadolintSeverity = 'error' | 'warning' | 'info' | 'style' | 'ignore' | 'none';

export interface HadolintConfig {
  /** Where it was read from. */
  readonly path: string;
  readonly ignored: readonly string[];
  readonly override: Readonly<Partial<Record<'error' | 'warning' | 'info' | 'style', readonly string[]>>>;
  readonly trustedRegistries: readonly string[];
  readonly failureThreshold: HadolintSeverity | undefined;
  readonly labelSchema: Readonly<Record<string, LabelType>>;
  readonly strictLabels: boolean;
  readonly disableIgnorePragma: boolean;
}

export class ConfigError extends Error {}

const FILE_NAMES = ['.hadolint.yaml', '.hadolint.yml'];
const LABEL_TYPES: readonly LabelType[] = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'];
const THRESHOLDS: readonly HadolintSeverity[] = ['error', 'warning', 'info', 'style', 'ignore', 'none'];

/** The configuration files that may apply to a Dockerfile in `directory`, nearest first. */
export function candidatePaths(directory: string, stopAt: string | undefined, env: NodeJS.ProcessEnv = process.env): string[] {
  const paths: string[] = [];
  let current = resolve(directory);
  const stop = stopAt ? resolve(stopAt) : undefined;
  for (;;) {
    for (const name of FILE_NAMES) paths.push(join(current, name));
    if (current === stop) break;
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  const home = homedir();
  const xdg = env.XDG_CONFIG_HOME || join(home, '.config');
  for (const path of [
    join(xdg, 'hadolint.yaml'),
    join(xdg, 'hadolint.yml'),
    join(home, '.hadolint', 'hadolint.yaml'),
    join(home, '.hadolint', 'hadolint.yml'),
    join(home, 'hadolint', 'config.yaml'),
    join(home, '.hadolint.yaml'),
    join(home, '.hadolint.yml'),
  ]) {
    if (!paths.includes(path)) paths.push(path);
  }
  return paths;
}

/** The first configuration found for `directory`; undefined when there is none. Throws ConfigError on a bad file. */
export async function findHadolintConfig(directory: string, stopAt: string | undefined): Promise<HadolintConfig | undefined> {
  for (const path of candidatePaths(directory, stopAt)) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      continue;
    }
    return parseHadolintConfig(text, path);
  }
  return undefined;
}

/** Reads an explicit configuration file (`--config`, `layerwise.lint.configFile`). */
export async function readHadolintConfig(path: string): Promise<HadolintConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read the lint configuration ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}. Check the path.`);
  }
  return parseHadolintConfig(text, path);
}

export function parseHadolintConfig(text: string, path: string): HadolintConfig {
  let data: unknown;
  try {
    data = loadYaml(text) ?? {};
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    throw new ConfigError(`${path}${mark ? `:${mark.line + 1}:${mark.column + 1}` : ''}: not valid YAML (${(error as { reason?: string }).reason ?? (error as Error).message}).`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ConfigError(`${path}: expected a mapping of options (ignored:, override:, trustedRegistries: …).`);
  const record = data as Record<string, unknown>;
  const strings = (key: string, value: unknown): string[] => {
    if (value === undefined || value === null) return [];
    if (typeof value === 'string') return [value];
    if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) return value.map(String);
    throw new ConfigError(`${path}: "${key}" must be a list of strings, e.g. ${key}: [DL3008, DL3009].`);
  };
  const override: Partial<Record<'error' | 'warning' | 'info' | 'style', string[]>> = {};
  const rawOverride = record.override;
  if (rawOverride !== undefined && rawOverride !== null) {
    if (typeof rawOverride !== 'object' || Array.isArray(rawOverride)) throw new ConfigError(`${path}: "override" must map error/warning/info/style to lists of rules.`);
    for (const [level, rules] of Object.entries(rawOverride as Record<string, unknown>)) {
      if (level !== 'error' && level !== 'warning' && level !== 'info' && level !== 'style') {
        throw new ConfigError(`${path}: unknown override level "${level}": use error, warning, info or style.`);
      }
      override[level] = strings(`override.${level}`, rules);
    }
  }
  const threshold = record['failure-threshold'];
  if (threshold !== undefined && !THRESHOLDS.includes(threshold as HadolintSeverity)) {
    throw new ConfigError(`${path}: failure-threshold "${String(threshold)}" is not one of ${THRESHOLDS.join(', ')}.`);
  }
  const labelSchema: Record<string, LabelType> = {};
  const rawSchema = record['label-schema'];
  if (rawSchema !== undefined && rawSchema !== null) {
    if (typeof rawSchema !== 'object' || Array.isArray(rawSchema)) throw new ConfigError(`${path}: "label-schema" must map label names to types (${LABEL_TYPES.join(', ')}).`);
    for (const [label, type] of Object.entries(rawSchema as Record<string, unknown>)) {
      if (!LABEL_TYPES.includes(type as LabelType)) throw new ConfigError(`${path}: label-schema type "${String(type)}" of ${label} is not one of ${LABEL_TYPES.join(', ')}.`);
      labelSchema[label] = type as LabelType;
    }
  }
  return {
    path,
    ignored: strings('ignored', record.ignored),
    override,
    trustedRegistries: strings('trustedRegistries', record.trustedRegistries),
    failureThreshold: threshold as HadolintSeverity | undefined,
    labelSchema,
    strictLabels: record['strict-labels'] === true,
    disableIgnorePragma: record['disable-ignore-pragma'] === true,
  };
}
