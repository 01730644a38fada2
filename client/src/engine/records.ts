// Plain readonly records the engine module hands out: no dockerode types leak past it, and
// Docker/Podman differences in the list payloads are smoothed out here.

export type EngineProduct = 'docker' | 'podman' | 'other';

export interface EngineInfo {
  readonly product: EngineProduct;
  /** Product version, e.g. `20.10.24` or `4.3.1`. */
  readonly version: string;
  /** The API version requests use (negotiated: min of the engine's and ours). */
  readonly apiVersion: string;
  /** The newest API version the engine speaks. */
  readonly serverApiVersion: string;
  readonly minApiVersion: string;
  readonly os: string;
  readonly arch: string;
  readonly kernelVersion: string;
}

export interface ImageSummary {
  /** Full id, `sha256:…`. */
  readonly id: string;
  /** `repo:tag` references, without Docker's `<none>:<none>` placeholder. */
  readonly repoTags: readonly string[];
  readonly repoDigests: readonly string[];
  /** Creation time, epoch seconds. */
  readonly created: number;
  readonly sizeBytes: number;
  /** Containers using it; -1 when the engine did not count. */
  readonly containers: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly parentId: string;
  /** No tag at all: what `docker image ls --filter dangling=true` lists. */
  readonly dangling: boolean;
}

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead' | 'unknown';
export type HealthStatus = 'starting' | 'healthy' | 'unhealthy' | 'none';

export interface PortBinding {
  readonly privatePort: number;
  readonly publicPort?: number;
  readonly ip?: string;
  readonly type: string;
}

export interface ContainerSummary {
  readonly id: string;
  /** Primary name, without the leading slash. */
  readonly name: string;
  readonly names: readonly string[];
  /** The image as the container was created from (name or id). */
  readonly image: string;
  readonly imageId: string;
  readonly command: string;
  /** Creation time, epoch seconds. */
  readonly created: number;
  readonly state: ContainerState;
  /** The engine's status text, e.g. `Up 3 minutes (unhealthy)`. */
  readonly status: string;
  /** Health from the list payload (no inspect needed). */
  readonly health: HealthStatus;
  /** Exit code parsed from `Exited (N) …`, when exited. */
  readonly exitCode?: number;
  readonly ports: readonly PortBinding[];
  readonly labels: Readonly<Record<string, string>>;
  readonly composeProject?: string;
  readonly composeService?: string;
}

export interface HistoryEntry {
  /** Image id for entries that are (or were) an image of their own; undefined for `<missing>`. */
  readonly id?: string;
  /** Creation time, epoch seconds. */
  readonly created: number;
  /** The command as the builder recorded it (`/bin/sh -c #(nop) CMD …`, `RUN … # buildkit`). */
  readonly createdBy: string;
  readonly sizeBytes: number;
  readonly comment: string;
  readonly tags: readonly string[];
}

export interface HealthProbe {
  readonly start: string;
  readonly end: string;
  readonly exitCode: number;
  readonly output: string;
}

/** What the container tooltip needs beyond the list payload (one inspect, on demand). */
export interface ContainerDetails {
  readonly id: string;
  readonly name: string;
  readonly health?: {
    readonly status: HealthStatus;
    readonly failingStreak: number;
    /** Oldest first, as the engine keeps them (the last 5). */
    readonly log: readonly HealthProbe[];
  };
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly exitCode?: number;
  readonly error?: string;
  readonly restartCount: number;
  readonly oomKilled: boolean;
}

/** Docker and Podman name the same things a little differently; these helpers shape raw list rows. */
const NONE_TAG = '<none>:<none>';
const NONE_DIGEST = '<none>@<none>';

export function toImageSummary(raw: any): ImageSummary {
  const repoTags = (Array.isArray(raw?.RepoTags) ? raw.RepoTags : []).filter((tag: unknown): tag is string => typeof tag === 'string' && tag !== NONE_TAG);
  const repoDigests = (Array.isArray(raw?.RepoDigests) ? raw.RepoDigests : []).filter((digest: unknown): digest is string => typeof digest === 'string' && digest !== NONE_DIGEST);
  return {
    id: String(raw?.Id ?? ''),
    repoTags,
    repoDigests,
    created: Number(raw?.Created ?? 0),
    sizeBytes: Number(raw?.Size ?? raw?.VirtualSize ?? 0),
    containers: typeof raw?.Containers === 'number' ? raw.Containers : -1,
    labels: raw?.Labels && typeof raw.Labels === 'object' ? raw.Labels : {},
    parentId: String(raw?.ParentId ?? ''),
    dangling: repoTags.length === 0,
  };
}

const STATES: readonly ContainerState[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];

/** Health as `docker ps` shows it in the status text: `(healthy)`, `(unhealthy)`, `(health: starting)`. */
export function healthFromStatus(status: string): HealthStatus {
  if (/\(unhealthy\)/.test(status)) return 'unhealthy';
  if (/\(healthy\)/.test(status)) return 'healthy';
  if (/\(health: starting\)|\(starting\)/.test(status)) return 'starting';
  return 'none';
}

export function toContainerSummary(raw: any): ContainerSummary {
  const names: string[] = (Array.isArray(raw?.Names) ? raw.Names : []).map((name: unknown) => String(name).replace(/^\//, ''));
  const stateText = String(raw?.State ?? '').toLowerCase();
  const state = (STATES as readonly string[]).includes(stateText) ? (stateText as ContainerState) : 'unknown';
  const status = String(raw?.Status ?? '');
  const exited = /^Exited \((-?\d+)\)/.exec(status);
  const labels: Record<string, string> = raw?.Labels && typeof raw.Labels === 'object' ? raw.Labels : {};
  const ports: PortBinding[] = (Array.isArray(raw?.Ports) ? raw.Ports : []).map((port: any) => ({
    privatePort: Number(port?.PrivatePort ?? 0),
    publicPort: typeof port?.PublicPort === 'number' && port.PublicPort > 0 ? port.PublicPort : undefined,
    ip: typeof port?.IP === 'string' && port.IP ? port.IP : undefined,
    type: String(port?.Type ?? 'tcp'),
  }));
  return {
    id: String(raw?.Id ?? ''),
    name: names[0] ?? String(raw?.Id ?? '').slice(0, 12),
    names,
    image: String(raw?.Image ?? ''),
    imageId: String(raw?.ImageID ?? ''),
    command: String(raw?.Command ?? ''),
    created: Number(raw?.Created ?? 0),
    state,
    status,
    health: healthFromStatus(status),
    exitCode: exited ? Number(exited[1]) : undefined,
    ports,
    labels,
    composeProject: labels['com.docker.compose.project'] || labels['io.podman.compose.project'] || undefined,
    composeService: labels['com.docker.compose.service'] || undefined,
  };
}

export function toHistoryEntry(raw: any): HistoryEntry {
  const id = typeof raw?.Id === 'string' && raw.Id !== '<missing>' && raw.Id !== '' ? raw.Id : undefined;
  return {
    id,
    created: Number(raw?.Created ?? 0),
    createdBy: String(raw?.CreatedBy ?? ''),
    sizeBytes: Number(raw?.Size ?? 0),
    comment: String(raw?.Comment ?? ''),
    tags: Array.isArray(raw?.Tags) ? raw.Tags.filter((tag: unknown): tag is string => typeof tag === 'string' && tag !== NONE_TAG) : [],
  };
}

export function toContainerDetails(raw: any): ContainerDetails {
  const state = raw?.State ?? {};
  const health = state.Health ?? state.Healthcheck;
  const statusText = String(health?.Status ?? '').toLowerCase();
  return {
    id: String(raw?.Id ?? ''),
    name: String(raw?.Name ?? '').replace(/^\//, ''),
    health: health
      ? {
          status: statusText === 'healthy' || statusText === 'unhealthy' || statusText === 'starting' ? statusText : 'none',
          failingStreak: Number(health.FailingStreak ?? 0),
          log: (Array.isArray(health.Log) ? health.Log : []).map((probe: any) => ({
            start: String(probe?.Start ?? ''),
            end: String(probe?.End ?? ''),
            exitCode: Number(probe?.ExitCode ?? 0),
            output: String(probe?.Output ?? ''),
          })),
        }
      : undefined,
    startedAt: typeof state.StartedAt === 'string' && !state.StartedAt.startsWith('0001-') ? state.StartedAt : undefined,
    finishedAt: typeof state.FinishedAt === 'string' && !state.FinishedAt.startsWith('0001-') ? state.FinishedAt : undefined,
    exitCode: typeof state.ExitCode === 'number' ? state.ExitCode : undefined,
    error: typeof state.Error === 'string' && state.Error ? state.Error : undefined,
    restartCount: Number(raw?.RestartCount ?? 0),
    oomKilled: Boolean(state.OOMKilled),
  };
}
