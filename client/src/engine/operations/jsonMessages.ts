// The Engine API streams progress as JSON messages, one per line (build, push, load, import,
// pull). This reads them incrementally from a response stream: memory stays bounded by the
// longest single message, never by the length of the stream.
import type { Readable } from 'node:stream';

export interface JsonMessage {
  readonly id?: string;
  readonly status?: string;
  readonly stream?: string;
  readonly progress?: string;
  readonly progressDetail?: { readonly current?: number; readonly total?: number };
  readonly aux?: unknown;
  readonly error?: string;
  readonly errorDetail?: { readonly code?: number; readonly message?: string };
}

/** Yields each JSON message of a newline-delimited stream; a non-JSON line becomes `{stream}`. */
export async function* jsonMessages(stream: Readable): AsyncGenerator<JsonMessage> {
  let pending = '';
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let newline: number;
    while ((newline = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, newline).trim();
      pending = pending.slice(newline + 1);
      if (line) yield* parseLine(line);
    }
  }
  pending += decoder.decode();
  if (pending.trim()) yield* parseLine(pending.trim());
}

function* parseLine(line: string): Generator<JsonMessage> {
  try {
    yield JSON.parse(line) as JsonMessage;
    return;
  } catch {
    // Some engines put several objects on one line.
  }
  const parts = line.split(/(?<=\})\s*(?=\{)/);
  for (const part of parts) {
    try {
      yield JSON.parse(part) as JsonMessage;
    } catch {
      yield { stream: `${part}\n` };
    }
  }
}

/** The error a message reports, if it reports one. */
export function messageError(message: JsonMessage): string | undefined {
  return message.errorDetail?.message ?? message.error;
}

/**
 * Reads a progress stream to its end, handing each message that reports no error to `onMessage`.
 * Returns the last error a message reported: the engine answers 200 and reports a failure inside
 * the stream (push, pull, load, import), so the caller decides what it means once it ended.
 */
export async function readProgress(stream: Readable, onMessage: (message: JsonMessage) => void = () => undefined): Promise<string | undefined> {
  let failure: string | undefined;
  for await (const message of jsonMessages(stream)) {
    const error = messageError(message);
    if (error) failure = error;
    else onMessage(message);
  }
  return failure;
}
