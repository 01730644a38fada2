// Layer blobs come plain, gzip- or zstd-compressed; the format is told by the first bytes, not by
// a media type (docker save archives carry none). gzip uses Node's zlib. zstd uses Node's own
// decoder when the running Node has one (22.15+, e.g. code-server's Node 24) and otherwise fzstd,
// a pure-JavaScript streaming decoder, because VS Code's extension host and our CLI run on
// Node 20 and a native addon cannot ship in a platform-neutral VSIX.
import * as zlib from 'node:zlib';
import { Decompress as FzstdDecompress } from 'fzstd';
import type { TarEntrySink } from './tarStreamReader';

export type LayerCompression = 'none' | 'gzip' | 'zstd';

/** Bytes in, bytes out: the same shape as a tar entry's data sink. */
export type ByteSink = TarEntrySink;

export const compressionSniffBytes = 4;

export function detectCompression(head: Buffer): LayerCompression {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return 'zstd';
  return 'none';
}

/** Which zstd decoder this process uses, for reports and benchmarks. */
export function zstdDecoderName(): string {
  return typeof (zlib as NativeZstd).createZstdDecompress === 'function' ? `node:zlib (Node ${process.versions.node})` : 'fzstd 0.1.1 (pure JavaScript)';
}

interface NativeZstd {
  createZstdDecompress?: () => zlib.Gunzip;
}

/**
 * Wraps `downstream` so that compressed bytes written to the result arrive decompressed.
 * A decoding failure is reported once through `onError`; later input is then dropped, so one bad
 * layer never aborts the reading of the archive around it.
 */
export function decompressInto(compression: LayerCompression, downstream: ByteSink, onError: (error: Error) => void): ByteSink {
  if (compression === 'none') return downstream;
  const nativeZstd = (zlib as NativeZstd).createZstdDecompress;
  if (compression === 'gzip') return nodeStreamSink(zlib.createGunzip(), downstream, onError);
  if (typeof nativeZstd === 'function') return nodeStreamSink(nativeZstd(), downstream, onError);
  return fzstdSink(downstream, onError);
}

function nodeStreamSink(decoder: zlib.Gunzip, downstream: ByteSink, onError: (error: Error) => void): ByteSink {
  let failed = false;
  const fail = (error: Error): void => {
    if (failed) return;
    failed = true;
    onError(error);
  };
  decoder.on('data', (chunk: Buffer) => {
    if (failed) return;
    try {
      // Our downstream sinks (tar readers of layer listings) are synchronous.
      void downstream.data(chunk);
    } catch (error) {
      fail(asError(error));
      decoder.destroy();
    }
  });
  const finished = new Promise<void>((resolve) => {
    decoder.on('end', () => {
      if (!failed) {
        try {
          void downstream.end();
        } catch (error) {
          fail(asError(error));
        }
      }
      resolve();
    });
    decoder.on('error', (error) => {
      fail(error);
      resolve();
    });
    decoder.on('close', () => resolve());
  });
  return {
    data(chunk) {
      if (failed) return undefined;
      if (decoder.write(chunk)) return undefined;
      return new Promise<void>((resolve) => {
        const done = (): void => {
          decoder.off('drain', done);
          decoder.off('close', done);
          resolve();
        };
        decoder.on('drain', done);
        decoder.on('close', done);
      });
    },
    end() {
      if (!failed) decoder.end();
      return finished;
    },
  };
}

function fzstdSink(downstream: ByteSink, onError: (error: Error) => void): ByteSink {
  let failed = false;
  const decoder = new FzstdDecompress((chunk) => {
    if (!failed) void downstream.data(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  });
  const guard = (action: () => void): void => {
    if (failed) return;
    try {
      action();
    } catch (error) {
      failed = true;
      onError(asError(error));
    }
  };
  return {
    data(chunk) {
      guard(() => decoder.push(chunk));
    },
    end() {
      guard(() => {
        decoder.push(new Uint8Array(0), true);
        void downstream.end();
      });
    },
  };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
