// Decoder for BuildKit's progress messages. Through the Engine API each `moby.buildkit.trace`
// message carries, base64-encoded in `aux`, one protobuf `moby.buildkit.v1.StatusResponse`
// (vertexes, statuses, logs, warnings). We decode the wire format by hand: it is five small
// messages, reading them needs no schema loading at run time, and an unknown field is skipped
// rather than failing the build display.

export interface BuildkitVertex {
  readonly digest: string;
  readonly inputs: readonly string[];
  readonly name: string;
  readonly cached: boolean;
  readonly startedMs?: number;
  readonly completedMs?: number;
  readonly error?: string;
}

export interface BuildkitVertexStatus {
  readonly id: string;
  readonly vertex: string;
  readonly name: string;
  readonly current: number;
  readonly total: number;
  readonly startedMs?: number;
  readonly completedMs?: number;
}

export interface BuildkitVertexLog {
  readonly vertex: string;
  /** 1 = stdout, 2 = stderr. */
  readonly stream: number;
  readonly data: Buffer;
}

export interface BuildkitWarning {
  readonly vertex: string;
  readonly level: number;
  readonly short: string;
  readonly detail: readonly string[];
  readonly url?: string;
}

export interface BuildkitStatus {
  readonly vertexes: readonly BuildkitVertex[];
  readonly statuses: readonly BuildkitVertexStatus[];
  readonly logs: readonly BuildkitVertexLog[];
  readonly warnings: readonly BuildkitWarning[];
}

export class ProtobufDecodeError extends Error {
  constructor(message: string) {
    super(`Malformed BuildKit progress message: ${message}`);
    this.name = 'ProtobufDecodeError';
  }
}

const wireVarint = 0;
const wireFixed64 = 1;
const wireLengthDelimited = 2;
const wireFixed32 = 5;

/** A protobuf field as read from the wire: a number for varints, a byte slice for the rest. */
interface Field {
  readonly number: number;
  readonly varint?: bigint;
  readonly bytes?: Buffer;
}

class Reader {
  private offset = 0;
  constructor(private readonly buffer: Buffer) {}

  get done(): boolean {
    return this.offset >= this.buffer.length;
  }

  varint(): bigint {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (this.offset >= this.buffer.length) throw new ProtobufDecodeError('truncated varint');
      const byte = this.buffer[this.offset++]!;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
    }
    throw new ProtobufDecodeError('varint longer than 10 bytes');
  }

  take(length: number): Buffer {
    if (length < 0 || this.offset + length > this.buffer.length) throw new ProtobufDecodeError('field runs past the end');
    const slice = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }

  field(): Field | undefined {
    const key = this.varint();
    const number = Number(key >> 3n);
    const wire = Number(key & 7n);
    switch (wire) {
      case wireVarint:
        return { number, varint: this.varint() };
      case wireFixed64:
        this.take(8);
        return undefined;
      case wireLengthDelimited:
        return { number, bytes: this.take(Number(this.varint())) };
      case wireFixed32:
        this.take(4);
        return undefined;
      default:
        throw new ProtobufDecodeError(`unsupported wire type ${wire} for field ${number}`);
    }
  }
}

function* fields(buffer: Buffer): Generator<Field> {
  const reader = new Reader(buffer);
  while (!reader.done) {
    const field = reader.field();
    if (field) yield field;
  }
}

/** Signed int64 from its two's-complement varint encoding, as a JS number. */
function int64(value: bigint | undefined): number {
  if (value === undefined) return 0;
  return Number(BigInt.asIntN(64, value));
}

function text(field: Field): string {
  return field.bytes ? field.bytes.toString('utf8') : '';
}

function timestampMs(buffer: Buffer | undefined): number | undefined {
  if (!buffer) return undefined;
  let seconds = 0;
  let nanos = 0;
  for (const field of fields(buffer)) {
    if (field.number === 1) seconds = int64(field.varint);
    else if (field.number === 2) nanos = int64(field.varint);
  }
  return seconds * 1000 + Math.floor(nanos / 1e6);
}

function decodeVertex(buffer: Buffer): BuildkitVertex {
  let digest = '';
  const inputs: string[] = [];
  let name = '';
  let cached = false;
  let startedMs: number | undefined;
  let completedMs: number | undefined;
  let error: string | undefined;
  for (const field of fields(buffer)) {
    switch (field.number) {
      case 1: digest = text(field); break;
      case 2: inputs.push(text(field)); break;
      case 3: name = text(field); break;
      case 4: cached = (field.varint ?? 0n) !== 0n; break;
      case 5: startedMs = timestampMs(field.bytes); break;
      case 6: completedMs = timestampMs(field.bytes); break;
      case 7: error = text(field) || undefined; break;
    }
  }
  return { digest, inputs, name, cached, startedMs, completedMs, error };
}

function decodeStatus(buffer: Buffer): BuildkitVertexStatus {
  let id = '';
  let vertex = '';
  let name = '';
  let current = 0;
  let total = 0;
  let startedMs: number | undefined;
  let completedMs: number | undefined;
  for (const field of fields(buffer)) {
    switch (field.number) {
      case 1: id = text(field); break;
      case 2: vertex = text(field); break;
      case 3: name = text(field); break;
      case 4: current = int64(field.varint); break;
      case 5: total = int64(field.varint); break;
      case 7: startedMs = timestampMs(field.bytes); break;
      case 8: completedMs = timestampMs(field.bytes); break;
    }
  }
  return { id, vertex, name, current, total, startedMs, completedMs };
}

function decodeLog(buffer: Buffer): BuildkitVertexLog {
  let vertex = '';
  let stream = 0;
  let data: Buffer = Buffer.alloc(0);
  for (const field of fields(buffer)) {
    switch (field.number) {
      case 1: vertex = text(field); break;
      case 3: stream = int64(field.varint); break;
      case 4: data = Buffer.from(field.bytes ?? Buffer.alloc(0)); break;
    }
  }
  return { vertex, stream, data };
}

function decodeWarning(buffer: Buffer): BuildkitWarning {
  let vertex = '';
  let level = 0;
  let short = '';
  const detail: string[] = [];
  let url: string | undefined;
  for (const field of fields(buffer)) {
    switch (field.number) {
      case 1: vertex = text(field); break;
      case 2: level = int64(field.varint); break;
      case 3: short = text(field); break;
      case 4: detail.push(text(field)); break;
      case 5: url = text(field) || undefined; break;
    }
  }
  return { vertex, level, short, detail, url };
}

export function decodeBuildkitStatus(bytes: Buffer): BuildkitStatus {
  const vertexes: BuildkitVertex[] = [];
  const statuses: BuildkitVertexStatus[] = [];
  const logs: BuildkitVertexLog[] = [];
  const warnings: BuildkitWarning[] = [];
  for (const field of fields(bytes)) {
    if (!field.bytes) continue;
    switch (field.number) {
      case 1: vertexes.push(decodeVertex(field.bytes)); break;
      case 2: statuses.push(decodeStatus(field.bytes)); break;
      case 3: logs.push(decodeLog(field.bytes)); break;
      case 4: warnings.push(decodeWarning(field.bytes)); break;
    }
  }
  return { vertexes, statuses, logs, warnings };
}

/** Decodes the `aux` of a `moby.buildkit.trace` message. */
export function decodeBuildkitTrace(aux: string): BuildkitStatus {
  return decodeBuildkitStatus(Buffer.from(aux, 'base64'));
}
