// Every failure of the engine module comes out as an EngineError: which endpoint, what failed
// (a kind the UI can branch on), and how to fix it, in words a user can act on. Raw Node,
// TLS, ssh2 and HTTP errors are translated here and nowhere else.

export type EngineErrorKind =
  | 'config' // the endpoint or its TLS/SSH material is wrongly configured
  | 'not-found' // the socket or pipe does not exist
  | 'permission-denied' // the socket exists but this user may not open it
  | 'refused' // nothing listens there (or the engine is stopped)
  | 'unreachable' // host unknown / network down
  | 'tls' // certificate or TLS handshake problem
  | 'tls-required' // plain HTTP sent to a TLS port
  | 'ssh-auth' // the SSH server refused every key
  | 'ssh' // SSH connected but the remote side failed (no docker CLI, host key, …)
  | 'api-too-old' // the engine speaks an API older than the minimum
  | 'connection-lost' // the connection dropped mid-request (engine stopped, network gone)
  | 'timeout'
  | 'cancelled'
  | 'not-found-object' // the engine answered 404 (image/container gone)
  | 'conflict' // the engine answered 409
  | 'engine'; // any other error the engine reported

export interface EngineErrorInit {
  readonly kind: EngineErrorKind;
  /** The endpoint as the user knows it (context name or host), e.g. `unix:///var/run/docker.sock`; empty when not known yet. */
  readonly endpoint: string;
  /** What the extension was doing, e.g. `list images`. */
  readonly operation: string;
  /** What went wrong, one short clause. */
  readonly reason: string;
  /** How to fix it; empty when there is nothing the user can do. */
  readonly fix: string;
  /** HTTP status for errors the engine reported itself. */
  readonly statusCode?: number;
  readonly cause?: unknown;
}

export class EngineError extends Error {
  readonly kind: EngineErrorKind;
  readonly endpoint: string;
  readonly operation: string;
  readonly reason: string;
  readonly fix: string;
  readonly statusCode: number | undefined;

  constructor(init: EngineErrorInit) {
    super(describeEngineError(init), { cause: init.cause });
    this.name = 'EngineError';
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    this.operation = init.operation;
    this.reason = init.reason;
    this.fix = init.fix;
    this.statusCode = init.statusCode;
  }

  /** True for failures to reach the engine at all (as opposed to the engine refusing one request). */
  get isConnectionFailure(): boolean {
    return !['not-found-object', 'conflict', 'engine', 'cancelled'].includes(this.kind);
  }
}

/**
 * One sentence of what failed and where, then the fix: "Cannot tag nope:1 as x/y:1: the engine
 * at unix:///var/run/docker.sock has no image nope:1. Check the name, or build or pull the image
 * first." The reason is written mid-sentence (first letter lower-cased unless it starts an
 * acronym) and never repeats the operation or the engine's own words.
 */
export function describeEngineError(init: Pick<EngineErrorInit, 'kind' | 'endpoint' | 'operation' | 'reason' | 'fix'>): string {
  const engine = init.endpoint ? `the engine at ${init.endpoint}` : 'the engine';
  const reason = midSentence(init.reason);
  let what: string;
  switch (init.kind) {
    case 'cancelled':
      what = `Cancelled: ${init.operation} on ${engine}${reason && reason !== 'cancelled' ? ` (${reason})` : ''}.`;
      break;
    case 'not-found-object': {
      const missing = missingObject(init.reason);
      what = missing ? `Cannot ${init.operation}: ${engine} has no ${missing}.` : `Cannot ${init.operation}: ${engine} answered "${reason}".`;
      break;
    }
    case 'conflict':
      what = `${capitalize(engine)} refused to ${init.operation}: ${reason}.`;
      break;
    case 'engine':
      what = init.operation === 'connect' ? `Cannot use ${engine}: ${reason}.` : `${capitalize(engine)} could not ${init.operation}: ${reason}.`;
      break;
    case 'config':
      what = `Cannot use the engine endpoint ${init.endpoint || '(empty)'}: ${reason}.`;
      break;
    default:
      what = init.operation === 'connect' ? `Cannot reach ${engine}: ${reason}.` : `Cannot ${init.operation} on ${engine}: ${reason}.`;
  }
  const fix = init.fix.trim() || defaultFix(init.kind, init.reason);
  return fix ? `${what} ${fix}` : what;
}

/** "No such image: nope:1" → "image nope:1"; undefined when the engine's text names no object. */
function missingObject(reason: string): string | undefined {
  // What /images/get answers when one of the images to save is missing.
  if (/^reference does not exist$/i.test(reason.trim())) return 'such image';
  const match = /^no such (image|container|volume|network|exec instance|object)\b[:\s]*(.*)$/i.exec(reason.trim());
  if (!match) return undefined;
  const name = match[2]!.trim();
  return match[1]!.toLowerCase() === 'object' ? (name ? `object ${name}` : undefined) : `${match[1]!.toLowerCase()}${name ? ` ${name}` : ''}`;
}

function defaultFix(kind: EngineErrorKind, reason: string): string {
  if (kind !== 'not-found-object') return '';
  if (/\bcontainer\b/i.test(reason)) return 'Check the name or ID: the container may have been removed.';
  if (/\bimage\b|reference does not exist/i.test(reason)) return 'Check the name, or build or pull the image first.';
  return 'It may have been removed meanwhile.';
}

function midSentence(text: string): string {
  const trimmed = text.trim().replace(/[.\s]+$/, '');
  // "No such image" reads "no such image" inside a sentence; "TLS failed" keeps its acronym.
  return /^[A-Z][a-z]/.test(trimmed) ? trimmed[0]!.toLowerCase() + trimmed.slice(1) : trimmed;
}

function capitalize(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/**
 * The engine's own text, once: dockerode's "(HTTP code 404) no such image - " prefix removed,
 * and the engine's habit of wrapping an error in its own words ("no such image: x: No such
 * image: x") undone.
 */
export function engineText(raw: string, statusText?: string): string {
  let text = raw.trim().replace(/^\(HTTP code \d+\)\s*/, '');
  if (statusText && text.toLowerCase().startsWith(`${statusText.toLowerCase()} - `)) text = text.slice(statusText.length + 3);
  else text = text.replace(/^(?:unexpected|bad parameter|server error|no such [a-z ]+|conflict|unauthorized|forbidden|not modified|not running|already (?:started|stopped)|container (?:already started|not running|already stopped)|impossible to [a-z ]+) - /i, '');
  text = text.trim();
  // "<a>: <b>" where <b> repeats or extends <a>: keep <b>. Checked at every ": " boundary.
  for (let index = text.indexOf(': '); index > 0; index = text.indexOf(': ', index + 2)) {
    const head = text.slice(0, index).trim().toLowerCase();
    const tail = text.slice(index + 2).trim();
    if (tail.toLowerCase().startsWith(head)) return tail;
  }
  return text;
}

export function isEngineError(value: unknown): value is EngineError {
  return value instanceof EngineError;
}

interface TranslateContext {
  readonly endpoint: string;
  readonly operation: string;
  /** unix | npipe | tcp | ssh: decides the wording of the fix. */
  readonly transport: 'unix' | 'npipe' | 'tcp' | 'ssh';
  readonly tls: boolean;
  /** The socket path or host:port, for messages. */
  readonly address: string;
}

const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
]);

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Turns whatever dockerode, Node or ssh2 threw into an EngineError worded for the user. */
export function translateError(error: unknown, context: TranslateContext): EngineError {
  if (error instanceof EngineError) return error;
  const base = { endpoint: context.endpoint, operation: context.operation, cause: error };
  const code = codeOf(error);
  const message = messageOf(error);
  // The CLI shares these words: name what works there (DOCKER_HOST, contexts) and in the editor.
  const settingHint = 'or use another engine (DOCKER_HOST or a docker context; in the editor, Layerwise: Choose Engine…)';

  if (code === 'ABORT_ERR' || (error as { name?: string } | undefined)?.name === 'AbortError') {
    return new EngineError({ ...base, kind: 'cancelled', reason: 'cancelled', fix: '' });
  }
  const statusCode = (error as { statusCode?: unknown } | undefined)?.statusCode;
  if (typeof statusCode === 'number') {
    const json = (error as { json?: unknown }).json;
    const statusText = (error as { reason?: unknown }).reason;
    const engineMessage = engineText(
      (typeof json === 'object' && json !== null && typeof (json as { message?: unknown }).message === 'string'
        ? (json as { message: string }).message
        : Buffer.isBuffer(json) ? json.toString('utf8').trim() : typeof json === 'string' ? json.trim() : '') || message,
      typeof statusText === 'string' ? statusText : undefined,
    );
    if (statusCode === 400 && /HTTP request to an HTTPS server/i.test(engineMessage)) {
      return new EngineError({
        ...base,
        kind: 'tls-required',
        reason: 'the engine expects TLS but the connection was plain HTTP',
        fix: 'Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH (or layerwise.engine.certPath), or use a docker context with TLS.',
        statusCode,
      });
    }
    const kind = statusCode === 404 ? 'not-found-object' : statusCode === 409 ? 'conflict' : 'engine';
    return new EngineError({ ...base, kind, reason: engineMessage || `HTTP ${statusCode}`, fix: '', statusCode });
  }

  if (context.transport === 'ssh') {
    if (/All configured authentication methods failed/i.test(message)) {
      return new EngineError({
        ...base,
        kind: 'ssh-auth',
        reason: 'the SSH server refused every key offered (agent and key files)',
        fix: 'Load the right key into ssh-agent (ssh-add), or set layerwise.engine.sshIdentityFile to a key listed in the remote ~/.ssh/authorized_keys.',
      });
    }
    if (/Host key .*(changed|mismatch)|host key verification/i.test(message)) {
      return new EngineError({ ...base, kind: 'ssh', reason: message, fix: 'Check the host key in ~/.ssh/known_hosts.' });
    }
    if (/docker: (command )?not found|command not found|No such file/i.test(message)) {
      return new EngineError({
        ...base,
        kind: 'ssh',
        reason: 'the remote host has no `docker` command to bridge to its engine (`docker system dial-stdio` failed)',
        fix: 'Install the docker CLI on the remote host, in a directory on the PATH of non-interactive SSH sessions.',
      });
    }
    if (/dial-stdio|Cannot connect to the Docker daemon/i.test(message)) {
      return new EngineError({
        ...base,
        kind: 'ssh',
        reason: `the remote docker CLI could not reach its engine (${message.trim()})`,
        fix: 'Check that dockerd runs on the remote host and that the SSH user may use its socket (docker group).',
      });
    }
    if (/Timed out while waiting for handshake/i.test(message)) {
      return new EngineError({ ...base, kind: 'timeout', reason: `no SSH handshake from ${context.address} in time`, fix: 'Check the host and port, and that sshd runs there.' });
    }
    if (/Cannot parse privateKey|Encrypted private key detected|bad passphrase/i.test(message)) {
      return new EngineError({
        ...base,
        kind: 'config',
        reason: `an SSH key could not be used (${message})`,
        fix: 'Use an unencrypted key file, or load the key into ssh-agent (ssh-add) so the agent signs for it.',
      });
    }
  }

  switch (code) {
    case 'ENOENT':
      return new EngineError({
        ...base,
        kind: 'not-found',
        reason: `${context.address} does not exist`,
        fix: context.transport === 'npipe'
          ? `Start Docker Desktop (or your engine), ${settingHint}.`
          : `Start the engine (e.g. \`sudo systemctl start docker\`, or \`systemctl --user start podman.socket\` for Podman), ${settingHint}.`,
      });
    case 'EACCES':
    case 'EPERM':
      return new EngineError({
        ...base,
        kind: 'permission-denied',
        reason: `permission denied on ${context.address}`,
        fix: `Add your user to the group that owns the socket (\`sudo usermod -aG docker $USER\`, then log out and in), ${settingHint}.`,
      });
    case 'ECONNREFUSED':
      return new EngineError({
        ...base,
        kind: 'refused',
        reason: `nothing accepts connections at ${context.address}`,
        fix:
          context.transport === 'unix'
            ? `The engine is not running: start it, ${settingHint}.`
            : context.transport === 'ssh'
              ? `Check that sshd runs on ${context.address} and that the host and port are right.`
              : `Check that the engine listens on ${context.address} and that no firewall blocks it.`,
      });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new EngineError({ ...base, kind: 'unreachable', reason: `the host name in ${context.address} cannot be resolved`, fix: 'Check the host name in the endpoint.' });
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new EngineError({ ...base, kind: 'unreachable', reason: `${context.address} is unreachable`, fix: 'Check the network path to the engine.' });
    case 'ETIMEDOUT':
      return new EngineError({ ...base, kind: 'timeout', reason: `no answer from ${context.address} in time`, fix: 'Check that the engine is running and reachable, or raise layerwise.engine.timeoutMs.' });
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ERR_STREAM_PREMATURE_CLOSE':
      return new EngineError({ ...base, kind: 'connection-lost', reason: 'the connection to the engine dropped', fix: 'The engine may have stopped or restarted; it will be retried.' });
    default:
      break;
  }
  if (TLS_CODES.has(code ?? '') || (context.tls && /certificate|\bssl\b|\btls\b|alert|handshake/i.test(message))) {
    const unknownCa = /self[- ]signed|unable to (verify|get local issuer)|UNABLE_TO_VERIFY|SELF_SIGNED/i.test(message + ' ' + (code ?? ''));
    const clientRejected = /alert (bad certificate|unknown ca|certificate required)|tlsv13 alert certificate required|sslv3 alert/i.test(message);
    if (clientRejected) {
      return new EngineError({
        ...base,
        kind: 'tls',
        reason: 'the engine rejected the client certificate',
        fix: 'Use a cert.pem/key.pem signed by the CA the engine trusts (--tlscacert), in DOCKER_CERT_PATH, layerwise.engine.certPath or the context\'s TLS material.',
      });
    }
    if (unknownCa) {
      return new EngineError({
        ...base,
        kind: 'tls',
        reason: 'the engine\'s certificate is not signed by the configured CA (ca.pem)',
        fix: 'Put the ca.pem that signed it in DOCKER_CERT_PATH, layerwise.engine.certPath or the context\'s TLS material.',
      });
    }
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
      return new EngineError({ ...base, kind: 'tls', reason: `the engine's certificate is not valid for ${context.address}`, fix: 'Connect with the host name the certificate was issued for.' });
    }
    if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
      return new EngineError({ ...base, kind: 'tls', reason: 'the engine\'s certificate has expired or is not yet valid', fix: 'Renew the engine\'s certificate or check the clock.' });
    }
    return new EngineError({ ...base, kind: 'tls', reason: `TLS failed (${message})`, fix: 'Check ca.pem, cert.pem and key.pem for this endpoint.' });
  }

  if (/socket hang up|premature close|aborted|ended by the other party|Not connected|No response from server/i.test(message)) {
    return new EngineError({ ...base, kind: 'connection-lost', reason: 'the connection to the engine dropped', fix: 'The engine may have stopped or restarted; it will be retried.' });
  }
  return new EngineError({ ...base, kind: 'engine', reason: message, fix: '' });
}
