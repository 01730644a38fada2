// When the builder looks a user or group name up in the image's /etc/passwd and /etc/group:
// WORKDIR creates its directory owned by USER, COPY/ADD --chown sets an owner. Numbers and
// `root` need no lookup (checked against the engine), nor does a WORKDIR that creates nothing.
import { normalizeWorkdir } from '../semantic/paths';

/** Whether `user[:group]` names a user or group (not a number, not root). */
export function needsUserLookup(owner: string): boolean {
  return owner.split(':').some((part) => part !== '' && part !== 'root' && !/^\d+$/.test(part));
}

/** `WORKDIR /` (or `.`, `/./`: a path that is the root) creates no directory. */
export function workdirCreatesNothing(path: string): boolean {
  return normalizeWorkdir('/', path) === '/';
}

/** The instructions that may put an /etc/passwd in the image (a stage from scratch has none before). */
export const ADDS_FILES: ReadonlySet<string> = new Set(['COPY', 'ADD', 'RUN']);
