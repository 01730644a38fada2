import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import fc from 'fast-check';
import { ProtobufDecodeError, decodeBuildkitStatus, decodeBuildkitTrace } from '../../../client/src/engine/operations/buildkitStatus';

// Two `aux` payloads recorded from dockerd 20.10 building a two-stage Dockerfile.
const recordedVertexStarted =
  'CrsBCkdzaGEyNTY6NjZhNDRjN2FmYjI0ODRhZjBiNTVkMzFlYTY1YzcyOTQ2NjVhMTkyOGQyZGY2ZDRlMjVkOTA0YzAyZGI1ZWMyMhJHc2hhMjU2OmVjZTEzNWZkYTRhMDZhYThhYjlmY2UyZTYyZWY1ZWUxYjE3ZWE1NDMyMDhmNjg1NDdhNTFhOGMwY2VlMzA5ZjEaGVtiYXNlIDIvMl0gUlVOIGVjaG8gaGVsbG8qDAjh46fYBhDevb7TAw==';
const recordedLog =
  'GmAKR3NoYTI1Njo2NmE0NGM3YWZiMjQ4NGFmMGI1NWQzMWVhNjVjNzI5NDY2NWExOTI4ZDJkZjZkNGUyNWQ5MDRjMDJkYjVlYzIyEgsI4uOn2AYQntSXQBgBIgZoZWxsbwo=';

describe('BuildKit status decoding', () => {
  it('decodes a recorded vertex with its name, input and start time', () => {
    const status = decodeBuildkitTrace(recordedVertexStarted);
    assert.equal(status.vertexes.length, 1);
    const vertex = status.vertexes[0]!;
    assert.equal(vertex.name, '[base 2/2] RUN echo hello');
    assert.match(vertex.digest, /^sha256:66a44c7a/);
    assert.deepEqual(vertex.inputs.length, 1);
    assert.equal(vertex.cached, false);
    assert.equal(vertex.completedMs, undefined);
    assert.ok(vertex.startedMs! > Date.UTC(2020, 0, 1));
  });

  it('decodes a recorded log line of that vertex', () => {
    const status = decodeBuildkitTrace(recordedLog);
    assert.equal(status.logs.length, 1);
    assert.equal(status.logs[0]!.stream, 1);
    assert.equal(status.logs[0]!.data.toString(), 'hello\n');
    assert.match(status.logs[0]!.vertex, /^sha256:66a44c7a/);
  });

  it('rejects truncated input with a clear error', () => {
    const bytes = Buffer.from(recordedLog, 'base64');
    assert.throws(() => decodeBuildkitStatus(bytes.subarray(0, bytes.length - 3)), ProtobufDecodeError);
  });

  it('agrees with protobufjs on random StatusResponse messages', () => {
    // protobufjs (a dependency of dockerode) with the schema dockerode ships is the reference encoder.
    const protobuf = require('protobufjs') as typeof import('protobufjs');
    const root = protobuf.loadSync(path.join(path.dirname(require.resolve('dockerode/package.json')), 'lib/proto/buildkit_status.proto'));
    const StatusResponse = root.lookupType('moby.buildkit.v1.StatusResponse');
    const timestamp = fc.record({ seconds: fc.integer({ min: 0, max: 4_000_000_000 }), nanos: fc.integer({ min: 0, max: 999_999_999 }) });
    const vertex = fc.record(
      {
        digest: fc.string(),
        inputs: fc.array(fc.string(), { maxLength: 3 }),
        name: fc.string(),
        cached: fc.boolean(),
        started: timestamp,
        completed: timestamp,
        error: fc.string(),
      },
      { requiredKeys: ['digest', 'name'] },
    );
    const vertexStatus = fc.record({
      ID: fc.string(),
      vertex: fc.string(),
      name: fc.string(),
      current: fc.integer({ min: 0, max: 2 ** 40 }),
      total: fc.integer({ min: 0, max: 2 ** 40 }),
    });
    const log = fc.record({ vertex: fc.string(), stream: fc.integer({ min: 1, max: 2 }), msg: fc.uint8Array({ maxLength: 64 }) });
    const warning = fc.record({ vertex: fc.string(), level: fc.integer({ min: 0, max: 3 }), short: fc.uint8Array({ maxLength: 16 }), url: fc.string() });
    const message = fc.record({
      vertexes: fc.array(vertex, { maxLength: 4 }),
      statuses: fc.array(vertexStatus, { maxLength: 4 }),
      logs: fc.array(log, { maxLength: 4 }),
      warnings: fc.array(warning, { maxLength: 2 }),
    });
    fc.assert(
      fc.property(message, (input) => {
        const bytes = Buffer.from(StatusResponse.encode(StatusResponse.fromObject(input)).finish());
        const decoded = decodeBuildkitStatus(bytes);
        assert.equal(decoded.vertexes.length, input.vertexes.length);
        input.vertexes.forEach((expected, index) => {
          const actual = decoded.vertexes[index]!;
          assert.equal(actual.digest, expected.digest);
          assert.equal(actual.name, expected.name);
          assert.deepEqual(actual.inputs, expected.inputs ?? []);
          assert.equal(actual.cached, expected.cached ?? false);
          assert.equal(actual.error ?? '', expected.error ?? '');
          if (expected.started) assert.equal(actual.startedMs, expected.started.seconds * 1000 + Math.floor(expected.started.nanos / 1e6));
        });
        input.statuses.forEach((expected, index) => {
          const actual = decoded.statuses[index]!;
          assert.deepEqual([actual.id, actual.vertex, actual.name, actual.current, actual.total], [expected.ID, expected.vertex, expected.name, expected.current, expected.total]);
        });
        input.logs.forEach((expected, index) => {
          const actual = decoded.logs[index]!;
          assert.deepEqual([actual.vertex, actual.stream, [...actual.data]], [expected.vertex, expected.stream, [...expected.msg]]);
        });
        input.warnings.forEach((expected, index) => {
          const actual = decoded.warnings[index]!;
          assert.deepEqual([actual.vertex, actual.level, actual.short, actual.url ?? ''], [expected.vertex, expected.level, Buffer.from(expected.short).toString('utf8'), expected.url]);
        });
      }),
      { numRuns: 300 },
    );
  });
});
