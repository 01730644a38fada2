// Which part of the explorer an engine event invalidates. Health probes run as execs every
// interval: their exec_* events must not refresh anything, or the tree would churn constantly.
import type { EngineEvent } from '../engine';

export interface RefreshScope {
  readonly images: boolean;
  readonly containers: boolean;
}

const NOTHING: RefreshScope = { images: false, containers: false };

/** Image actions that change the image list (push, save, inspect do not). */
const IMAGE_LIST_ACTIONS = new Set(['tag', 'untag', 'delete', 'import', 'load', 'pull', 'create', 'prune', 'build']);
/** Container actions that change the container list or a row of it. */
const CONTAINER_LIST_ACTIONS = new Set(['create', 'destroy', 'start', 'stop', 'die', 'kill', 'pause', 'unpause', 'restart', 'rename', 'oom', 'update', 'prune', 'remove', 'cleanup', 'init', 'died', 'exited']);

export function refreshScopeOf(event: EngineEvent): RefreshScope {
  // `health_status: unhealthy` → `health_status`; `exec_create: sh -c …` → `exec_create`.
  const action = event.action.split(':')[0]!.trim();
  if (event.type === 'image') return IMAGE_LIST_ACTIONS.has(action) ? { images: true, containers: false } : NOTHING;
  if (event.type === 'container') {
    if (action === 'health_status') return { images: false, containers: true };
    // commit makes an image from a container.
    if (action === 'commit') return { images: true, containers: false };
    // A container created from an image changes nothing in the image list we show.
    return CONTAINER_LIST_ACTIONS.has(action) ? { images: false, containers: true } : NOTHING;
  }
  return NOTHING;
}

export function mergeScopes(a: RefreshScope, b: RefreshScope): RefreshScope {
  return { images: a.images || b.images, containers: a.containers || b.containers };
}
