// Parser directives (`# syntax=`, `# escape=`, `# check=`) and the names of BuildKit's build
// checks that `# check=skip=…` and `# check=experimental=…` take (linter/ruleset.go).
import { BOOLEAN, referenceUrl } from './values';
import type { BuildCheckReference, DirectiveReference } from './types';

const CHECK_RULE_URL = 'https://docs.docker.com/go/dockerfile/rule/';

function check(name: string, description: string, experimental = false): BuildCheckReference {
  const slug = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();
  return { name, description, experimental, url: `${CHECK_RULE_URL}${slug}/` };
}

/** Every build check of BuildKit's Dockerfile frontend 1.26, by the name `# check=` uses. */
export const BUILD_CHECKS: readonly BuildCheckReference[] = [
  check('StageNameCasing', 'Stage names should be lowercase.'),
  check('FromAsCasing', "The 'as' keyword should match the case of 'from'."),
  check('NoEmptyContinuation', 'Empty continuation lines will become errors in a future release.'),
  check('ConsistentInstructionCasing', 'All instructions should use the same casing (upper or lower).'),
  check('DuplicateStageName', 'Stage names should be unique.'),
  check('ReservedStageName', 'Reserved words (`scratch`, `context`) should not be used as stage names.'),
  check('JSONArgsRecommended', 'JSON (exec) form is recommended for ENTRYPOINT and CMD, so the process receives OS signals.'),
  check('MaintainerDeprecated', 'MAINTAINER is deprecated: use a label.'),
  check('UndefinedArgInFrom', 'FROM should only use ARGs declared before it.'),
  check('WorkdirRelativePath', 'A relative WORKDIR without an absolute WORKDIR earlier in the stage can have unexpected results.'),
  check('UndefinedVar', 'Variables should be defined before they are used.'),
  check('MultipleInstructionsDisallowed', 'Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage takes effect.'),
  check('LegacyKeyValueFormat', 'ENV and LABEL should use the `key=value` form.'),
  check('InvalidBaseImagePlatform', 'The base image platform does not match the target platform.'),
  check('RedundantTargetPlatform', '`FROM --platform=$TARGETPLATFORM` is redundant: it is the default.'),
  check('SecretsUsedInArgOrEnv', 'Sensitive data should not be passed through ARG or ENV: use secret mounts.'),
  check('InvalidDefaultArgInFrom', 'The default value of an ARG used in FROM gives an empty or invalid base image name.'),
  check('FromPlatformFlagConstDisallowed', 'FROM --platform should not use a constant value.'),
  check('CopyIgnoredFile', 'COPY or ADD of a file excluded by .dockerignore.'),
  check('InvalidDefinitionDescription', 'Comments describing a stage or ARG should follow the `# <name> <description>` format.', true),
  check('ExposeProtoCasing', 'The protocol in EXPOSE should be lowercase.'),
  check('ExposeInvalidFormat', 'EXPOSE should not define an IP address or a host port mapping.'),
];

export const DIRECTIVES: readonly DirectiveReference[] = [
  {
    name: 'syntax',
    summary: 'The Dockerfile frontend (syntax version) that builds this file.',
    documentation:
      'Tells BuildKit which frontend image parses and builds the Dockerfile. `docker/dockerfile:1` always gets the latest stable 1.x syntax, so new flags work even on an older engine; `docker/dockerfile:1-labs` adds experimental features. The builder pulls the image, so it needs registry access. Must be among the first lines, before any instruction, comment or blank line.',
    value: {
      kind: 'image',
      syntax: '<frontend image reference>',
      values: [
        { value: 'docker/dockerfile:1', description: 'The latest stable 1.x syntax (recommended).' },
        { value: 'docker/dockerfile:1-labs', description: 'Stable syntax plus experimental (labs) features such as RUN --device.' },
        { value: 'docker/dockerfile:1.7', description: 'Pin a minor version for reproducible builds.' },
      ],
    },
    default: { description: 'the frontend built into the builder' },
    example: '# syntax=docker/dockerfile:1',
    url: referenceUrl('syntax'),
  },
  {
    name: 'escape',
    summary: 'The escape and line-continuation character.',
    documentation:
      'Sets the character that escapes characters and continues an instruction on the next line. The default is `\\`; Windows Dockerfiles use `` ` `` so that paths like `C:\\Windows` need no escaping. Only these two characters are allowed.',
    value: {
      kind: 'enum',
      syntax: '\\ or `',
      values: [
        { value: '\\', description: 'Backslash (the default).' },
        { value: '`', description: 'Backtick: for Windows paths.' },
      ],
    },
    default: { value: '\\' },
    example: '# escape=`',
    url: referenceUrl('escape'),
  },
  {
    name: 'check',
    since: '1.8',
    summary: 'Configure the build checks (`docker build --check`).',
    documentation:
      'Options separated by `;`: `skip=` names checks to turn off (or `all`), `error=true` makes any check failure fail the build, `experimental=` turns on experimental checks. Check names are case-sensitive. Since docker/dockerfile 1.21, a `# check=skip=…` comment right above an instruction skips the checks for that instruction only.',
    value: { kind: 'options', syntax: 'skip=<check>[,<check>…]|all;error=<bool>;experimental=<check>[,…]|all' },
    options: [
      {
        name: 'skip',
        value: { kind: 'name', syntax: '<check>[,<check>…] or all', values: [{ value: 'all', description: 'Skip every check.' }] },
        documentation: 'Checks not to run, by name, comma-separated; `all` turns every check off.',
      },
      { name: 'error', value: BOOLEAN, default: { value: 'false' }, documentation: 'Fail the build when a check reports a problem (checks only warn by default).' },
      {
        name: 'experimental',
        value: { kind: 'name', syntax: '<check>[,<check>…] or all', values: [{ value: 'all', description: 'Turn every experimental check on.' }] },
        documentation: 'Experimental checks to turn on, by name; `all` turns them all on.',
      },
    ],
    example: '# check=skip=JSONArgsRecommended;error=true',
    url: referenceUrl('check'),
  },
];
