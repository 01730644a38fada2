// The one guard every request handler goes through: a cancelled request answers with the
// LSP cancellation error, and an exception is logged with the document it concerned and
// turned into a neutral result, so one bad document never takes the server down.
import { CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver';

export interface Logger {
  error(message: string): void;
  info(message: string): void;
}

export function runSafe<T>(
  log: Logger,
  what: string,
  uri: string | undefined,
  token: CancellationToken,
  neutral: T,
  handler: () => T,
): T | ResponseError<void> {
  if (token.isCancellationRequested) return cancelled();
  try {
    const result = handler();
    return token.isCancellationRequested ? cancelled() : result;
  } catch (error) {
    log.error(describeFailure(what, uri, error));
    return neutral;
  }
}

export async function runSafeAsync<T>(
  log: Logger,
  what: string,
  uri: string | undefined,
  token: CancellationToken,
  neutral: T,
  handler: () => Promise<T>,
): Promise<T | ResponseError<void>> {
  if (token.isCancellationRequested) return cancelled();
  try {
    const result = await handler();
    return token.isCancellationRequested ? cancelled() : result;
  } catch (error) {
    log.error(describeFailure(what, uri, error));
    return neutral;
  }
}

export function describeFailure(what: string, uri: string | undefined, error: unknown): string {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `${what} failed${uri ? ` for ${uri}` : ''}: ${detail}`;
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}
