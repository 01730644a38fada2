// Why a TLS engine dropped the connection. With TLS 1.3 the client finishes its side of the
// handshake before the engine has checked the client certificate; the engine's "bad
// certificate" alert then races the reset that closing a socket with our unread request in it
// causes, and the user would read "the connection dropped" instead of the real reason. A second
// handshake that sends nothing leaves the engine no unread bytes, so its alert (if any) arrives.
import * as tls from 'node:tls';

export interface TlsProbeTarget {
  readonly hostname: string;
  readonly port: number;
  readonly ca?: Buffer;
  readonly cert?: Buffer;
  readonly key?: Buffer;
  readonly verify: boolean;
}

/**
 * The error the engine answers a bare handshake with, or undefined when it keeps the session
 * (the reset had another cause) or says nothing within `waitMs`.
 */
export function probeTlsRejection(target: TlsProbeTarget, waitMs = 2_000): Promise<Error | undefined> {
  return new Promise((resolve) => {
    let settled = false;
    const socket = tls.connect({ host: target.hostname, port: target.port, servername: target.hostname, ca: target.ca, cert: target.cert, key: target.key, rejectUnauthorized: target.verify });
    const finish = (error: Error | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(error);
    };
    // The engine checks the certificate after our Finished: an alert comes as an error, a kept
    // session as silence until the timer.
    const timer = setTimeout(() => finish(undefined), waitMs);
    socket.on('error', (error) => finish(error));
    socket.on('close', () => finish(undefined));
  });
}
