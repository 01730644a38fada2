// Build arguments BuildKit knows without an ARG instruction, and the signals STOPSIGNAL takes.
// The names come from the Dockerfile core's own lists, so the model and the reference agree.
import { AUTOMATIC_PLATFORM_ARGS, BUILDKIT_ARGS, PROXY_ARGS } from '../semantic/predefined';
import { referenceUrl } from './values';
import type { PredefinedArgReference, SignalReference } from './types';

const PLATFORM_DOCS: Readonly<Record<(typeof AUTOMATIC_PLATFORM_ARGS)[number], { description: string; example: string }>> = {
  BUILDPLATFORM: { description: 'Platform of the machine running the build.', example: 'linux/amd64' },
  BUILDOS: { description: 'OS of the machine running the build.', example: 'linux' },
  BUILDOSVERSION: { description: 'OS version of the machine running the build (Windows builders).', example: '' },
  BUILDARCH: { description: 'Architecture of the machine running the build.', example: 'amd64' },
  BUILDVARIANT: { description: 'Architecture variant of the machine running the build.', example: '' },
  TARGETPLATFORM: { description: 'Platform the image is built for.', example: 'linux/arm64' },
  TARGETOS: { description: 'OS the image is built for.', example: 'linux' },
  TARGETOSVERSION: { description: 'OS version the image is built for (Windows targets).', example: '' },
  TARGETARCH: { description: 'Architecture the image is built for (`GOARCH`-style names).', example: 'arm64' },
  TARGETVARIANT: { description: 'Architecture variant the image is built for.', example: 'v7' },
};

const BUILDKIT_DOCS: Readonly<Record<(typeof BUILDKIT_ARGS)[number], string>> = {
  BUILDKIT_BUILD_NAME: 'Overrides the build name shown in build history.',
  BUILDKIT_CACHE_MOUNT_NS: 'Namespace for the ids of cache mounts.',
  BUILDKIT_CONTEXT_KEEP_GIT_DIR: 'Keep the `.git` directory of a Git build context.',
  BUILDKIT_DOCKERFILE_CHECK: 'Build check options, like the `# check=` directive.',
  BUILDKIT_INLINE_CACHE: 'Write cache metadata into the image config (inline cache).',
  BUILDKIT_MULTI_PLATFORM: 'Produce a multi-platform result even for one platform.',
  BUILDKIT_SANDBOX_HOSTNAME: 'Host name of the build containers (default `buildkitsandbox`).',
  BUILDKIT_SYNTAX: 'The frontend image, like the `# syntax=` directive.',
  SOURCE_DATE_EPOCH: 'Timestamp (Unix seconds) for reproducible builds: image and file times.',
};

export const PREDEFINED_ARGS: readonly PredefinedArgReference[] = [
  ...AUTOMATIC_PLATFORM_ARGS.map(
    (name): PredefinedArgReference => ({
      name,
      group: 'platform',
      description: `${PLATFORM_DOCS[name].description} Defined in the global scope: usable in FROM directly, and inside a stage after \`ARG ${name}\`.`,
      example: PLATFORM_DOCS[name].example || undefined,
      url: referenceUrl('automatic-platform-args-in-the-global-scope'),
    }),
  ),
  ...PROXY_ARGS.map(
    (name): PredefinedArgReference => ({
      name,
      group: 'proxy',
      description: 'Proxy setting passed with `--build-arg`; available to RUN without an ARG instruction and kept out of the image history.',
      url: referenceUrl('predefined-args'),
    }),
  ),
  ...BUILDKIT_ARGS.map(
    (name): PredefinedArgReference => ({
      name,
      group: 'buildkit',
      description: `${BUILDKIT_DOCS[name]} Set with \`--build-arg\` or an ARG default.`,
      url: referenceUrl('buildkit-built-in-build-args'),
    }),
  ),
];

/** Linux signals by name; STOPSIGNAL also takes the number, with or without the SIG prefix in name form. */
export const SIGNALS: readonly SignalReference[] = [
  { name: 'SIGTERM', number: 15, description: 'Polite request to terminate (the default stop signal).' },
  { name: 'SIGINT', number: 2, description: 'Interrupt, as Ctrl+C sends.' },
  { name: 'SIGQUIT', number: 3, description: 'Quit; nginx and some servers use it for a graceful shutdown.' },
  { name: 'SIGKILL', number: 9, description: 'Kill immediately; the process cannot clean up.' },
  { name: 'SIGHUP', number: 1, description: 'Hang-up; many daemons reload their configuration.' },
  { name: 'SIGUSR1', number: 10, description: 'User-defined signal 1.' },
  { name: 'SIGUSR2', number: 12, description: 'User-defined signal 2.' },
  { name: 'SIGWINCH', number: 28, description: 'Window size change; Apache httpd stops gracefully on it.' },
  { name: 'SIGPWR', number: 30, description: 'Power failure; some init systems shut down on it.' },
  { name: 'SIGRTMIN+3', number: 37, description: 'systemd in a container shuts down on it.' },
  { name: 'SIGABRT', number: 6, description: 'Abort (may produce a core dump).' },
  { name: 'SIGALRM', number: 14, description: 'Timer alarm.' },
  { name: 'SIGCONT', number: 18, description: 'Continue a stopped process.' },
  { name: 'SIGSTOP', number: 19, description: 'Stop (pause) the process; cannot be caught.' },
  { name: 'SIGTSTP', number: 20, description: 'Terminal stop, as Ctrl+Z sends.' },
];
