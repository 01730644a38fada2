// Publishing: tag, push with per-layer progress aggregated into one figure, and login verified by
// the engine's /auth. "Unauthorized" comes out as RegistryAuthError so the caller can ask for
// credentials and retry; no secret ever appears in a message.
import { EngineAccess, cancelledError, jsonRequest, streamRequest } from './engineAccess';
import { RegistryCredentials, redactSecrets, registryAuthHeader, registryOfReference, serverAddressFor } from './credentials';
import { readProgress } from './jsonMessages';
import { LayerTally, PUSH_PHASES } from './layerProgress';
import { EngineError } from '../errors';
import { parseImageReference } from '../../../../server/src/dockerfile';

export class RegistryAuthError extends Error {
  constructor(
    readonly registry: string,
    /** Whether credentials were sent (wrong ones) or not (none found). */
    readonly hadCredentials: boolean,
    detail: string,
  ) {
    super(
      hadCredentials
        ? `The registry ${registry} refused the credentials (${detail}). Log in again with the right user name and password or token.`
        : `The registry ${registry} needs you to log in (${detail}). Use "Log In to Registry", or \`docker login ${registry}\`.`,
    );
    this.name = 'RegistryAuthError';
  }
}

const unauthorized = /unauthorized|authentication required|no basic auth credentials|denied: requested access|incorrect username or password|401/i;

/**
 * The engine tried HTTPS and the registry answered in plain HTTP (Podman does this for
 * 127.0.0.1:5000 too, where dockerd trusts loopback): say what to configure. Undefined otherwise.
 */
export function plainHttpRegistryError(registry: string, reason: string): Error | undefined {
  if (!/server gave HTTP response to HTTPS client/i.test(reason)) return undefined;
  return new Error(
    `The registry ${registry} answers in plain HTTP, and the engine expects HTTPS (${reason}). Add ${registry} to the engine's insecure registries (Docker: "insecure-registries" in daemon.json; Podman: a [[registry]] entry with location = "${registry}" and insecure = true in registries.conf), or serve the registry over TLS.`,
  );
}

/** Whether an engine's or registry's message means "log in" (push, pull and login share it). */
export function isUnauthorized(text: string): boolean {
  return unauthorized.test(text);
}

/** Splits `registry/repo:tag` (or `@digest`) into repository and tag; the tag defaults to latest. */
export function splitReference(reference: string): { repository: string; tag: string } {
  const at = reference.indexOf('@');
  if (at >= 0) return { repository: reference.slice(0, at), tag: reference.slice(at + 1) };
  const slash = reference.lastIndexOf('/');
  const colon = reference.lastIndexOf(':');
  if (colon > slash) return { repository: reference.slice(0, colon), tag: reference.slice(colon + 1) };
  return { repository: reference, tag: 'latest' };
}

export async function tagImage(engine: EngineAccess, source: string, target: string, signal?: AbortSignal): Promise<void> {
  const parsed = parseImageReference(target);
  if (parsed.error) throw new Error(`"${target}" is not a valid image name: ${parsed.error}`);
  if (parsed.digest) throw new Error(`"${target}" has a digest: a tag name cannot hold one (use repository:tag).`);
  const { repository, tag } = splitReference(target);
  await jsonRequest(engine, { method: 'POST', path: `/images/${encodeURIComponent(source)}/tag`, query: { repo: repository, tag }, okStatus: [200, 201], signal }, `tag ${source} as ${target}`);
}

export interface PushProgress {
  readonly layers: number;
  readonly layersDone: number;
  readonly bytesPushed: number;
  /** Sum of the sizes the engine announced so far (grows as layers start). */
  readonly bytesTotal: number;
  /** 0..1, from bytes when known, else from finished layers. */
  readonly fraction: number;
  readonly lastStatus: string;
}

export interface PushOptions {
  readonly reference: string;
  readonly credentials?: RegistryCredentials;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: PushProgress) => void;
}

export interface PushResult {
  readonly reference: string;
  readonly digest?: string;
  readonly size?: number;
}

export async function pushImage(engine: EngineAccess, options: PushOptions): Promise<PushResult> {
  const { repository, tag } = splitReference(options.reference);
  const registry = registryOfReference(options.reference);
  const operation = `push ${options.reference}`;
  const tally = new LayerTally(PUSH_PHASES);
  let lastStatus = '';
  let digest: string | undefined;
  let size: number | undefined;
  let failure: string | undefined;
  const report = () => {
    const totals = tally.totals();
    options.onProgress?.({ layers: totals.layers, layersDone: totals.layersDone, bytesPushed: totals.bytes, bytesTotal: totals.bytesTotal, fraction: totals.fraction, lastStatus });
  };
  try {
    const response = await streamRequest(
      engine,
      { method: 'POST', path: `/images/${encodeURIComponent(repository)}/push`, query: { tag }, registryAuth: registryAuthHeader(options.credentials), signal: options.signal },
      operation,
    );
    failure = await readProgress(response, (message) => {
      const aux = message.aux as { Digest?: string; Size?: number } | undefined;
      if (aux && typeof aux.Digest === 'string') {
        digest = aux.Digest;
        size = aux.Size;
        return;
      }
      const status = message.status ?? '';
      if (tally.record(message.id, status, message.progressDetail)) {
        lastStatus = `${message.id!.slice(0, 12)}: ${status}`;
        report();
      } else if (status) {
        lastStatus = status;
        const match = /digest: (sha256:[0-9a-f]{64}) size: (\d+)/.exec(status);
        if (match) {
          digest = match[1];
          size = Number(match[2]);
        }
      }
    });
  } catch (error) {
    if (options.signal?.aborted) throw cancelledError(engine, operation);
    const translated = error instanceof EngineError ? error : engine.translate(error, operation);
    if (unauthorized.test(translated.reason)) throw new RegistryAuthError(registry, Boolean(options.credentials), redactSecrets(translated.reason, options.credentials));
    throw translated;
  }
  if (options.signal?.aborted) throw cancelledError(engine, operation);
  if (failure !== undefined) {
    const safe = redactSecrets(failure, options.credentials);
    if (unauthorized.test(safe)) throw new RegistryAuthError(registry, Boolean(options.credentials), safe);
    if (/An image does not exist locally|No such image|tag does not exist/i.test(safe)) throw new Error(`There is no local image ${options.reference} to push: tag an image with this name first.`);
    const plainHttp = plainHttpRegistryError(registry, safe);
    if (plainHttp) throw plainHttp;
    throw new Error(`Pushing ${options.reference} failed: ${safe}`);
  }
  tally.finish();
  report();
  return { reference: options.reference, digest, size };
}

export interface LoginResult {
  readonly status: string;
  /** Returned by some registries instead of keeping the password. */
  readonly identityToken?: string;
}

/** Checks credentials with the engine (`POST /auth`), which contacts the registry. */
export async function verifyLogin(engine: EngineAccess, registry: string, username: string, password: string, signal?: AbortSignal): Promise<LoginResult> {
  const serveraddress = serverAddressFor(registry);
  const operation = `log in to ${registry}`;
  try {
    const answer = await jsonRequest<{ Status?: string; IdentityToken?: string }>(
      engine,
      { method: 'POST', path: '/auth', jsonBody: { username, password, serveraddress }, headers: { 'Content-Type': 'application/json' }, signal },
      operation,
    );
    return { status: answer?.Status ?? 'Login Succeeded', identityToken: answer?.IdentityToken || undefined };
  } catch (error) {
    const translated = error instanceof EngineError ? error : engine.translate(error, operation);
    const safe = redactSecrets(translated.reason, { serveraddress, password, source: 'layerwise-login' });
    if (translated.statusCode === 401 || unauthorized.test(safe)) throw new RegistryAuthError(registry, true, safe);
    if (translated.kind === 'engine' || translated.kind === 'not-found-object') throw new Error(`Cannot log in to ${registry}: ${safe}`);
    throw translated;
  }
}
