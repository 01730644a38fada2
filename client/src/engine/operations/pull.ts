// Pull: `POST /images/create?fromImage=…&tag=…` with the registry's credentials, the per-layer
// stream tallied into one figure. Each way a pull fails gets its own message: the registry wants a
// login (RegistryAuthError, so the caller can ask and retry), the tag or repository is not there,
// the registry cannot be reached. Cancelling closes the request, which makes the engine stop the
// pull; the engine tags only a finished pull, so a cancelled one leaves no image behind.
import { EngineAccess, cancelledError, jsonRequest, streamRequest } from './engineAccess';
import { RegistryCredentials, redactSecrets, registryAuthHeader, registryOfReference } from './credentials';
import { readProgress } from './jsonMessages';
import { LayerTally, PULL_PHASES, type LayerTotals } from './layerProgress';
import { RegistryAuthError, isUnauthorized, plainHttpRegistryError } from './registry';
import { EngineError } from '../errors';
import { parseImageReference } from '../../../../server/src/dockerfile';

export interface PullProgress extends LayerTotals {
  readonly lastStatus: string;
}

export interface PullOptions {
  /** `name`, `name:tag`, `registry/name:tag` or `name@sha256:…`; no tag means `latest`, as for `docker pull`. */
  readonly reference: string;
  /** `os/arch[/variant]`; without it the engine pulls its own platform. */
  readonly platform?: string;
  readonly credentials?: RegistryCredentials;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: PullProgress) => void;
}

export interface PullResult {
  /** What was pulled, with the tag made explicit. */
  readonly reference: string;
  readonly imageId: string;
  readonly digest?: string;
  /** False when the engine already had this exact image ("Image is up to date"). */
  readonly downloaded: boolean;
}

const notFound = /manifest unknown|not found|name unknown|no such manifest|does not exist/i;
const unreachable = /dial tcp|no such host|connection refused|i\/o timeout|TLS handshake|server gave HTTP response to HTTPS client|network is unreachable|context deadline exceeded/i;

/** `docker pull`'s reading of a name: the tag defaults to latest; the result says what is fetched. */
export function pullTarget(reference: string): { readonly reference: string; readonly fromImage: string; readonly tag: string } {
  const trimmed = reference.trim();
  const parsed = parseImageReference(trimmed);
  if (!trimmed || parsed.error) throw new Error(`"${reference}" is not an image name${parsed.error ? `: ${parsed.error}` : ''}. Write it as name[:tag], registry/name[:tag] or name@sha256:<digest>.`);
  const at = trimmed.indexOf('@');
  if (at >= 0) return { reference: trimmed, fromImage: trimmed.slice(0, at).replace(/:[^:/]*$/, ''), tag: trimmed.slice(at + 1) };
  const slash = trimmed.lastIndexOf('/');
  const colon = trimmed.lastIndexOf(':');
  if (colon > slash) return { reference: trimmed, fromImage: trimmed.slice(0, colon), tag: trimmed.slice(colon + 1) };
  return { reference: `${trimmed}:latest`, fromImage: trimmed, tag: 'latest' };
}

export async function pullImage(engine: EngineAccess, options: PullOptions): Promise<PullResult> {
  const target = pullTarget(options.reference);
  const registry = registryOfReference(target.reference);
  const operation = `pull ${target.reference}${options.platform ? ` for ${options.platform}` : ''}`;
  const tally = new LayerTally(PULL_PHASES);
  let lastStatus = '';
  let digest: string | undefined;
  let downloaded = true;
  let failure: string | undefined;
  const report = () => options.onProgress?.({ ...tally.totals(), lastStatus });
  try {
    const response = await streamRequest(
      engine,
      { method: 'POST', path: '/images/create', query: { fromImage: target.fromImage, tag: target.tag, ...(options.platform ? { platform: options.platform } : {}) }, registryAuth: registryAuthHeader(options.credentials), signal: options.signal },
      operation,
    );
    failure = await readProgress(response, (message) => {
      const status = message.status ?? '';
      if (tally.record(message.id, status, message.progressDetail)) {
        lastStatus = `${message.id!.slice(0, 12)}: ${status}`;
        report();
        return;
      }
      if (!status) return;
      lastStatus = status;
      const digestMatch = /^Digest: (sha256:[0-9a-f]{64})/.exec(status);
      if (digestMatch) digest = digestMatch[1];
      if (/^Status: Image is up to date/.test(status)) downloaded = false;
    });
  } catch (error) {
    if (options.signal?.aborted) throw cancelledError(engine, operation);
    const translated = error instanceof EngineError ? error : engine.translate(error, operation);
    // The engine answers before streaming when the registry refuses or lacks the name.
    if (translated.kind === 'engine' || translated.kind === 'not-found-object') throw describePullFailure(target.reference, registry, translated.reason, options);
    throw translated;
  }
  if (options.signal?.aborted) throw cancelledError(engine, operation);
  if (failure !== undefined) throw describePullFailure(target.reference, registry, failure, options);
  tally.finish();
  report();
  const inspected = await jsonRequest<{ Id?: string }>(engine, { method: 'GET', path: `/images/${encodeURIComponent(target.reference)}/json`, signal: options.signal }, `inspect ${target.reference}`);
  return { reference: target.reference, imageId: inspected?.Id ?? '', digest, downloaded };
}

const wrongPlatform = /no matching manifest|does not match the specified platform/i;

/** The error a user reads for an engine's or registry's reason a pull failed (secrets removed). */
export function describePullFailure(reference: string, registry: string, reason: string, options: Pick<PullOptions, 'credentials' | 'platform'>): Error {
  const safe = redactSecrets(reason, options.credentials);
  if (isUnauthorized(safe)) return new RegistryAuthError(registry, Boolean(options.credentials), safe);
  if (wrongPlatform.test(safe)) {
    return new Error(`${registry} has ${reference}, but not for ${options.platform ?? "the engine's platform"} (${safe}). Check the platform FROM asks for; the image's page on the registry lists the ones it is built for.`);
  }
  const plainHttp = plainHttpRegistryError(registry, safe);
  if (plainHttp) return plainHttp;
  if (unreachable.test(safe)) return new Error(`Cannot reach the registry ${registry} to pull ${reference} (${safe}). Check the name of the registry and the engine's network or proxy settings.`);
  if (notFound.test(safe)) return new Error(`${registry} has no image ${reference} (${safe}). Check the repository name and the tag; Search Images lists what a registry holds.`);
  return new Error(`Pulling ${reference} failed: ${safe}`);
}
