// The `RUN --mount` types and every option each accepts (BuildKit commands_runmount.go
// parseMount): keys are case-insensitive, `type` defaults to bind, and an option listed for no
// type is an error ("unexpected key"). Defaults differ per type, so each type lists its own.
import { BOOLEAN, referenceUrl } from './values';
import type { MountOptionReference, MountTypeReference, ValueSyntax } from './types';

const PATH: ValueSyntax = { kind: 'path', syntax: '<absolute path in the build container>' };
const ID: ValueSyntax = { kind: 'name', syntax: '<id>' };
const OCTAL: ValueSyntax = { kind: 'octal', syntax: '<octal mode>', values: [{ value: '0755', description: 'rwxr-xr-x' }, { value: '0700', description: 'rwx------' }, { value: '0400', description: 'r--------' }] };
const UID: ValueSyntax = { kind: 'integer', syntax: '<uid>', min: 0 };
const GID: ValueSyntax = { kind: 'integer', syntax: '<gid>', min: 0 };

export const MOUNT_TYPE_VALUE: ValueSyntax = {
  kind: 'enum',
  syntax: 'bind|cache|tmpfs|secret|ssh',
  caseInsensitive: true,
  values: [
    { value: 'cache', description: 'A persistent cache directory shared between builds (package managers, compilers).' },
    { value: 'secret', description: 'A secret file or environment variable, never stored in the image.' },
    { value: 'bind', description: 'Read files from the context, a stage or an image without copying them (the default).' },
    { value: 'ssh', description: "Access to the build client's ssh agent (private Git repositories)." },
    { value: 'tmpfs', description: 'An empty in-memory filesystem.' },
  ],
};

function typeOption(name: string): MountOptionReference {
  return { name: 'type', aliases: [], value: MOUNT_TYPE_VALUE, valueOptional: false, default: { value: 'bind' }, documentation: `The mount type; this is a \`${name}\` mount.` };
}

function target(documentation: string, defaultValue?: MountOptionReference['default'], values?: ValueSyntax['values']): MountOptionReference {
  return { name: 'target', aliases: ['dst', 'destination'], value: values ? { ...PATH, values } : PATH, valueOptional: false, default: defaultValue, documentation };
}

/** Where common package managers and compilers keep their caches (what `type=cache` mounts). */
const CACHE_TARGETS: ValueSyntax['values'] = [
  { value: '/var/cache/apt', description: 'apt downloads (use with sharing=locked and /var/lib/apt).' },
  { value: '/var/lib/apt', description: 'apt package lists (use with sharing=locked).' },
  { value: '/var/cache/apk', description: 'apk (Alpine) packages.' },
  { value: '/var/cache/dnf', description: 'dnf packages.' },
  { value: '/root/.cache/pip', description: 'pip wheels and downloads.' },
  { value: '/root/.cache/uv', description: 'uv packages.' },
  { value: '/root/.npm', description: 'npm packages.' },
  { value: '/usr/local/share/.cache/yarn', description: 'yarn (classic) packages.' },
  { value: '/root/.local/share/pnpm/store', description: 'pnpm store.' },
  { value: '/go/pkg/mod', description: 'Go modules.' },
  { value: '/root/.cache/go-build', description: 'Go build cache.' },
  { value: '/usr/local/cargo/registry', description: 'Cargo registry.' },
  { value: '/root/.m2', description: 'Maven repository.' },
  { value: '/root/.gradle', description: 'Gradle caches.' },
  { value: '/root/.cache/ccache', description: 'ccache.' },
];

function readonly(isDefault: boolean): MountOptionReference {
  return {
    name: 'readonly',
    aliases: ['ro'],
    value: BOOLEAN,
    valueOptional: true,
    default: { value: String(isDefault) },
    documentation: isDefault ? 'Mount read-only (the default for this type).' : 'Mount read-only.',
  };
}

function readwrite(isDefault: boolean): MountOptionReference {
  return {
    name: 'readwrite',
    aliases: ['rw'],
    value: BOOLEAN,
    valueOptional: true,
    default: { value: String(isDefault) },
    documentation: isDefault ? 'Mount writable (the default for this type).' : 'Mount writable. Writes are thrown away after the command: they never reach the image or the source.',
  };
}

function ownership(mode: string, what: string): MountOptionReference[] {
  return [
    { name: 'mode', aliases: [], value: OCTAL, valueOptional: false, default: { value: mode }, documentation: `File mode of the ${what}, in octal.` },
    { name: 'uid', aliases: [], value: UID, valueOptional: false, default: { value: '0' }, documentation: `User id owning the ${what}.` },
    { name: 'gid', aliases: [], value: GID, valueOptional: false, default: { value: '0' }, documentation: `Group id owning the ${what}.` },
  ];
}

function required(what: string): MountOptionReference {
  return {
    name: 'required',
    aliases: [],
    value: BOOLEAN,
    valueOptional: true,
    default: { value: 'false' },
    documentation: `Fail the build when the ${what} is not provided (otherwise the command runs without it).`,
  };
}

export const MOUNT_TYPES: readonly MountTypeReference[] = [
  {
    name: 'cache',
    since: '1.2',
    summary: 'A cache directory that persists between builds.',
    documentation:
      'Mounts a directory that BuildKit keeps from one build to the next, so package managers and compilers reuse their downloads and intermediate files. The contents never go into the image, and the step cache is unaffected: the command still runs when its layer is rebuilt, just faster.',
    example: 'RUN --mount=type=cache,target=/root/.cache/go-build go build ./...',
    url: referenceUrl('run---mounttypecache'),
    options: [
      typeOption('cache'),
      target('Where the cache directory is mounted. Required.', undefined, CACHE_TARGETS),
      { name: 'id', aliases: [], value: ID, valueOptional: false, default: { description: 'the target path' }, documentation: 'Identifies the cache: mounts with the same id share it, even in different stages or Dockerfiles on the same builder.' },
      readonly(false),
      readwrite(true),
      {
        name: 'sharing',
        aliases: [],
        value: {
          kind: 'enum',
          syntax: 'shared|private|locked',
          caseInsensitive: true,
          values: [
            { value: 'shared', description: 'Concurrent builds use the cache at the same time (the default).' },
            { value: 'locked', description: 'Concurrent builds wait for each other (apt, which needs exclusive access).' },
            { value: 'private', description: 'A concurrent build gets a new, empty cache instead.' },
          ],
        },
        valueOptional: false,
        default: { value: 'shared' },
        documentation: 'What happens when several builds use the same cache at once.',
      },
      { name: 'from', aliases: [], value: { kind: 'source', syntax: '<stage|image|context>' }, valueOptional: false, default: { description: 'an empty directory' }, documentation: 'A stage, image or context whose files seed the cache the first time. Variables are not expanded here.' },
      { name: 'source', aliases: ['src'], value: PATH, valueOptional: false, default: { description: 'the root of `from`' }, documentation: 'The subpath of `from` to mount.' },
      ...ownership('0755', 'cache directory'),
    ],
  },
  {
    name: 'secret',
    since: '1.2',
    summary: 'A secret file (or environment variable), never stored in the image.',
    documentation:
      'Makes a secret passed with `docker build --secret id=…,src=…` (or `env=…`) available to this command only: as a file under `/run/secrets/` by default, or as an environment variable with `env=`. Unlike ARG or ENV, the value never lands in a layer or in the image history.',
    example: 'RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci',
    url: referenceUrl('run---mounttypesecret'),
    options: [
      typeOption('secret'),
      { name: 'id', aliases: [], value: ID, valueOptional: false, default: { description: 'the base name of the target' }, documentation: 'The secret id, as given to `docker build --secret id=<id>`.' },
      target('Where the secret file appears.', { description: '/run/secrets/<id>' }),
      { name: 'source', aliases: ['src'], value: ID, valueOptional: false, documentation: 'Another name for `id` (use one or the other, not both).' },
      { name: 'env', aliases: [], since: '1.10', value: { kind: 'name', syntax: '<ENV_NAME>' }, valueOptional: false, documentation: 'Expose the secret as this environment variable of the command instead of (or as well as, with `target`) a file.' },
      required('secret'),
      ...ownership('0400', 'secret file'),
    ],
  },
  {
    name: 'bind',
    summary: 'Files from the build context, a stage or an image, without copying them.',
    documentation:
      'Mounts a directory or file read-only (by default) into the command, from the build context or from `from=` a stage, image or named context. Unlike COPY, the files are not added to the image: useful to build from sources or install packages from a wheelhouse that should not ship.',
    example: 'RUN --mount=type=bind,source=requirements.txt,target=/tmp/requirements.txt pip install -r /tmp/requirements.txt',
    url: referenceUrl('run---mounttypebind'),
    options: [
      typeOption('bind'),
      target('Where the files are mounted. Required.'),
      { name: 'source', aliases: ['src'], value: PATH, valueOptional: false, default: { description: 'the root of `from`' }, documentation: 'The path in `from` to mount.' },
      { name: 'from', aliases: [], value: { kind: 'source', syntax: '<stage|image|context>' }, valueOptional: false, default: { description: 'the build context' }, documentation: 'A stage, image or named context to mount from. Variables are not expanded here.' },
      readonly(true),
      readwrite(false),
    ],
  },
  {
    name: 'ssh',
    since: '1.2',
    summary: "Access to the build client's ssh agent.",
    documentation:
      'Forwards the ssh agent (or keys) given with `docker build --ssh default` to the command, so it can fetch private Git repositories without the key ever entering the image. `SSH_AUTH_SOCK` points at the socket.',
    example: 'RUN --mount=type=ssh git clone git@github.com:org/private.git',
    url: referenceUrl('run---mounttypessh'),
    options: [
      typeOption('ssh'),
      { name: 'id', aliases: [], value: ID, valueOptional: false, default: { value: 'default' }, documentation: 'The ssh agent or key set, as given to `docker build --ssh <id>=…`.' },
      target('Where the agent socket is mounted.', { description: '/run/buildkit/ssh_agent.<N>' }),
      required('ssh agent'),
      ...ownership('0600', 'socket'),
    ],
  },
  {
    name: 'tmpfs',
    summary: 'An empty in-memory filesystem.',
    documentation: 'Mounts a fresh tmpfs for scratch files that must not end up in the layer and are faster in memory.',
    example: 'RUN --mount=type=tmpfs,target=/tmp,size=512m make test',
    url: referenceUrl('run---mounttypetmpfs'),
    options: [
      typeOption('tmpfs'),
      target('Where the tmpfs is mounted. Required.'),
      { name: 'size', aliases: [], value: { kind: 'size', syntax: '<bytes>[k|m|g]', values: [{ value: '64m', description: '64 MiB' }, { value: '512m', description: '512 MiB' }, { value: '1g', description: '1 GiB' }] }, valueOptional: false, default: { description: 'no limit but memory' }, documentation: 'Upper limit for the filesystem size.' },
      readonly(false),
      readwrite(true),
    ],
  },
];
