// The JSON encoding of the messages the server writes to a stream (stdio, and the in-process
// streams of the protocol tests). Two things make it cheaper than vscode-jsonrpc's default
// (JSON.stringify of the whole message, then UTF-8):
//
// - Diagnostics are serialized once. A lint reuses the diagnostic objects of every instruction an
//   edit did not touch, and a 10,000-line file carries thousands of them on every keystroke:
//   stringifying and encoding 1.1 MB per edit took 6 ms of the server's time. Each diagnostic's
//   bytes are now kept with it (the objects are never changed once published) and a message is
//   put together from them.
// - Diagnostics are written in pure ASCII (other characters as \uXXXX escapes, which is valid
//   JSON and parses to the same strings). A message holding one non-Latin-1 character (an en
//   dash in a rule's message) otherwise makes both ends handle the whole text as two-byte: the
//   client's JSON.parse of that 1.1 MB took 5.1 ms instead of 3.6 ms. Other messages (small, and
//   written once) are plain UTF-8: escaping a completion list's documentation on every request
//   allocated more than computing it.
import type { Message } from 'vscode-jsonrpc';

const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}}');

/** Bytes of each diagnostic object already written once. */
const serialized = new WeakMap<object, Buffer>();

// Code units outside ASCII (each half of a surrogate pair on its own: JSON.parse joins them).
const NON_ASCII = /[\u0080-\uffff]/g;
// The same without /g, whose test() would carry lastIndex from one string to the next.
const HAS_NON_ASCII = /[\u0080-\uffff]/;

function escapeNonAscii(json: string): string {
  return json.replace(NON_ASCII, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** JSON text as ASCII bytes. */
function asciiBytes(json: string): Buffer {
  // Text without such characters (the usual case) is copied as it is after a single scan.
  return Buffer.from(HAS_NON_ASCII.test(json) ? escapeNonAscii(json) : json, 'latin1');
}

/** The JSON text of a value as ASCII bytes (undefined in an array is null, as JSON.stringify writes it). */
function asciiJson(value: unknown): Buffer {
  return asciiBytes(JSON.stringify(value) ?? 'null');
}

function itemBytes(item: unknown): Buffer {
  if (typeof item !== 'object' || item === null) return asciiJson(item);
  let bytes = serialized.get(item);
  if (!bytes) serialized.set(item, (bytes = asciiJson(item)));
  return bytes;
}

/** `head` (JSON text ending in `[`), then the items, then `]}}`: a message whose last value is the list. */
function withList(head: string, items: readonly unknown[]): Buffer {
  const parts: Buffer[] = new Array<Buffer>(items.length * 2 + 1);
  parts[0] = asciiBytes(head);
  let count = 1;
  for (let index = 0; index < items.length; index++) {
    if (index > 0) parts[count++] = COMMA;
    parts[count++] = itemBytes(items[index]);
  }
  parts[count++] = CLOSE;
  parts.length = count;
  return Buffer.concat(parts);
}

interface PublishDiagnostics {
  readonly jsonrpc: string;
  readonly method: 'textDocument/publishDiagnostics';
  readonly params: { readonly uri: string; readonly version?: number; readonly diagnostics: readonly unknown[] };
}

interface DiagnosticReportResponse {
  readonly jsonrpc: string;
  readonly id: number | string | null;
  readonly result: { readonly kind: 'full'; readonly resultId?: string; readonly items: readonly unknown[] };
}

/** Whether `value` has no own properties but `names` (a message with more is written the generic way, losing nothing). */
function onlyKeys(value: object, names: readonly string[]): boolean {
  for (const key in value) if (!names.includes(key)) return false;
  return true;
}

function isPublishDiagnostics(message: Message): message is Message & PublishDiagnostics {
  const candidate = message as Partial<PublishDiagnostics>;
  const params = candidate.params;
  return (
    candidate.method === 'textDocument/publishDiagnostics' &&
    typeof params === 'object' &&
    params !== null &&
    Array.isArray(params.diagnostics) &&
    typeof params.uri === 'string' &&
    onlyKeys(message, ['jsonrpc', 'method', 'params']) &&
    onlyKeys(params, ['uri', 'version', 'diagnostics'])
  );
}

// A pull-diagnostics answer: a response whose result is `kind: 'full'`, `items` and an optional resultId.
function isDiagnosticReport(message: Message): message is Message & DiagnosticReportResponse {
  const result = (message as { result?: Partial<DiagnosticReportResponse['result']> }).result;
  return (
    typeof result === 'object' &&
    result !== null &&
    result.kind === 'full' &&
    Array.isArray(result.items) &&
    (typeof result.resultId === 'string' || result.resultId === undefined) &&
    (typeof (message as { id?: unknown }).id === 'number' || typeof (message as { id?: unknown }).id === 'string') &&
    onlyKeys(message, ['jsonrpc', 'id', 'result']) &&
    onlyKeys(result, ['kind', 'resultId', 'items'])
  );
}

/** The bytes of one message. */
export function encodeMessage(message: Message): Buffer {
  if (isPublishDiagnostics(message)) {
    const { uri, version } = message.params;
    // Written in the order of the generic path: uri, version, diagnostics.
    const head = `{"jsonrpc":${JSON.stringify(message.jsonrpc)},"method":"textDocument/publishDiagnostics","params":{"uri":${JSON.stringify(uri)},${version === undefined ? '' : `"version":${JSON.stringify(version)},`}"diagnostics":[`;
    return withList(head, message.params.diagnostics);
  }
  if (isDiagnosticReport(message)) {
    const { resultId } = message.result;
    const head = `{"jsonrpc":${JSON.stringify(message.jsonrpc)},"id":${JSON.stringify(message.id)},"result":{"kind":"full",${resultId === undefined ? '' : `"resultId":${JSON.stringify(resultId)},`}"items":[`;
    return withList(head, message.result.items);
  }
  return Buffer.from(JSON.stringify(message), 'utf8');
}
