// A connection to one engine: the dockerode instance configured for the endpoint's transport
// (unix, npipe, tcp with TLS, ssh), the negotiated API version, and `request`, which every
// call goes through to get a timeout, cancellation and errors worded for a user.
import Dockerode from 'dockerode';
import { promises as fs } from 'node:fs';
import * as https from 'node:https';
import { addressOf, type EngineEndpoint, type TlsMaterial } from './endpoint';
import { EngineError, translateError } from './errors';
import {
  toContainerDetails,
  toContainerSummary,
  toHistoryEntry,
  toImageSummary,
  type ContainerDetails,
  type ContainerSummary,
  type EngineInfo,
  type EngineProduct,
  type HistoryEntry,
  type ImageSummary,
} from './records';
import { callSignal, raceAbort } from './signals';
import { SshBridge } from './sshBridge';
import { probeTlsRejection } from './tlsDiagnosis';

/** Default deadline of one call (connect + answer). Streams are bounded until their headers arrive. */
export const DEFAULT_TIMEOUT_MS = 20_000;
/** The oldest API we speak: health in the container list (1.24) and image list filters settle there. */
export const MIN_API_VERSION = '1.25';
/** The newest API we know; an engine speaking newer is asked for this one. */
export const MAX_API_VERSION = '1.45';

export interface CallOptions {
  /** Overrides the connection's default timeout for this call; 0 disables it. */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

export type ConnectOptions = CallOptions;

export function compareApiVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

/**
 * The CA certificate, client certificate and key. Every file that cannot be read is named, in
 * that order: the three reads finish in any order, and a message naming only whichever failed
 * first would change from one attempt to the next.
 */
async function readTlsMaterial(tls: TlsMaterial, endpoint: EngineEndpoint): Promise<Array<Buffer | undefined>> {
  const files = [
    { file: tls.caFile, what: 'CA certificate' },
    { file: tls.certFile, what: 'client certificate' },
    { file: tls.keyFile, what: 'client key' },
  ];
  const results = await Promise.allSettled(files.map(({ file }) => (file ? fs.readFile(file) : Promise.resolve(undefined))));
  const failures = results.flatMap((result, index) => {
    if (result.status === 'fulfilled') return [];
    const code = (result.reason as NodeJS.ErrnoException).code;
    return [{ text: `the ${files[index].what} ${files[index].file} ${code === 'ENOENT' ? 'does not exist' : 'cannot be read'}`, cause: result.reason as unknown }];
  });
  if (failures.length > 0) {
    const texts = failures.map((failure) => failure.text);
    throw new EngineError({
      kind: 'config',
      endpoint: endpoint.label,
      operation: 'load the TLS material',
      reason: texts.length === 1 ? texts[0] : `${texts.slice(0, -1).join(', ')} and ${texts[texts.length - 1]}`,
      fix: 'Point DOCKER_CERT_PATH or layerwise.engine.certPath at a directory holding ca.pem, cert.pem and key.pem, or fix the docker context.',
      cause: failures[0].cause,
    });
  }
  return results.map((result) => (result.status === 'fulfilled' ? result.value : undefined));
}

function productOf(version: any): EngineProduct {
  const components: Array<{ Name?: string }> = Array.isArray(version?.Components) ? version.Components : [];
  if (components.some((component) => /podman/i.test(component.Name ?? '')) || /podman/i.test(version?.Platform?.Name ?? '')) return 'podman';
  if (components.some((component) => component.Name === 'Engine') || /docker/i.test(version?.Platform?.Name ?? '')) return 'docker';
  return 'other';
}

/** dockerode's modem reads DOCKER_HOST when constructed (and throws on a malformed one): keep it out. */
function withoutDockerEnv<T>(build: () => T): T {
  const saved: Record<string, string | undefined> = {};
  for (const name of ['DOCKER_HOST', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_CLIENT_TIMEOUT', 'DOCKER_PATH_PREFIX']) {
    saved[name] = process.env[name];
    delete process.env[name];
  }
  try {
    return build();
  } finally {
    for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value;
  }
}

export class EngineConnection {
  private disposed = false;

  private constructor(
    readonly endpoint: EngineEndpoint,
    /**
     * The dockerode instance, API version pinned. For operations the engine module does not wrap
     * (build, push, …): call them through `request` (or pass `abortSignal` yourself) so they get the
     * same timeout, cancellation and error wording.
     */
    readonly docker: Dockerode,
    private readonly sshBridge: SshBridge | undefined,
    private readonly tlsAgent: https.Agent | undefined,
    readonly defaultTimeoutMs: number,
    private engineInfo: EngineInfo | undefined,
  ) {}

  /** Connects: builds the transport, asks the engine its version and negotiates the API version. */
  static async open(endpoint: EngineEndpoint, options: ConnectOptions = {}): Promise<EngineConnection> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let sshBridge: SshBridge | undefined;
    let tlsAgent: https.Agent | undefined;
    let dockerOptions: Dockerode.DockerOptions;
    const common = { host: undefined, port: undefined, socketPath: undefined, ca: undefined, cert: undefined, key: undefined, timeout: undefined, version: undefined } as Record<string, unknown>;
    switch (endpoint.transport) {
      case 'unix':
      case 'npipe':
        dockerOptions = { ...common, socketPath: endpoint.socketPath, protocol: 'http' } as Dockerode.DockerOptions;
        break;
      case 'tcp': {
        if (endpoint.tls) {
          const [ca, cert, key] = await readTlsMaterial(endpoint.tls, endpoint);
          // TLS options live on our agent: the agent's options win over the request's, so
          // docker-modem cannot drop rejectUnauthorized (it does not pass it through).
          tlsAgent = new https.Agent({ keepAlive: true, ca, cert, key, rejectUnauthorized: endpoint.tls.verify });
          dockerOptions = { ...common, protocol: 'https', host: endpoint.hostname, port: endpoint.port, agent: tlsAgent } as Dockerode.DockerOptions;
        } else {
          dockerOptions = { ...common, protocol: 'http', host: endpoint.hostname, port: endpoint.port } as Dockerode.DockerOptions;
        }
        break;
      }
      case 'ssh':
        sshBridge = new SshBridge(endpoint, timeoutMs || DEFAULT_TIMEOUT_MS);
        // HTTP over the bridge's channels; the host name is only used for the Host header.
        dockerOptions = { ...common, protocol: 'http', host: 'docker', port: 80, agent: sshBridge.httpAgent } as Dockerode.DockerOptions;
        break;
    }
    const docker = withoutDockerEnv(() => new Dockerode(dockerOptions));
    const connection = new EngineConnection(endpoint, docker, sshBridge, tlsAgent, timeoutMs, undefined);
    try {
      await connection.negotiate(options);
    } catch (error) {
      connection.dispose();
      throw await explainTlsReset(error, connection, tlsAgent);
    }
    return connection;
  }

  /** dockerode's typings pick the callback overloads for option objects; calls go through this. */
  private get api(): any {
    return this.docker;
  }

  /** Engine product, version and the negotiated API version. */
  get info(): EngineInfo {
    if (!this.engineInfo) throw new Error('EngineConnection used before open() finished');
    return this.engineInfo;
  }

  /**
   * Runs one engine call with the connection's timeout and the caller's cancellation, and turns
   * failures into EngineErrors naming this endpoint and `operation` (e.g. "list images").
   * `run` receives the signal to hand to dockerode as `abortSignal`.
   */
  async request<T>(operation: string, run: (signal: AbortSignal) => Promise<T>, options: CallOptions = {}): Promise<T> {
    if (this.disposed) {
      throw new EngineError({ kind: 'cancelled', endpoint: this.endpoint.label, operation, reason: 'the connection was closed', fix: '' });
    }
    const call = callSignal(options.signal, options.timeoutMs ?? this.defaultTimeoutMs);
    try {
      return await raceAbort(run(call.signal), call.signal);
    } catch (error) {
      if (call.timedOut()) {
        throw new EngineError({
          kind: 'timeout',
          endpoint: this.endpoint.label,
          operation,
          reason: `no answer within ${options.timeoutMs ?? this.defaultTimeoutMs} ms`,
          fix: 'Check that the engine is running and reachable, or raise layerwise.engine.timeoutMs.',
          cause: error,
        });
      }
      throw this.translate(error, operation);
    } finally {
      call.dispose();
    }
  }

  /** Wording for an error raised outside `request` (e.g. on a stream). */
  translate(error: unknown, operation: string): EngineError {
    return translateError(error, {
      endpoint: this.endpoint.label,
      operation,
      transport: this.endpoint.transport,
      tls: Boolean(this.endpoint.tls),
      address: addressOf(this.endpoint),
    });
  }

  private async negotiate(options: CallOptions): Promise<void> {
    // /version is unversioned here: the modem has no version yet.
    const raw = await this.request('connect', (signal) => this.api.version({ abortSignal: signal } as any), options);
    const serverApiVersion = String((raw as any)?.ApiVersion ?? '');
    const minApiVersion = String((raw as any)?.MinAPIVersion ?? '');
    if (!/^\d+\.\d+$/.test(serverApiVersion)) {
      throw new EngineError({
        kind: 'engine',
        endpoint: this.endpoint.label,
        operation: 'connect',
        reason: 'it did not answer /version like a Docker-compatible engine',
        fix: 'Check that the endpoint is a Docker or Podman API socket.',
      });
    }
    if (compareApiVersions(serverApiVersion, MIN_API_VERSION) < 0) {
      throw new EngineError({
        kind: 'api-too-old',
        endpoint: this.endpoint.label,
        operation: 'connect',
        reason: `it speaks API ${serverApiVersion}, older than ${MIN_API_VERSION} (Docker 1.13) which Layerwise needs`,
        fix: 'Upgrade the engine.',
      });
    }
    const apiVersion = compareApiVersions(serverApiVersion, MAX_API_VERSION) > 0 ? MAX_API_VERSION : serverApiVersion;
    (this.docker as unknown as { modem: { version?: string } }).modem.version = `v${apiVersion}`;
    const details = (raw as any)?.Components?.find?.((component: any) => component?.Name === 'Engine' || /podman/i.test(component?.Name ?? ''))?.Details ?? {};
    this.engineInfo = {
      product: productOf(raw),
      version: String((raw as any)?.Version ?? ''),
      apiVersion,
      serverApiVersion,
      minApiVersion,
      os: String((raw as any)?.Os ?? details.Os ?? ''),
      arch: String((raw as any)?.Arch ?? details.Arch ?? ''),
      kernelVersion: String((raw as any)?.KernelVersion ?? ''),
    };
  }

  /**
   * A plain JSON request through dockerode's modem (same transport and API version), for the
   * calls whose dockerode wrappers drop the abort signal (image history, image inspect).
   */
  dial(method: 'GET' | 'POST' | 'DELETE', path: string, signal: AbortSignal, query?: Record<string, unknown>): Promise<unknown> {
    const modem = (this.docker as unknown as { modem: { dial(options: object, callback: (error: unknown, data: unknown) => void): void } }).modem;
    return new Promise((resolve, reject) => {
      modem.dial(
        { path: query ? `${path}?` : path, method, options: query ?? {}, abortSignal: signal, statusCodes: { 200: true, 201: true, 204: true, 400: 'bad parameter', 404: 'no such object', 409: 'conflict', 500: 'server error' } },
        (error, data) => (error ? reject(error) : resolve(data)),
      );
    });
  }

  /** Answers when the engine is up (`GET /_ping`). */
  async ping(options?: CallOptions): Promise<void> {
    await this.request('ping', (signal) => this.api.ping({ abortSignal: signal } as any), options);
  }

  /** Every image, dangling ones included (the caller decides what to show). No per-image inspect. */
  async listImages(options?: CallOptions): Promise<ImageSummary[]> {
    const raw = await this.request('list images', (signal) => this.api.listImages({ all: false, abortSignal: signal } as any), options);
    return (raw as unknown[]).map(toImageSummary);
  }

  /** Every container, running and stopped, without sizes (sizes make dockerd walk every layer). */
  async listContainers(options?: CallOptions): Promise<ContainerSummary[]> {
    const raw = await this.request('list containers', (signal) => this.api.listContainers({ all: true, size: false, abortSignal: signal } as any), options);
    return (raw as unknown[]).map(toContainerSummary);
  }

  /** An image's history, newest entry first (as the engine returns it). */
  async imageHistory(image: string, options?: CallOptions): Promise<HistoryEntry[]> {
    const raw = await this.request(`read the history of ${image}`, (signal) => this.dial('GET', `/images/${encodeImageName(image)}/history`, signal), options);
    return (raw as unknown[]).map(toHistoryEntry);
  }

  /** The raw inspect document of an image (read-only JSON for users). */
  async inspectImage(image: string, options?: CallOptions): Promise<Dockerode.ImageInspectInfo> {
    return this.request(`inspect image ${image}`, (signal) => this.dial('GET', `/images/${encodeImageName(image)}/json`, signal) as Promise<Dockerode.ImageInspectInfo>, options);
  }

  async inspectContainer(container: string, options?: CallOptions): Promise<Dockerode.ContainerInspectInfo> {
    return this.request(`inspect container ${container}`, (signal) => this.api.getContainer(container).inspect({ abortSignal: signal } as any), options);
  }

  /** Health (failing streak, last probes), exit code and restarts of one container: one inspect. */
  async containerDetails(container: string, options?: CallOptions): Promise<ContainerDetails> {
    return toContainerDetails(await this.inspectContainer(container, options));
  }

  /** Closes the SSH connection and idle sockets. Pending calls fail as cancelled. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.sshBridge?.dispose();
    this.tlsAgent?.destroy();
  }

  get isDisposed(): boolean {
    return this.disposed;
  }
}

/** Image names go in the path as they are (`repo/name:tag` included); only characters URLs cannot hold are escaped. */
function encodeImageName(name: string): string {
  return name.replace(/[^A-Za-z0-9._\-/:@]/g, (char) => encodeURIComponent(char));
}

/** Resolve-then-connect in one step, for callers that already have an endpoint. */
export function connect(endpoint: EngineEndpoint, options?: ConnectOptions): Promise<EngineConnection> {
  return EngineConnection.open(endpoint, options);
}

/**
 * A TLS engine that drops the connection while we connect has most often refused our client
 * certificate (see tlsDiagnosis.ts): ask it again without a request to learn the real reason.
 */
async function explainTlsReset(error: unknown, connection: EngineConnection, agent: https.Agent | undefined): Promise<unknown> {
  const endpoint = connection.endpoint;
  if (!agent || !endpoint.tls || !(error instanceof EngineError) || error.kind !== 'connection-lost') return error;
  const { ca, cert, key } = agent.options as { ca?: Buffer; cert?: Buffer; key?: Buffer };
  const rejection = await probeTlsRejection({ hostname: endpoint.hostname!, port: endpoint.port!, ca, cert, key, verify: endpoint.tls.verify });
  if (!rejection) return error;
  const explained = connection.translate(rejection, error.operation);
  return explained.kind === 'tls' ? explained : error;
}
