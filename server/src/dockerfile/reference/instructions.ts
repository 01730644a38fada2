// Every Dockerfile instruction: what it does, its forms (with the snippets completion inserts),
// its flags, an example, and the positional signatures signature help shows. Documentation is
// written for this project; each entry links to its section of the official reference.
import { ADD_FLAGS, COPY_FLAGS, FROM_FLAGS, HEALTHCHECK_FLAGS, RUN_FLAGS } from './flags';
import { referenceUrl } from './values';
import type { FlagReference, InstructionReference, ParameterReference, SignatureReference } from './types';

type Part = string | readonly [label: string, documentation: string];

/** A signature from its parts: plain strings are fixed text, pairs are parameters. */
function signature(documentation: string, ...parts: Part[]): SignatureReference {
  const parameters: ParameterReference[] = [];
  let label = '';
  for (const part of parts) {
    const text = typeof part === 'string' ? part : part[0];
    if (typeof part !== 'string') parameters.push({ label: part[0], documentation: part[1] });
    // `<image>[:<tag>]`, `<port>[/<protocol>]`, `<name>[=<default>]` are written without a space.
    label += label === '' || /^\[[:/=]/.test(text) ? text : ` ${text}`;
  }
  return { label, documentation, parameters };
}

/** `[--name=<syntax>]` parameters for the flags of an instruction. */
function flagParts(flags: readonly FlagReference[]): Part[] {
  return flags
    .filter((flag) => !flag.labs)
    .map((flag): Part => [flag.valueOptional ? `[--${flag.name}]` : `[--${flag.name}=${placeholder(flag)}]`, `${flag.summary}${flag.default?.value ? ` Default: \`${flag.default.value}\`.` : ''}`]);
}

function placeholder(flag: FlagReference): string {
  switch (flag.value.kind) {
    case 'duration':
      return '<duration>';
    case 'integer':
      return '<n>';
    case 'platform':
      return '<platform>';
    case 'user-group':
      return '<user>:<group>';
    case 'permissions':
      return '<perms>';
    case 'source':
      return '<stage|image>';
    case 'options':
      return flag.name === 'mount' ? 'type=<type>,…' : '<options>';
    case 'enum':
      return `<${flag.value.syntax}>`;
    case 'glob':
      return '<pattern>';
    case 'checksum':
      return '<hash>';
    default:
      return `<${flag.name}>`;
  }
}

const EXEC_PARAMS = '`["executable", "param1", "param2"]`';

export const INSTRUCTIONS: readonly InstructionReference[] = [
  {
    name: 'FROM',
    summary: 'Start a build stage from a base image, an earlier stage, or scratch.',
    documentation:
      'Every stage begins with FROM. The base is an image reference (`name[:tag][@digest]`), the name of an earlier stage, or `scratch` (an empty filesystem). `AS name` names the stage so later `FROM name`, `COPY --from=name` and `RUN --mount=from=name` can use it, and `docker build --target name` can stop there. Only ARG instructions may come before the first FROM; those global ARGs can be used in FROM lines.',
    forms: [
      { name: 'image', syntax: 'FROM [--platform=<platform>] <image>[:<tag>|@<digest>] [AS <name>]', description: 'A base image, optionally a named stage.', snippet: '${1:image}:${2:tag}' },
      { name: 'named stage', syntax: 'FROM <image> AS <name>', description: 'A named stage, for multi-stage builds.', snippet: '${1:image}:${2:tag} AS ${3:name}' },
    ],
    flags: FROM_FLAGS,
    example: 'FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build\nFROM gcr.io/distroless/static:nonroot',
    url: referenceUrl('from'),
    expandsVariables: true,
    onbuildTrigger: false,
    signatures: [
      signature(
        'Start a build stage.',
        'FROM',
        ...flagParts(FROM_FLAGS),
        ['<image>', 'The base: an image reference (`alpine`, `ghcr.io/org/app`), an earlier stage name, or `scratch`. Global ARGs are expanded.'],
        ['[:<tag>|@<digest>]', 'A tag (`3.20`) and/or a digest (`@sha256:…`) that pins the exact image. Without either, `latest` is used.'],
        ['[AS <name>]', 'Names the stage for `COPY --from`, `RUN --mount=from=`, later FROMs and `--target`. Lowercase letters, digits, `-`, `_`, `.`.'],
      ),
    ],
  },
  {
    name: 'RUN',
    summary: 'Run a command in a new layer.',
    documentation:
      'Runs a command on top of the current image and commits the result as a new layer. The shell form runs through the shell (`/bin/sh -c` on Linux, changed with SHELL), so pipes, `&&` and `$VAR` work; the exec form runs the program directly. Files created in one RUN and deleted in a later one still weigh on the image: clean up in the same RUN. `--mount` gives the command caches, secrets and files that never reach the layer.',
    forms: [
      { name: 'shell', syntax: 'RUN [OPTIONS] <command>', description: 'Through the shell.', snippet: '${1:command}' },
      { name: 'exec', syntax: 'RUN [OPTIONS] ["executable", "param1", "param2"]', description: 'Without a shell.', snippet: '["${1:executable}", "${2:param}"]' },
      { name: 'here-document', syntax: 'RUN [OPTIONS] <<EOF\n<commands>\nEOF', description: 'A multi-line script.', snippet: '<<EOF\n${1:set -e}\nEOF' },
    ],
    flags: RUN_FLAGS,
    example: 'RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    apt-get update && apt-get install -y --no-install-recommends curl',
    url: referenceUrl('run'),
    expandsVariables: false,
    onbuildTrigger: true,
    signatures: [
      signature('Shell form: runs through the shell.', 'RUN', ...flagParts(RUN_FLAGS), ['<command>', 'A shell command line; the shell expands variables.']),
      signature('Exec form: runs the program without a shell (no variable expansion).', 'RUN', ...flagParts(RUN_FLAGS), ['["<executable>", "<param>"…]', `A JSON array: ${EXEC_PARAMS}. Use double quotes.`]),
    ],
  },
  {
    name: 'CMD',
    summary: 'Default command (or default arguments of ENTRYPOINT) when the container starts.',
    documentation:
      'What the container runs when `docker run` gives no command. With an ENTRYPOINT in exec form, CMD supplies its default arguments instead. Only the last CMD of the stage counts. Prefer the exec form: the shell form wraps the command in `/bin/sh -c`, so it does not receive stop signals (it is not PID 1).',
    forms: [
      { name: 'exec', syntax: 'CMD ["executable", "param1", "param2"]', description: 'Recommended: the program is PID 1 and receives signals.', snippet: '["${1:executable}", "${2:param}"]' },
      { name: 'parameters', syntax: 'CMD ["param1", "param2"]', description: 'Default arguments for ENTRYPOINT.', snippet: '["${1:param}"]' },
      { name: 'shell', syntax: 'CMD command param1 param2', description: 'Through /bin/sh -c.', snippet: '${1:command}' },
    ],
    flags: [],
    example: 'ENTRYPOINT ["top", "-b"]\nCMD ["-c"]',
    url: referenceUrl('cmd'),
    expandsVariables: false,
    onbuildTrigger: true,
    signatures: [
      signature('Exec form (recommended).', 'CMD', ['["<executable>", "<param>"…]', `A JSON array: ${EXEC_PARAMS}. A \`docker run\` command replaces it.`]),
      signature('Default parameters for the ENTRYPOINT.', 'CMD', ['["<param>"…]', 'Appended to an exec-form ENTRYPOINT; replaced by `docker run` arguments.']),
      signature('Shell form.', 'CMD', ['<command>', 'Run with `/bin/sh -c`; does not receive stop signals.']),
    ],
  },
  {
    name: 'LABEL',
    summary: 'Add metadata to the image.',
    documentation:
      'Adds key-value metadata to the image config, visible with `docker inspect` and usable in filters. Values with spaces need quotes. Labels from the base image are inherited; a later label with the same key replaces it. The OCI annotation keys (`org.opencontainers.image.source`, `.version`, `.licenses` …) are understood by registries and tools.',
    forms: [{ name: 'key=value', syntax: 'LABEL <key>=<value> [<key>=<value>…]', description: 'One or more labels.', snippet: '${1:org.opencontainers.image.source}="${2:https://github.com/org/repo}"' }],
    flags: [],
    example: 'LABEL org.opencontainers.image.source="https://github.com/org/app" \\\n      org.opencontainers.image.licenses="MIT"',
    url: referenceUrl('label'),
    expandsVariables: true,
    onbuildTrigger: true,
    signatures: [signature('Image metadata.', 'LABEL', ['<key>=<value>', 'A label key (reverse-DNS by convention) and its value; quote values with spaces.'], ['…', 'More labels on the same line.'])],
  },
  {
    name: 'MAINTAINER',
    summary: 'Deprecated: the author of the image. Use a label.',
    documentation: 'Sets the Author field of the image. Deprecated: use `LABEL org.opencontainers.image.authors="name <email>"` instead, which tools understand.',
    forms: [{ name: 'name', syntax: 'MAINTAINER <name>', description: 'The author.', snippet: '${1:name}' }],
    flags: [],
    example: 'LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"',
    url: referenceUrl('maintainer-deprecated'),
    expandsVariables: false,
    onbuildTrigger: false,
    deprecated: 'Use `LABEL org.opencontainers.image.authors="…"`.',
    signatures: [signature('Deprecated: use a label.', 'MAINTAINER', ['<name>', 'The author, e.g. `Jane Doe <jane@example.com>`.'])],
  },
  {
    name: 'EXPOSE',
    summary: 'Document the ports the container listens on.',
    documentation:
      'Records which ports the application listens on (TCP unless `/udp` is given). It does not publish anything: `docker run -p 8080:80` or `-P` (all exposed ports to random host ports) does. Write only the container port: an IP address or a `host:container` mapping does not belong here.',
    forms: [{ name: 'ports', syntax: 'EXPOSE <port>[/<protocol>] […]', description: 'One or more ports.', snippet: '${1:80}' }],
    flags: [],
    example: 'EXPOSE 80 443\nEXPOSE 53/udp',
    url: referenceUrl('expose'),
    expandsVariables: true,
    onbuildTrigger: true,
    signatures: [
      signature('Ports the container listens on.', 'EXPOSE', ['<port>', 'A port number (1–65535) or range (`8000-8010`).'], ['[/<protocol>]', '`tcp` (the default) or `udp`, lowercase.'], ['…', 'More ports.']),
    ],
  },
  {
    name: 'ENV',
    summary: 'Set environment variables for the rest of the build and the container.',
    documentation:
      'Sets environment variables that later instructions of the stage see and that persist in the image (and so in every container and in stages built `FROM` this one). All pairs of one ENV see the values from before it. For a value only needed while building, use ARG or set it in the RUN itself, since ENV values stay in the image. Never put secrets here: use `RUN --mount=type=secret`.',
    forms: [{ name: 'key=value', syntax: 'ENV <key>=<value> [<key>=<value>…]', description: 'One or more variables.', snippet: '${1:KEY}=${2:value}' }],
    flags: [],
    example: 'ENV NODE_ENV=production \\\n    PATH="/app/node_modules/.bin:$PATH"',
    url: referenceUrl('env'),
    expandsVariables: true,
    onbuildTrigger: true,
    signatures: [signature('Environment variables.', 'ENV', ['<key>=<value>', 'A variable and its value; quote values with spaces. `$VAR` is expanded.'], ['…', 'More variables.'])],
  },
  {
    name: 'ADD',
    summary: 'Copy files, URLs or Git repositories into the image, extracting local archives.',
    documentation:
      'Like COPY, but the source may also be an HTTP(S) URL or a Git repository, and local tar archives are extracted into the destination. Prefer COPY for plain files and directories: its behaviour is more predictable. Use `--checksum` to verify downloads. With several sources the destination must be a directory (end it with `/`).',
    forms: [
      { name: 'shell', syntax: 'ADD [OPTIONS] <src>… <dest>', description: 'Sources and a destination.', snippet: '${1:src} ${2:dest}' },
      { name: 'exec', syntax: 'ADD [OPTIONS] ["<src>", … "<dest>"]', description: 'For paths with spaces.', snippet: '["${1:src}", "${2:dest}"]' },
    ],
    flags: ADD_FLAGS,
    example: 'ADD --checksum=sha256:… https://example.com/tool.tar.gz /opt/\nADD https://github.com/org/repo.git#v1.2.3 /src',
    url: referenceUrl('add'),
    expandsVariables: true,
    onbuildTrigger: true,
    signatures: [
      signature(
        'Add files, URLs or Git repositories.',
        'ADD',
        ...flagParts(ADD_FLAGS),
        ['<src>…', 'Files or directories of the build context (globs allowed), URLs, Git repositories, or a here-document.'],
        ['<dest>', 'The path in the image; relative paths start at WORKDIR. End it with `/` for a directory.'],
      ),
    ],
  },
  {
    name: 'COPY',
    summary: 'Copy files from the build context, a stage or an image into the image.',
    documentation:
      'Copies files and directories into the image, from the build context or, with `--from`, from an earlier stage, an image or a named context. Sources may use globs; a directory source copies its contents. With several sources the destination must be a directory (end it with `/`). `--link` makes the layer independent of the layers below, so it survives rebuilds and rebases; `--chown`/`--chmod` set ownership and permissions without an extra layer.',
    forms: [
      { name: 'shell', syntax: 'COPY [OPTIONS] <src>… <dest>', description: 'Sources and a destination.', snippet: '${1:src} ${2:dest}' },
      { name: 'exec', syntax: 'COPY [OPTIONS] ["<src>", … "<dest>"]', description: 'For paths with spaces.', snippet: '["${1:src}", "${2:dest}"]' },
      { name: 'from stage', syntax: 'COPY --from=<stage> <src>… <dest>', description: 'From an earlier stage or an image.', snippet: '--from=${1:build} ${2:/out} ${3:/app}' },
    ],
    flags: COPY_FLAGS,
    example: 'COPY --from=build --link /out/app /usr/local/bin/app\nCOPY --chown=app:app package.json package-lock.json ./',
    url: referenceUrl('copy'),
    expandsVariables: true,
    onbuildTrigger: true,
    signatures: [
      signature(
        'Copy files.',
        'COPY',
        ...flagParts(COPY_FLAGS),
        ['<src>…', 'Files or directories (globs allowed): in the build context, or in the `--from` stage or image. A here-document is an inline file.'],
        ['<dest>', 'The path in the image; relative paths start at WORKDIR. End it with `/` for a directory.'],
      ),
    ],
  },
  {
    name: 'ENTRYPOINT',
    summary: 'The program the container always runs.',
    documentation:
      'Makes the container run like an executable: `docker run image args` appends `args` (or the default CMD) to an exec-form ENTRYPOINT. Only the last ENTRYPOINT of the stage counts; `docker run --entrypoint` overrides it. In shell form the command runs under `/bin/sh -c`, ignores CMD and run arguments, and does not receive stop signals: prefer the exec form.',
    forms: [
      { name: 'exec', syntax: 'ENTRYPOINT ["executable", "param1", "param2"]', description: 'Recommended: CMD and run arguments are appended.', snippet: '["${1:executable}", "${2:param}"]' },
      { name: 'shell', syntax: 'ENTRYPOINT command param1 param2', description: 'Through /bin/sh -c; CMD is ignored.', snippet: '${1:command}' },
    ],
    flags: [],
    example: 'ENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["postgres"]',
    url: referenceUrl('entrypoint'),
    expandsVariables: false,
    onbuildTrigger: true,
    signatures: [
      signature('Exec form (recommended).', 'ENTRYPOINT', ['["<executable>", "<param>"…]', `A JSON array: ${EXEC_PARAMS}. CMD or the \`docker run\` arguments are appended.`]),
      signature('Shell form.', 'ENTRYPOINT', ['<command>', 'Run with `/bin/sh -c`; CMD and run arguments are ignored.']),
    ],
  },
  {
    name: 'VOLUME',
    summary: 'Declare mount points for data kept outside the container.',
    documentation:
      'Marks directories that hold data: every container gets an anonymous volume there unless the user mounts one. Changes a later instruction makes inside a declared volume are discarded during the build. Declaring volumes in a base image forces them on every image built on it.',
    forms: [
      { name: 'exec', syntax: 'VOLUME ["/data"]', description: 'JSON array.', snippet: '["${1:/data}"]' },
      { name: 'shell', syntax: 'VOLUME /data [/more …]', description: 'Space-separated paths.', snippet: '${1:/data}' },
    ],
    flags: [],
    example: 'VOLUME /var/lib/postgresql/data',
    url: referenceUrl('volume'),
    expandsVariables: true,
    onbuildTrigger: true,
    signatures: [signature('Volume mount points.', 'VOLUME', ['<path>', 'An absolute path in the container.'], ['…', 'More paths.'])],
  },
  {
    name: 'USER',
    summary: 'The user (and group) later instructions and the container run as.',
    documentation:
      'Sets the user for the following RUN, CMD and ENTRYPOINT instructions and for the container. Names must exist in the image (create them with `useradd`/`adduser` first); numeric ids always work. Without a group, the user\'s primary group is used. Running as a non-root user limits what a compromised process can do.',
    forms: [{ name: 'user', syntax: 'USER <user>[:<group>]', description: 'A name or numeric id.', snippet: '${1:app}' }],
    flags: [],
    example: 'RUN useradd --create-home --uid 10001 app\nUSER app',
    url: referenceUrl('user'),
    expandsVariables: true,
    onbuildTrigger: true,
    signatures: [signature('Run as this user.', 'USER', ['<user>', 'A user name or numeric uid.'], ['[:<group>]', 'Optional: a group name or numeric gid.'])],
  },
  {
    name: 'WORKDIR',
    summary: 'Set (and create) the working directory.',
    documentation:
      'Sets the directory later RUN, CMD, ENTRYPOINT, COPY and ADD instructions work in, creating it if needed. A relative path is resolved against the previous WORKDIR, so start each stage with an absolute one. Use WORKDIR rather than `RUN cd …`, which only lasts for that one RUN.',
    forms: [{ name: 'path', syntax: 'WORKDIR <path>', description: 'An absolute path (recommended).', snippet: '${1:/app}' }],
    flags: [],
    example: 'WORKDIR /app',
    url: referenceUrl('workdir'),
    expandsVariables: true,
    onbuildTrigger: true,
    signatures: [signature('Working directory.', 'WORKDIR', ['<path>', 'Absolute, or relative to the previous WORKDIR. Variables are expanded.'])],
  },
  {
    name: 'ARG',
    summary: 'Declare a build argument, set with `docker build --build-arg`.',
    documentation:
      'Declares a variable that can be set at build time with `--build-arg NAME=value`, with an optional default. ARGs before the first FROM are global and usable in FROM lines; a stage must redeclare one (`ARG NAME`, no value) to use it. Inside a stage an ARG is visible from its declaration to the end of the stage, and to RUN as an environment variable, but it is not kept in the image environment. Its value does show in the image history, so never pass secrets this way.',
    forms: [
      { name: 'with default', syntax: 'ARG <name>=<default>', description: 'With a default value.', snippet: '${1:NAME}=${2:default}' },
      { name: 'without default', syntax: 'ARG <name>', description: 'Declare (or redeclare a global ARG in a stage).', snippet: '${1:NAME}' },
    ],
    flags: [],
    example: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}-alpine\nARG NODE_VERSION',
    url: referenceUrl('arg'),
    expandsVariables: true,
    onbuildTrigger: true,
    signatures: [signature('Build argument.', 'ARG', ['<name>', 'The argument name.'], ['[=<default>]', 'Used when `--build-arg` does not set it.'], ['…', 'More arguments.'])],
  },
  {
    name: 'ONBUILD',
    summary: 'An instruction to run when another image is built FROM this one.',
    documentation:
      'Registers a trigger in the image: when a later Dockerfile uses this image in FROM, the trigger runs right after that FROM, as if written there. Used for base images that build the user\'s sources (`ONBUILD COPY . /app`). Triggers are not inherited further. `ONBUILD ONBUILD`, `ONBUILD FROM` and `ONBUILD MAINTAINER` are not allowed.',
    forms: [{ name: 'trigger', syntax: 'ONBUILD <INSTRUCTION>', description: 'Any instruction except ONBUILD, FROM and MAINTAINER.' }],
    flags: [],
    example: 'ONBUILD COPY . /app/src\nONBUILD RUN make -C /app/src',
    url: referenceUrl('onbuild'),
    expandsVariables: true,
    onbuildTrigger: false,
    signatures: [signature('Deferred instruction.', 'ONBUILD', ['<INSTRUCTION>', 'Any instruction except ONBUILD, FROM and MAINTAINER, with its arguments.'])],
  },
  {
    name: 'STOPSIGNAL',
    summary: 'The signal that stops the container.',
    documentation:
      '`docker stop` sends this signal, then SIGKILL after the timeout. Set it to what the application handles for a graceful shutdown (nginx: SIGQUIT). A name (`SIGTERM`) or a number (`15`). The default is SIGTERM.',
    forms: [{ name: 'signal', syntax: 'STOPSIGNAL <signal>', description: 'A name or number.', snippet: '${1|SIGTERM,SIGINT,SIGQUIT,SIGKILL|}' }],
    flags: [],
    example: 'STOPSIGNAL SIGQUIT',
    url: referenceUrl('stopsignal'),
    expandsVariables: true,
    onbuildTrigger: true,
    signatures: [signature('Stop signal.', 'STOPSIGNAL', ['<signal>', 'A signal name like `SIGTERM` (the default) or its number.'])],
  },
  {
    name: 'HEALTHCHECK',
    summary: 'How the engine checks that the container still works.',
    documentation:
      'Runs a probe command inside the container at intervals; the container is `starting`, then `healthy` or `unhealthy` (after `--retries` failures in a row), which `docker ps` shows and orchestrators act on. Exit status 0 means healthy, 1 unhealthy. `HEALTHCHECK NONE` disables a check inherited from the base image. Only the last HEALTHCHECK of the stage counts. Defaults: interval 30s, timeout 30s, start period 0s, start interval 5s, retries 3.',
    forms: [
      { name: 'CMD', syntax: 'HEALTHCHECK [OPTIONS] CMD <command>', description: 'A probe command (shell or exec form).', snippet: 'CMD ${1:curl -f http://localhost/ || exit 1}' },
      { name: 'CMD with options', syntax: 'HEALTHCHECK --interval=30s --timeout=30s --start-period=0s --retries=3 CMD <command>', description: 'With every option at its default.', snippet: '--interval=${1:30s} --timeout=${2:30s} --start-period=${3:0s} --retries=${4:3} CMD ${5:curl -f http://localhost/ || exit 1}' },
      { name: 'NONE', syntax: 'HEALTHCHECK NONE', description: 'Disable the health check of the base image.', snippet: 'NONE' },
    ],
    flags: HEALTHCHECK_FLAGS,
    example: 'HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \\\n  CMD curl -fsS http://localhost:8080/health || exit 1',
    url: referenceUrl('healthcheck'),
    expandsVariables: false,
    onbuildTrigger: true,
    signatures: [
      signature('Check the container periodically.', 'HEALTHCHECK', ...flagParts(HEALTHCHECK_FLAGS), ['CMD <command>', 'The probe: exit 0 = healthy, 1 = unhealthy. Shell or exec (JSON) form.']),
      signature('Disable any inherited health check.', 'HEALTHCHECK', ['NONE', 'Turns off the health check of the base image. Takes no arguments.']),
    ],
  },
  {
    name: 'SHELL',
    summary: 'The shell used by the shell form of RUN, CMD and ENTRYPOINT.',
    documentation:
      'Replaces the default shell (`["/bin/sh", "-c"]` on Linux, `["cmd", "/S", "/C"]` on Windows) for the following shell-form instructions. Must be written in JSON form. A common use is `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`, so a failing command in a pipe fails the RUN.',
    forms: [{ name: 'exec', syntax: 'SHELL ["executable", "parameters"]', description: 'JSON array (required).', snippet: '["${1:/bin/bash}", "-o", "pipefail", "-c"]' }],
    flags: [],
    example: 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
    url: referenceUrl('shell'),
    expandsVariables: false,
    onbuildTrigger: true,
    signatures: [signature('Default shell.', 'SHELL', ['["<executable>", "<parameters>"…]', 'A JSON array: the shell and its arguments; the command is appended.'])],
  },
];
