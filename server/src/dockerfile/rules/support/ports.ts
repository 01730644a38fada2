// EXPOSE words as the engine reads them (go-connections nat.ParsePortSpec): `[ip:][hostPort:]port[-end][/proto]`.

export interface PortSpec {
  /** Offsets into the word. */
  readonly portStart: number;
  readonly portEnd: number;
  readonly ports: string;
  readonly protocol: string | undefined;
  readonly protocolStart: number;
  /** Text before the container port (`127.0.0.1:` or `8080:`), when present. */
  readonly mapping: string | undefined;
}

export function parsePortSpec(word: string): PortSpec {
  const slash = word.lastIndexOf('/');
  const beforeProtocol = slash >= 0 ? word.slice(0, slash) : word;
  const protocol = slash >= 0 ? word.slice(slash + 1) : undefined;
  const colon = beforeProtocol.lastIndexOf(':');
  const portStart = colon + 1;
  return {
    portStart,
    portEnd: beforeProtocol.length,
    ports: beforeProtocol.slice(portStart),
    protocol,
    protocolStart: slash + 1,
    mapping: colon >= 0 ? beforeProtocol.slice(0, colon + 1) : undefined,
  };
}

/** Why a port or range is invalid, or undefined when it is valid. */
export function portProblem(ports: string): string | undefined {
  const match = /^(\d+)(?:-(\d+))?$/.exec(ports);
  if (!match) return `"${ports}" is not a port number`;
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  if (start > 65535 || end > 65535) return `${start > 65535 ? start : end} is out of range: ports go from 0 to 65535`;
  if (end < start) return `the range ${ports} ends before it starts`;
  return undefined;
}
