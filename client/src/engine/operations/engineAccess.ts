// Raw Engine API requests for operations dockerode does not wrap the way we need (tar bodies,
// streamed answers, cancellation, registry auth headers).
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import type { EngineError } from '../errors';

/**
 * What an operation needs from a connected engine; the engine module's EngineConnection is one.
 * Raw requests go through its dockerode modem, so they use the same transport (unix, npipe, TLS,
 * SSH) and negotiated API version as every other call.
 */
export interface EngineAccess {
  readonly docker: Dockerode;
  readonly endpoint: { readonly label: string };
  /** Turns a raw failure into the engine module's typed, worded error. */
  translate(error: unknown, operation: string): EngineError;
}

export interface RawRequest {
  readonly method: 'GET' | 'POST' | 'DELETE' | 'PUT' | 'HEAD';
  /** Path without the API version, e.g. `/build`. */
  readonly path: string;
  readonly query?: Record<string, unknown>;
  readonly body?: Readable;
  /** A JSON request body (exclusive with `body`). */
  readonly jsonBody?: object;
  readonly headers?: Record<string, string>;
  /** Sent as X-Registry-Auth; never logged, never put in the URL. */
  readonly registryAuth?: object;
  /** Sent as X-Registry-Config (build: credentials per registry). */
  readonly registryConfig?: object;
  readonly signal?: AbortSignal;
  /** Status codes that are not errors; 200 by default. */
  readonly okStatus?: readonly number[];
}

/**
 * Sends a request and resolves with the streaming response once the engine accepted it.
 * The caller consumes the body; aborting `signal` tears the connection down, which makes the
 * engine stop the operation.
 */
export function streamRequest(engine: EngineAccess, request: RawRequest, operation: string): Promise<IncomingMessage> {
  const statusCodes: Record<number, true | string> = { 400: 'bad parameter', 401: 'unauthorized', 403: 'forbidden', 404: 'no such object', 409: 'conflict', 500: 'server error' };
  for (const status of request.okStatus ?? [200]) statusCodes[status] = true;
  const headers: Record<string, string> = { ...(request.headers ?? {}) };
  if (request.body && !headers['Content-Type']) headers['Content-Type'] = 'application/x-tar';
  return new Promise((resolve, reject) => {
    if (request.signal?.aborted) {
      reject(engine.translate(Object.assign(new Error('cancelled'), { name: 'AbortError' }), operation));
      return;
    }
    const modem = (engine.docker as unknown as { modem: { dial(options: object, callback: (error: unknown, result: unknown) => void): void } }).modem;
    modem.dial(
      {
        path: `${request.path}?`,
        method: request.method,
        // dockerode's modem sends `_body` as the JSON body and `_query` as the query string.
        options: { _query: { ...(request.query ?? {}) }, _body: request.jsonBody ?? {} },
        file: request.body,
        headers,
        authconfig: request.registryAuth,
        registryconfig: request.registryConfig,
        abortSignal: request.signal,
        isStream: true,
        statusCodes,
      },
      (error, result) => (error ? reject(engine.translate(error, operation)) : resolve(result as IncomingMessage)),
    );
  });
}

/** Sends a request and parses the JSON answer. */
export async function jsonRequest<T>(engine: EngineAccess, request: RawRequest, operation: string): Promise<T> {
  const response = await streamRequest(engine, request, operation);
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) chunks.push(chunk);
  } catch (error) {
    throw engine.translate(error, operation);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    return text as unknown as T;
  }
}

export function cancelledError(engine: EngineAccess, operation: string): EngineError {
  return engine.translate(Object.assign(new Error('cancelled'), { name: 'AbortError' }), operation);
}
