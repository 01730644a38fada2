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

// Node's process.arch → the OCI architecture (and variant) BuildKit reports.
const NODE_ARCHITECTURES: Readonly<Record<string, { readonly architecture: string; readonly variant?: string }>> = {
  x64: { architecture: 'amd64' },
  arm64: { architecture: 'arm64' },
  arm: { architecture: 'arm', variant: 'v7' },
  ia32: { architecture: '386' },
  ppc64: { architecture: 'ppc64le' },
  s390x: { architecture: 's390x' },
  riscv64: { architecture: 'riscv64' },
  loong64: { architecture: 'loong64' },
  mips64el: { architecture: 'mips64le' },
};

/**
 * The platform of a machine from Node's `process.platform` and `process.arch` (passed in: the
 * core reads nothing itself), as BuildKit names it; undefined for one it cannot build for.
 * Docker Desktop on macOS and Windows runs a Linux engine, so darwin/win32 hosts build linux
 * images by default; ask the engine when there is one.
 */
export function hostPlatform(nodePlatform: string, nodeArch: string): Platform | undefined {
  const arch = NODE_ARCHITECTURES[nodeArch];
  if (!arch) return undefined;
  const os = nodePlatform === 'linux' || nodePlatform === 'darwin' || nodePlatform === 'win32' ? 'linux' : nodePlatform === 'freebsd' ? 'freebsd' : undefined;
  if (!os) return undefined;
  return arch.variant ? { os, architecture: arch.architecture, variant: arch.variant } : { os, architecture: arch.architecture };
}
