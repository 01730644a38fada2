// Build arguments BuildKit defines without an ARG instruction, and the PATH every Linux image gets.

/** Automatic platform arguments, in BuildKit's global scope (a stage must redeclare them with ARG). */
export const AUTOMATIC_PLATFORM_ARGS = [
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDOSVERSION',
  'BUILDARCH',
  'BUILDVARIANT',
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETOSVERSION',
  'TARGETARCH',
  'TARGETVARIANT',
] as const;

/** Proxy arguments: usable by RUN without an ARG instruction when given with --build-arg. */
export const PROXY_ARGS = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'] as const;

/** Arguments that configure BuildKit itself. */
export const BUILDKIT_ARGS = [
  'BUILDKIT_BUILD_NAME',
  'BUILDKIT_CACHE_MOUNT_NS',
  'BUILDKIT_CONTEXT_KEEP_GIT_DIR',
  'BUILDKIT_DOCKERFILE_CHECK',
  'BUILDKIT_INLINE_CACHE',
  'BUILDKIT_MULTI_PLATFORM',
  'BUILDKIT_SANDBOX_HOSTNAME',
  'BUILDKIT_SYNTAX',
  'SOURCE_DATE_EPOCH',
] as const;

/** system.DefaultPathEnv for Linux: what BuildKit puts in an image whose base has no PATH. */
export const DEFAULT_LINUX_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface Platform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
}

/** Parses `os/arch[/variant]`; undefined when malformed. */
export function parsePlatform(text: string): Platform | undefined {
  const parts = text.split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((part) => part === '')) return undefined;
  return { os: parts[0].toLowerCase(), architecture: parts[1].toLowerCase(), variant: parts[2]?.toLowerCase() };
}

export function formatPlatform(platform: Platform): string {
  return `${platform.os}/${platform.architecture}${platform.variant ? `/${platform.variant}` : ''}`;
}

/** The values of the automatic platform arguments for a build and a target platform. */
export function platformArgValues(build: Platform, target: Platform): Record<(typeof AUTOMATIC_PLATFORM_ARGS)[number], string> {
  return {
    BUILDPLATFORM: formatPlatform(build),
    BUILDOS: build.os,
    BUILDOSVERSION: '',
    BUILDARCH: build.architecture,
    BUILDVARIANT: build.variant ?? '',
    TARGETPLATFORM: formatPlatform(target),
    TARGETOS: target.os,
    TARGETOSVERSION: '',
    TARGETARCH: target.architecture,
    TARGETVARIANT: target.variant ?? '',
  };
}
