// The server's connection. Over stdio (the extension, other editors, the benchmarks) and in the
// protocol tests' in-process streams, messages are written with our JSON encoder, one write each
// (jsonEncoder.ts, messageWriter.ts); the other transports (--node-ipc, --socket, --pipe) are
// vscode-languageserver's own.
import { format } from 'node:util';
import type { Duplex, Readable, Writable } from 'node:stream';
import { createConnection, ProposedFeatures, StreamMessageReader, type Connection, type DataCallback, type Disposable, type MessageWriter } from 'vscode-languageserver/node';
import { SingleWriteMessageWriter } from './messageWriter';

/** A writer of LSP messages to a stream, with our encoder, one write per message. */
export function messageWriter(stream: Writable | Duplex): MessageWriter {
  return new SingleWriteMessageWriter(stream);
}

/** A connection over the two streams, with our encoder. */
export function streamConnection(input: Readable, output: Writable): Connection {
  return createConnection(ProposedFeatures.all, new StreamMessageReader(input), messageWriter(output));
}

/** A reader that notes the shutdown request on its way to the connection. */
class WatchedReader extends StreamMessageReader {
  shutdownRequested = false;

  override listen(callback: DataCallback): Disposable {
    return super.listen((message) => {
      if ((message as { method?: string }).method === 'shutdown') this.shutdownRequested = true;
      callback(message);
    });
  }
}

/** The connection the command line asks for. */
export function connectionFromCommandLine(argv: readonly string[] = process.argv.slice(2)): Connection {
  if (!argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const reader = new WatchedReader(process.stdin);
  const connection = createConnection(ProposedFeatures.all, reader, messageWriter(process.stdout));
  // What vscode-languageserver does for --stdio, which it skips when given reader and writer:
  // stdout is the channel, so console output goes to the client's log instead of corrupting it…
  console.log = (...args: unknown[]) => connection.console.log(format(...args));
  console.info = (...args: unknown[]) => connection.console.info(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  // …and the server ends with its input (the editor went away without `exit`): status 0 after a
  // shutdown request, 1 otherwise. (connection.onShutdown has one handler, the layers feature's.)
  const end = (): never => process.exit(reader.shutdownRequested ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
  return connection;
}
