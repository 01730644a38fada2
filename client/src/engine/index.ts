// The engine module: the only code that talks to a Docker-compatible engine (and the only
// importer of dockerode). Plain Node, no editor: the extension, the CLI, workers and the
// engine-tier tests all use it the same way.
//
//   const { endpoint } = await resolveEndpoint({ hostSetting, contextSetting });   // which engine
//   const engine = await EngineConnection.open(endpoint, { timeoutMs, signal });   // connect + negotiate
//   engine.info                        // { product: 'docker' | 'podman', version, apiVersion, … }
//   await engine.listImages()          // ImageSummary[] (no per-image inspect)
//   await engine.listContainers()      // ContainerSummary[] with health parsed from the status
//   await engine.imageHistory(ref)     // HistoryEntry[], newest first
//   await engine.containerDetails(id)  // health log, failing streak, exit code (one inspect)
//   const watcher = watchEvents(engine, { onEvent, onConnected, onDisconnected })  // reconnects
//   await engine.request('push image', (signal) => engine.docker.getImage(ref).push({ abortSignal: signal }))
//   engine.dispose()
//
// Every call takes `{ timeoutMs, signal }`; every failure is an EngineError with `kind`
// (not-found, permission-denied, refused, tls, ssh-auth, api-too-old, connection-lost, timeout,
// cancelled, …), the endpoint, the operation and a fix, already worded for the user.
export { parseHost, describeEndpoint, addressOf } from './endpoint';
export type { EngineEndpoint, EndpointSourceKind, TlsMaterial, SshOptions, Transport } from './endpoint';
export { resolveEndpoint } from './resolve';
export type { ResolveOptions, Resolution } from './resolve';
export { listContexts, readContext, currentContextName, dockerConfigDir, DEFAULT_CONTEXT } from './contexts';
export type { DockerContext } from './contexts';
export { EngineConnection, connect, compareApiVersions, DEFAULT_TIMEOUT_MS, MIN_API_VERSION, MAX_API_VERSION } from './connection';
export type { CallOptions, ConnectOptions } from './connection';
export { EngineError, isEngineError, translateError } from './errors';
export type { EngineErrorKind } from './errors';
export { streamEvents, watchEvents, toEngineEvent, DEFAULT_INITIAL_BACKOFF_MS, DEFAULT_MAX_BACKOFF_MS } from './events';
export type { EngineEvent, EventStreamOptions, EventWatcher, EventWatcherOptions } from './events';
export { healthFromStatus, toContainerSummary, toImageSummary, toHistoryEntry, toContainerDetails } from './records';
export type {
  ContainerDetails,
  ContainerState,
  ContainerSummary,
  EngineInfo,
  EngineProduct,
  HealthProbe,
  HealthStatus,
  HistoryEntry,
  ImageSummary,
  PortBinding,
} from './records';
export { callSignal, raceAbort } from './signals';
export { EngineSession, describeState } from './session';
export type { EngineState, EngineSessionOptions } from './session';
