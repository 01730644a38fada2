// The layerwise.engine.* and layerwise.explorer.* settings, read in one place.
import * as vscode from 'vscode';
import { DEFAULT_TIMEOUT_MS, type ResolveOptions } from '../engine';
import { DEFAULT_CONTAINER_VIEW_OPTIONS, type ContainerGroupBy, type ContainerSortBy, type ContainerViewOptions } from './shape/containers';
import { DEFAULT_IMAGE_VIEW_OPTIONS, type ImageGroupBy, type ImageSortBy, type ImageViewOptions } from './shape/images';

export function engineResolveOptions(): ResolveOptions {
  const config = vscode.workspace.getConfiguration('layerwise.engine');
  const text = (key: string) => config.get<string>(key)?.trim() || undefined;
  return {
    hostSetting: text('host'),
    contextSetting: text('context'),
    certPathSetting: text('certPath'),
    tlsVerifySetting: config.get<boolean>('tlsVerify'),
    sshIdentityFileSetting: text('sshIdentityFile'),
  };
}

export function engineTimeoutMs(): number {
  const value = vscode.workspace.getConfiguration('layerwise.engine').get<number>('timeoutMs');
  return typeof value === 'number' && value > 0 ? value : DEFAULT_TIMEOUT_MS;
}

export function safetyPollMs(): number {
  const seconds = vscode.workspace.getConfiguration('layerwise.explorer').get<number>('safetyPollSeconds');
  return (typeof seconds === 'number' && seconds >= 10 ? seconds : 60) * 1000;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

export function imageViewOptions(): ImageViewOptions {
  const config = vscode.workspace.getConfiguration('layerwise.explorer.images');
  return {
    groupBy: oneOf<ImageGroupBy>(config.get('groupBy'), ['repository', 'none'], DEFAULT_IMAGE_VIEW_OPTIONS.groupBy),
    sortBy: oneOf<ImageSortBy>(config.get('sortBy'), ['name', 'created', 'size'], DEFAULT_IMAGE_VIEW_OPTIONS.sortBy),
    showDangling: config.get<boolean>('showDangling') ?? DEFAULT_IMAGE_VIEW_OPTIONS.showDangling,
    filter: config.get<string>('filter') ?? '',
  };
}

export function containerViewOptions(): ContainerViewOptions {
  const config = vscode.workspace.getConfiguration('layerwise.explorer.containers');
  return {
    groupBy: oneOf<ContainerGroupBy>(config.get('groupBy'), ['composeProject', 'state', 'health', 'image', 'none'], DEFAULT_CONTAINER_VIEW_OPTIONS.groupBy),
    sortBy: oneOf<ContainerSortBy>(config.get('sortBy'), ['name', 'created', 'state', 'health'], DEFAULT_CONTAINER_VIEW_OPTIONS.sortBy),
    filter: config.get<string>('filter') ?? '',
  };
}

/** Explorer settings are the user's preferences, not the project's: written to user settings. */
export async function updateExplorerSetting(section: string, value: unknown): Promise<void> {
  const [group, ...rest] = section.split('.');
  await vscode.workspace.getConfiguration(`layerwise.explorer.${group}`).update(rest.join('.'), value, vscode.ConfigurationTarget.Global);
}
