// The docker CLI (Debian's 20.10 at /usr/bin/docker) for setting up fixtures a test then looks
// at through the engine module: containers with a HEALTHCHECK, images with several layers.
import { execFile } from 'node:child_process';
import { testState } from './state';

export const DOCKER_CLI = '/usr/bin/docker';

export interface CliOptions {
  /** Engine host (default: the main engine). */
  readonly host?: string;
  /** Written to the command's stdin (e.g. a Dockerfile for `build -`). */
  readonly input?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
}

export function docker(args: readonly string[], options: CliOptions = {}): Promise<string> {
  const host = options.host ?? testState().main.host;
  return new Promise((resolve, reject) => {
    const child = execFile(
      DOCKER_CLI,
      ['-H', host, ...args],
      // The classic builder needs no buildx: DOCKER_BUILDKIT=0 keeps `docker build` working offline.
      { env: { ...process.env, DOCKER_BUILDKIT: '0', ...options.env }, timeout: options.timeoutMs ?? 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`docker ${args.join(' ')} failed: ${stderr.trim() || error.message}`));
        else resolve(stdout.trim());
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}
