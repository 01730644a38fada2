// `RUN --mount=type=cache,target=/root/.cache,…` read into located key/value fields.
import type { Flag, Instruction } from '../../syntax/types';

export interface MountField {
  /** Lower-cased key. */
  readonly key: string;
  readonly value: string | undefined;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly valueStart: number;
  readonly valueEnd: number;
}

export interface Mount {
  readonly flag: Flag;
  /** Lower-cased type; `bind` when not written. */
  readonly type: string;
  readonly fields: readonly MountField[];
}

export function readMount(flag: Flag): Mount | undefined {
  const token = flag.value;
  if (!token) return undefined;
  // The value token is unquoted; a quoted value starts one character later in the source.
  const first = token.text.charCodeAt(0);
  const base = token.start + (first === 0x22 || first === 0x27 ? 1 : 0);
  const verbatim = token.text === token.value || token.text.slice(1, -1) === token.value;
  const at = (offset: number): number => (verbatim ? Math.min(base + offset, token.end) : token.start);
  const fields: MountField[] = [];
  let offset = 0;
  for (const part of token.value.split(',')) {
    const equals = part.indexOf('=');
    const rawKey = equals < 0 ? part : part.slice(0, equals);
    const leading = rawKey.length - rawKey.trimStart().length;
    const key = rawKey.trim().toLowerCase();
    const value = equals < 0 ? undefined : part.slice(equals + 1);
    fields.push({
      key,
      value,
      keyStart: at(offset + leading),
      keyEnd: at(offset + leading + key.length),
      valueStart: at(equals < 0 ? offset + part.length : offset + equals + 1),
      valueEnd: at(offset + part.length),
    });
    offset += part.length + 1;
  }
  const type = fields.find((field) => field.key === 'type')?.value?.toLowerCase() ?? 'bind';
  return { flag, type, fields };
}

export function mountsOf(instruction: Instruction): Mount[] {
  const mounts: Mount[] = [];
  for (const flag of instruction.flags) {
    if (flag.name.value !== 'mount') continue;
    const mount = readMount(flag);
    if (mount) mounts.push(mount);
  }
  return mounts;
}

/** Whether a cache (or tmpfs) mount covers one of `paths`, so files written there never reach the layer. */
export function cacheMountCovers(instruction: Instruction, paths: readonly string[]): boolean {
  for (const mount of mountsOf(instruction)) {
    if (mount.type !== 'cache' && mount.type !== 'tmpfs') continue;
    const target = mount.fields.find((field) => field.key === 'target' || field.key === 'dst' || field.key === 'destination')?.value;
    if (!target) continue;
    const normalized = target.replace(/\/+$/, '');
    if (paths.some((path) => path === normalized || path.startsWith(`${normalized}/`))) return true;
  }
  return false;
}
