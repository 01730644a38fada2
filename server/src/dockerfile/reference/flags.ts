// Every flag of every instruction, as BuildKit's Dockerfile frontend 1.26 accepts them
// (instructions/parse.go, commands_run*.go), with defaults and documentation in our own words.
import { BOOLEAN, DURATION, PLATFORM, referenceUrl } from './values';
import type { FlagReference, ValueSyntax } from './types';

const USER_GROUP: ValueSyntax = {
  kind: 'user-group',
  syntax: '<user>[:<group>] or <uid>[:<gid>]',
  values: [
    { value: '1000:1000', description: 'Numeric user and group ids (no lookup in /etc/passwd needed).' },
    { value: 'root:root', description: 'The root user and group.' },
  ],
};

const PERMISSIONS: ValueSyntax = {
  kind: 'permissions',
  syntax: '<octal> (e.g. 755) or, since 1.14, symbolic (e.g. u+x)',
  values: [
    { value: '755', description: 'rwxr-xr-x: executables and directories.' },
    { value: '644', description: 'rw-r--r--: ordinary files.' },
    { value: '600', description: 'rw-------: private files (keys, credentials).' },
    { value: '700', description: 'rwx------: private directories and scripts.' },
    { value: '444', description: 'r--r--r--: read-only for everyone.' },
    { value: 'u+x', description: 'Add execute for the owner (symbolic, docker/dockerfile 1.14+).' },
  ],
};

const GLOB: ValueSyntax = { kind: 'glob', syntax: '<pattern> (as in .dockerignore, e.g. *.md or **/test)' };

function chown(instruction: 'COPY' | 'ADD'): FlagReference {
  return {
    name: 'chown',
    value: USER_GROUP,
    valueOptional: false,
    repeatable: false,
    default: { value: '0:0', description: 'root (uid 0, gid 0)' },
    summary: 'Owner (and group) of the copied files.',
    documentation:
      'Sets the owner of every file and directory this instruction creates. Names are looked up in the `/etc/passwd` and `/etc/group` of the image being built; a name it does not contain fails the build, numeric ids never do. With only a user, the group is the same id. Not supported for Windows containers.',
    example: `${instruction} --chown=app:app . /app`,
    url: referenceUrl(`${instruction.toLowerCase()}---chown---chmod`),
  };
}

function chmod(instruction: 'COPY' | 'ADD'): FlagReference {
  return {
    name: 'chmod',
    value: PERMISSIONS,
    valueOptional: false,
    repeatable: false,
    since: '1.2',
    default: { description: 'the permissions of the source' },
    summary: 'Permissions of the copied files.',
    documentation:
      'Sets the permission bits of the copied files and directories, which saves a later `RUN chmod` (and the duplicate layer it would create). Octal values need docker/dockerfile 1.2 or later; symbolic values such as `u+x` need 1.14. Not supported for Windows containers.',
    example: `${instruction} --chmod=755 entrypoint.sh /usr/local/bin/`,
    url: referenceUrl(`${instruction.toLowerCase()}---chown---chmod`),
  };
}

function link(instruction: 'COPY' | 'ADD'): FlagReference {
  return {
    name: 'link',
    value: BOOLEAN,
    valueOptional: true,
    repeatable: false,
    since: '1.4',
    default: { value: 'false' },
    summary: 'Copy into an independent layer that does not depend on the layers below.',
    documentation:
      'The files are written into a layer of their own, independent of the state of the image at that point. The layer then stays cached when earlier instructions change, and can be reused when rebasing the image on a new base without rebuilding. The destination cannot rely on what exists below (symlinks in the destination path are not followed).',
    example: `${instruction} --link --from=build /out/app /usr/local/bin/app`,
    url: referenceUrl(`${instruction.toLowerCase()}---link`),
  };
}

function exclude(instruction: 'COPY' | 'ADD'): FlagReference {
  return {
    name: 'exclude',
    value: GLOB,
    valueOptional: false,
    repeatable: true,
    since: '1.19',
    summary: 'Leave out the sources that match a pattern.',
    documentation:
      'Files and directories matching the pattern are not copied, as if they were listed in a `.dockerignore` for this instruction only. Repeat the flag for several patterns. Stable since docker/dockerfile 1.19 (earlier only in the labs channel).',
    example: `${instruction} --exclude=*.md --exclude=test/ . /src`,
    url: referenceUrl(`${instruction.toLowerCase()}---exclude`),
  };
}

export const FROM_FLAGS: readonly FlagReference[] = [
  {
    name: 'platform',
    value: {
      ...PLATFORM,
      values: [
        { value: '$BUILDPLATFORM', description: 'The platform of the machine running the build: cross-compile natively instead of under emulation.' },
        { value: '$TARGETPLATFORM', description: 'The platform being built for (what FROM uses anyway).' },
        ...PLATFORM.values!,
      ],
    },
    valueOptional: false,
    repeatable: false,
    default: { description: "the build's target platform ($TARGETPLATFORM)" },
    summary: 'Platform of the base image to use.',
    documentation:
      'Picks the variant of a multi-platform base image. The common use is `--platform=$BUILDPLATFORM` on a build stage, so compilers run natively and cross-compile for `$TARGETARCH`. Global ARGs are expanded in the value. A constant value (`linux/amd64`) pins the stage to one platform whatever the build targets.',
    example: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build',
    url: referenceUrl('from'),
  },
];

export const RUN_FLAGS: readonly FlagReference[] = [
  {
    name: 'mount',
    value: { kind: 'options', syntax: 'type=<bind|cache|tmpfs|secret|ssh>[,<option>=<value>…]' },
    valueOptional: false,
    repeatable: true,
    since: '1.2',
    default: { description: 'no mounts; `type` defaults to bind' },
    summary: 'Mount a cache, a secret, an ssh agent, a tmpfs or files from elsewhere while the command runs.',
    documentation:
      'The mount exists only while this RUN runs and is never part of the image. Use `type=cache` to keep package-manager caches between builds, `type=secret` and `type=ssh` to use credentials without leaking them into a layer, `type=bind` to read files from the context or another stage without copying them, `type=tmpfs` for scratch space. Repeat the flag for several mounts.',
    example: 'RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt',
    url: referenceUrl('run---mount'),
  },
  {
    name: 'network',
    value: {
      kind: 'enum',
      syntax: 'default|none|host',
      values: [
        { value: 'default', description: 'The default network of the builder.' },
        { value: 'none', description: 'No network at all: only the loopback interface. Proves a step is hermetic.' },
        { value: 'host', description: "The host's network stack. Needs the `network.host` entitlement (`--allow network.host`)." },
      ],
    },
    valueOptional: false,
    repeatable: false,
    since: '1.3',
    default: { value: 'default' },
    summary: 'Network the command runs in.',
    documentation:
      '`none` cuts the command off the network, which proves the step only uses what is already in the image or mounted. `host` uses the network of the machine running the build and must be allowed with `--allow network.host`.',
    example: 'RUN --network=none pip install --no-index --find-links=/wheels app',
    url: referenceUrl('run---network'),
  },
  {
    name: 'security',
    value: {
      kind: 'enum',
      syntax: 'sandbox|insecure',
      values: [
        { value: 'sandbox', description: 'The default: the usual container sandbox.' },
        { value: 'insecure', description: 'Full privileges, like `docker run --privileged`. Needs the `security.insecure` entitlement.' },
      ],
    },
    valueOptional: false,
    repeatable: false,
    since: '1.20',
    default: { value: 'sandbox' },
    summary: 'Run the command with full privileges.',
    documentation:
      '`insecure` runs the command without the sandbox, with every capability (for example to mount filesystems or use loop devices). The builder must be started with the `security.insecure` entitlement and the build run with `--allow security.insecure`. Stable since docker/dockerfile 1.20 (earlier in the labs channel).',
    example: 'RUN --security=insecure mount -t tmpfs none /mnt',
    url: referenceUrl('run---security'),
  },
  {
    name: 'device',
    value: { kind: 'options', syntax: '<name>[,required[=<bool>]]' },
    valueOptional: false,
    repeatable: true,
    since: '1.14',
    labs: true,
    summary: 'Give the command access to a device (CDI), e.g. a GPU.',
    documentation:
      'Exposes a Container Device Interface device to the command, by its fully qualified name (`vendor.com/class=name`) or a short name. `required` fails the build when the device is missing (otherwise the command runs without it). Only in the `docker/dockerfile:1-labs` syntax.',
    example: 'RUN --device=nvidia.com/gpu=all nvidia-smi',
    url: referenceUrl('run---device'),
  },
];

export const COPY_FLAGS: readonly FlagReference[] = [
  {
    name: 'from',
    value: { kind: 'source', syntax: '<stage name>|<stage index>|<image>|<named context>' },
    valueOptional: false,
    repeatable: false,
    default: { description: 'the build context' },
    summary: 'Copy from an earlier stage, an image or a named build context instead of the build context.',
    documentation:
      'Names an earlier stage (`AS build`), a stage index (`0`), any image (`nginx:alpine`), or a named context given with `--build-context`. This is how multi-stage builds keep compilers out of the final image. Variables are **not** expanded here: to choose an image with an ARG, define a stage `FROM ${IMAGE} AS src` and copy from `src`.',
    example: 'COPY --from=build /out/app /usr/local/bin/app',
    url: referenceUrl('copy---from'),
  },
  chown('COPY'),
  chmod('COPY'),
  link('COPY'),
  {
    name: 'parents',
    value: BOOLEAN,
    valueOptional: true,
    repeatable: false,
    since: '1.20',
    default: { value: 'false' },
    summary: 'Keep the parent directories of the sources under the destination.',
    documentation:
      'With `--parents`, `COPY --parents a/b/c.txt /dst/` creates `/dst/a/b/c.txt` instead of `/dst/c.txt`. A `/./` in a source marks where the kept part starts (`./src/./cmd/*` keeps `cmd/…`). Stable since docker/dockerfile 1.20 (earlier in the labs channel).',
    example: 'COPY --parents ./services/*/package.json /app/',
    url: referenceUrl('copy---parents'),
  },
  exclude('COPY'),
];

export const ADD_FLAGS: readonly FlagReference[] = [
  chown('ADD'),
  chmod('ADD'),
  link('ADD'),
  {
    name: 'keep-git-dir',
    value: BOOLEAN,
    valueOptional: true,
    repeatable: false,
    since: '1.1',
    default: { value: 'false' },
    summary: 'Keep the `.git` directory when adding a Git repository.',
    documentation:
      'When the source is a Git URL, the `.git` directory is dropped by default. `--keep-git-dir` keeps it, so commands such as `git describe` work in later steps.',
    example: 'ADD --keep-git-dir https://github.com/moby/buildkit.git#v0.13.0 /src',
    url: referenceUrl('add---keep-git-dir'),
  },
  {
    name: 'checksum',
    value: { kind: 'checksum', syntax: 'sha256:<hex> (URL) or <commit SHA> (Git)' },
    valueOptional: false,
    repeatable: false,
    since: '1.6',
    summary: 'Verify a remote source against a checksum.',
    documentation:
      'For an HTTP(S) source the download must match `sha256:<hex>`; for a Git source the checked-out commit must match the given SHA (or prefix, since 1.10). A mismatch fails the build, which protects against a changed or tampered download.',
    example: 'ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /tmp/',
    url: referenceUrl('add---checksum'),
  },
  {
    name: 'unpack',
    value: BOOLEAN,
    valueOptional: true,
    repeatable: false,
    since: '1.17',
    default: { description: 'local archives are unpacked, remote ones are not' },
    summary: 'Whether to extract an archive source.',
    documentation:
      'ADD extracts local tar archives (plain, gzip, bzip2, xz, zstd) into the destination and copies remote files as they are. `--unpack=true` also extracts a downloaded archive; `--unpack=false` copies a local archive without extracting it.',
    example: 'ADD --unpack=true https://example.com/release.tar.gz /opt/',
    url: referenceUrl('add---unpack'),
  },
  exclude('ADD'),
];

export const HEALTHCHECK_FLAGS: readonly FlagReference[] = [
  {
    name: 'interval',
    value: { ...DURATION, values: [{ value: '30s', description: 'The default.' }, { value: '10s', description: 'Notice failures sooner.' }, { value: '1m', description: 'Probe less often.' }] },
    valueOptional: false,
    repeatable: false,
    default: { value: '30s' },
    summary: 'Time between two probes.',
    documentation: 'The first probe runs this long after the container starts, then again this long after each probe finishes. `0s` means the default (30s); any other value must be at least 1ms.',
    example: 'HEALTHCHECK --interval=10s CMD curl -f http://localhost/ || exit 1',
    url: referenceUrl('healthcheck'),
  },
  {
    name: 'timeout',
    value: { ...DURATION, values: [{ value: '30s', description: 'The default.' }, { value: '5s', description: 'A fast endpoint should answer well within this.' }, { value: '3s', description: 'A strict limit.' }] },
    valueOptional: false,
    repeatable: false,
    default: { value: '30s' },
    summary: 'How long one probe may run before it counts as failed.',
    documentation: 'A probe still running after this long is killed and counts as a failure. `0s` means the default (30s); any other value must be at least 1ms.',
    example: 'HEALTHCHECK --timeout=3s CMD wget -qO- http://localhost:8080/health || exit 1',
    url: referenceUrl('healthcheck'),
  },
  {
    name: 'start-period',
    value: { ...DURATION, values: [{ value: '0s', description: 'The default: no grace period.' }, { value: '30s', description: 'Give a slow service time to start.' }, { value: '1m', description: 'For services that warm up for a long time.' }] },
    valueOptional: false,
    repeatable: false,
    default: { value: '0s' },
    summary: 'Grace period after start during which failures do not count.',
    documentation:
      'During this time after the container starts, failing probes do not count towards `--retries`; the first successful probe ends the period and marks the container healthy. The default is 0s (no grace period).',
    example: 'HEALTHCHECK --start-period=30s CMD pg_isready -U postgres',
    url: referenceUrl('healthcheck'),
  },
  {
    name: 'start-interval',
    value: { ...DURATION, values: [{ value: '5s', description: 'The default.' }, { value: '1s', description: 'Report healthy as soon as possible.' }] },
    valueOptional: false,
    repeatable: false,
    engine: 'Docker Engine 25.0',
    default: { value: '5s' },
    summary: 'Time between probes during the start period.',
    documentation: 'While the start period lasts, probes run this often instead of every `--interval`, so a container is reported healthy soon after it is ready. Needs Docker Engine 25.0 or later; older engines ignore it.',
    example: 'HEALTHCHECK --start-period=1m --start-interval=2s CMD curl -f http://localhost/ || exit 1',
    url: referenceUrl('healthcheck'),
  },
  {
    name: 'retries',
    value: { kind: 'integer', syntax: '<number> (0 or more)', min: 0, values: [{ value: '3', description: 'The default.' }, { value: '5', description: 'Tolerate a few more failures.' }, { value: '1', description: 'Unhealthy at the first failure.' }] },
    valueOptional: false,
    repeatable: false,
    default: { value: '3' },
    summary: 'Consecutive failures before the container is unhealthy.',
    documentation: 'The container becomes `unhealthy` after this many failing probes in a row. `0` means the default (3).',
    example: 'HEALTHCHECK --retries=5 CMD nc -z localhost 6379',
    url: referenceUrl('healthcheck'),
  },
];
