// Writes LSP messages to a stream in one system call each: header and body are corked together
// and sent with writev, the body not copied. vscode-jsonrpc's stream writer makes two writes per
// message, so every answer cost the server two system calls and the editor two reads; over the
// benchmark's 2,400 completion and hover requests, writing took more of the server's time than
// computing the answers.
import type { Writable } from 'node:stream';
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';
import { encodeMessage } from './jsonEncoder';

export class SingleWriteMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly stream: Writable) {
    super();
    stream.on('error', (error: Error) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    let body: Buffer;
    try {
      body = encodeMessage(message);
    } catch (error) {
      this.fireError(error, message, ++this.errorCount);
      return Promise.reject(error);
    }
    const header = Buffer.from(`Content-Length: ${body.byteLength}\r\n\r\n`, 'ascii');
    return new Promise((resolve, reject) => {
      // Writes are queued by the stream in order: no lock is needed (encoding is synchronous).
      this.stream.cork();
      this.stream.write(header);
      this.stream.write(body, (error) => {
        if (!error) {
          this.errorCount = 0;
          resolve();
          return;
        }
        this.fireError(error, message, ++this.errorCount);
        reject(error);
      });
      this.stream.uncork();
    });
  }

  end(): void {
    this.stream.end();
  }
}
