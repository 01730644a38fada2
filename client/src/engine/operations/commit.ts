// Commit a container to an image, with `--change` instructions checked by the Dockerfile core
// before anything is sent: a typo gives a message naming the change and the problem, instead
// of the engine's terse refusal after the fact.
import { parseDockerfile } from '../../../../server/src/dockerfile';
import { EngineAccess, jsonRequest } from './engineAccess';
import { splitReference } from './registry';

/** The instructions the engine accepts as commit/import changes. */
export const changeInstructions: readonly string[] = ['CMD', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'LABEL', 'ONBUILD', 'USER', 'VOLUME', 'WORKDIR', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL'];

export class InvalidChangeError extends Error {
  constructor(
    readonly change: string,
    reason: string,
  ) {
    super(`The change "${change}" is not valid: ${reason}`);
    this.name = 'InvalidChangeError';
  }
}

/** Checks one `--change` line with the Dockerfile parser; returns it trimmed. */
export function validateChange(change: string): string {
  const text = change.trim();
  if (!text) throw new InvalidChangeError(change, 'it is empty.');
  if (/\r|\n/.test(text)) throw new InvalidChangeError(change, 'a change is one instruction on one line.');
  const parsed = parseDockerfile(`${text}\n`);
  const instruction = parsed.instructions[0];
  if (!instruction) throw new InvalidChangeError(change, 'it holds no instruction.');
  if (!instruction.known) throw new InvalidChangeError(change, `"${instruction.keyword.text}" is not a Dockerfile instruction. Use one of ${changeInstructions.join(', ')}.`);
  if (!changeInstructions.includes(instruction.name)) {
    throw new InvalidChangeError(change, `${instruction.name} cannot be applied to an existing container's image; only ${changeInstructions.join(', ')} can.`);
  }
  const problem = parsed.problems.find((candidate) => candidate.severity === 'error');
  if (problem) throw new InvalidChangeError(change, problem.message);
  if (!instruction.argumentsText && instruction.name !== 'ONBUILD') throw new InvalidChangeError(change, `${instruction.name} needs arguments.`);
  if (instruction.name === 'ONBUILD' && !instruction.trigger) throw new InvalidChangeError(change, 'ONBUILD needs the instruction to run later, e.g. ONBUILD RUN make.');
  if (instruction.name === 'EXPOSE') {
    for (const arg of instruction.args) {
      if (!/^\d+(-\d+)?(\/(tcp|udp|sctp))?$/i.test(arg.value)) throw new InvalidChangeError(change, `"${arg.value}" is not a port (write 80, 8080/tcp or 53/udp).`);
    }
  }
  return text;
}

export interface CommitOptions {
  readonly container: string;
  /** repository[:tag]; empty makes an untagged image. */
  readonly reference?: string;
  readonly message?: string;
  readonly author?: string;
  /** Pause the container while committing (default true, as docker does). */
  readonly pause?: boolean;
  readonly changes?: readonly string[];
  readonly signal?: AbortSignal;
}

export async function commitContainer(engine: EngineAccess, options: CommitOptions): Promise<{ readonly imageId: string }> {
  const changes = (options.changes ?? []).filter((change) => change.trim() !== '').map(validateChange);
  const query: Record<string, unknown> = { container: options.container, pause: options.pause ?? true };
  if (options.reference) {
    const { repository, tag } = splitReference(options.reference);
    query.repo = repository;
    query.tag = tag;
  }
  if (options.message) query.comment = options.message;
  if (options.author) query.author = options.author;
  if (changes.length > 0) query.changes = changes;
  const answer = await jsonRequest<{ Id?: string }>(
    engine,
    { method: 'POST', path: '/commit', query, okStatus: [200, 201], signal: options.signal, headers: { 'Content-Type': 'application/json' }, jsonBody: {} },
    `commit container ${options.container}`,
  );
  if (!answer?.Id) throw new Error(`The engine committed ${options.container} but reported no image ID.`);
  return { imageId: answer.Id };
}
