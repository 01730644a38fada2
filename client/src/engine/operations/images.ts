// Removing and pruning images (and pruning containers and the build cache). A refusal from the
// engine comes out as ImageInUseError saying whether forcing would help, so the UI can offer
// "Remove anyway" only when it can work and say why not otherwise.
import { EngineError } from '../errors';
import { EngineAccess, jsonRequest } from './engineAccess';

export type InUseReason = 'stopped-container' | 'running-container' | 'child-images' | 'several-tags' | 'other';

export class ImageInUseError extends Error {
  constructor(
    readonly image: string,
    readonly reason: InUseReason,
    /** True when removing with force would succeed. */
    readonly canForce: boolean,
    readonly containerId: string | undefined,
    engineMessage: string,
  ) {
    super(ImageInUseError.describe(image, reason, containerId, engineMessage));
    this.name = 'ImageInUseError';
  }

  private static describe(image: string, reason: InUseReason, containerId: string | undefined, engineMessage: string): string {
    const container = containerId ? ` ${containerId.slice(0, 12)}` : '';
    switch (reason) {
      case 'stopped-container':
        return `${image} is used by the stopped container${container}. Remove the container first, or force the removal: the image is deleted, and the container keeps its files (it still starts).`;
      case 'running-container':
        return `${image} is used by the running container${container}; it cannot be removed, even by force. Stop and remove the container first.`;
      case 'child-images':
        return `${image} cannot be removed: other images are built on it. Remove those images first.`;
      case 'several-tags':
        return `${image} has several tags. Remove the tags one by one, or force the removal to delete every tag.`;
      default:
        return `${image} cannot be removed: ${engineMessage}`;
    }
  }
}

export interface RemoveResult {
  readonly untagged: readonly string[];
  readonly deleted: readonly string[];
}

export async function removeImage(engine: EngineAccess, image: string, options: { force?: boolean; signal?: AbortSignal } = {}): Promise<RemoveResult> {
  const operation = `remove image ${image}`;
  try {
    const answer = await jsonRequest<Array<{ Untagged?: string; Deleted?: string }>>(
      engine,
      { method: 'DELETE', path: `/images/${encodeURIComponent(image)}`, query: { force: Boolean(options.force), noprune: false }, signal: options.signal },
      operation,
    );
    const entries = Array.isArray(answer) ? answer : [];
    return { untagged: entries.flatMap((entry) => (entry.Untagged ? [entry.Untagged] : [])), deleted: entries.flatMap((entry) => (entry.Deleted ? [entry.Deleted] : [])) };
  } catch (error) {
    if (!(error instanceof EngineError) || error.kind !== 'conflict') throw error;
    const message = error.reason;
    const container = /container ([0-9a-f]{12,64})/.exec(message)?.[1];
    if (/running container/.test(message)) throw new ImageInUseError(image, 'running-container', false, container, message);
    if (/must force/.test(message) && container) throw new ImageInUseError(image, 'stopped-container', true, container, message);
    if (/dependent child images/.test(message)) throw new ImageInUseError(image, 'child-images', false, undefined, message);
    if (/multiple repositories/.test(message)) throw new ImageInUseError(image, 'several-tags', true, undefined, message);
    throw new ImageInUseError(image, 'other', /must (be )?force/.test(message), container, message);
  }
}

export interface PruneResult {
  readonly removed: readonly string[];
  readonly spaceReclaimedBytes: number;
}

export interface PruneFilters {
  /** Only objects with these labels (`key` or `key=value`). */
  readonly label?: readonly string[];
  /** Only objects created before this (e.g. `24h`, a timestamp). */
  readonly until?: string;
}

function filterQuery(filters: Record<string, string[] | undefined>): string {
  const present = Object.fromEntries(Object.entries(filters).filter(([, value]) => value && value.length > 0));
  return JSON.stringify(present);
}

/** Dangling images only (default), or every image no container uses (`all`). */
export async function pruneImages(engine: EngineAccess, options: { all?: boolean; filters?: PruneFilters; signal?: AbortSignal } = {}): Promise<PruneResult> {
  const filters = filterQuery({ dangling: [options.all ? 'false' : 'true'], label: options.filters?.label ? [...options.filters.label] : undefined, until: options.filters?.until ? [options.filters.until] : undefined });
  const answer = await jsonRequest<{ ImagesDeleted?: Array<{ Untagged?: string; Deleted?: string }> | null; SpaceReclaimed?: number }>(
    engine,
    { method: 'POST', path: '/images/prune', query: { filters }, signal: options.signal },
    options.all ? 'prune unused images' : 'prune dangling images',
  );
  const removed = (answer?.ImagesDeleted ?? []).flatMap((entry) => (entry.Deleted ? [entry.Deleted] : entry.Untagged ? [entry.Untagged] : []));
  return { removed, spaceReclaimedBytes: answer?.SpaceReclaimed ?? 0 };
}

export async function pruneContainers(engine: EngineAccess, options: { filters?: PruneFilters; signal?: AbortSignal } = {}): Promise<PruneResult> {
  const filters = filterQuery({ label: options.filters?.label ? [...options.filters.label] : undefined, until: options.filters?.until ? [options.filters.until] : undefined });
  const answer = await jsonRequest<{ ContainersDeleted?: string[] | null; SpaceReclaimed?: number }>(engine, { method: 'POST', path: '/containers/prune', query: { filters }, signal: options.signal }, 'prune stopped containers');
  return { removed: answer?.ContainersDeleted ?? [], spaceReclaimedBytes: answer?.SpaceReclaimed ?? 0 };
}

/** The builder's cache: unused records by default, every record with `all`. */
export async function pruneBuildCache(engine: EngineAccess, options: { all?: boolean; signal?: AbortSignal } = {}): Promise<PruneResult> {
  const answer = await jsonRequest<{ CachesDeleted?: string[] | null; SpaceReclaimed?: number }>(
    engine,
    { method: 'POST', path: '/build/prune', query: { all: Boolean(options.all) }, signal: options.signal },
    'prune the build cache',
  );
  return { removed: answer?.CachesDeleted ?? [], spaceReclaimedBytes: answer?.SpaceReclaimed ?? 0 };
}
