// The reference table against the facts of the Dockerfile reference and BuildKit's source,
// and against what real Dockerfiles use: every flag, mount type and mount key found in the
// corpus must be in the table.
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../server/src/dockerfile';
import { INSTRUCTION_NAMES } from '../../../server/src/dockerfile/instructionNames';
import {
  BUILD_CHECKS,
  INSTRUCTIONS,
  MOUNT_TYPES,
  ONBUILD_TRIGGERS,
  PREDEFINED_ARGS,
  REFERENCE_URL,
  describeDuration,
  describeOctalMode,
  directiveReference,
  flagReference,
  instructionReference,
  isPermissions,
  mountOption,
  mountType,
  parseBoolean,
  parseDuration,
  signalReference,
} from '../../../server/src/dockerfile/reference';
import { realDockerfiles } from '../corpus/support/corpus';

describe('reference table', () => {
  it('has every instruction BuildKit accepts, each documented with a link and a signature', () => {
    assert.deepEqual(INSTRUCTIONS.map((entry) => entry.name).sort(), [...INSTRUCTION_NAMES].sort());
    for (const entry of INSTRUCTIONS) {
      assert.ok(entry.url.startsWith(REFERENCE_URL), `${entry.name} links to the reference`);
      assert.ok(entry.documentation.length > 80 && entry.example && entry.forms.length > 0, `${entry.name} is documented`);
      assert.ok(entry.signatures.length > 0, `${entry.name} has a signature`);
      for (const signature of entry.signatures) {
        for (const parameter of signature.parameters) assert.ok(signature.label.includes(parameter.label), `${parameter.label} is in ${signature.label}`);
      }
    }
  });

  const flags: [string, string[]][] = [
    ['FROM', ['platform']],
    ['RUN', ['mount', 'network', 'security', 'device']],
    ['COPY', ['from', 'chown', 'chmod', 'link', 'parents', 'exclude']],
    ['ADD', ['chown', 'chmod', 'link', 'keep-git-dir', 'checksum', 'unpack', 'exclude']],
    ['HEALTHCHECK', ['interval', 'timeout', 'start-period', 'start-interval', 'retries']],
    ['CMD', []],
    ['ONBUILD', []],
  ];
  for (const [instruction, names] of flags) {
    it(`${instruction} has exactly the flags ${names.join(', ') || '(none)'}`, () => {
      assert.deepEqual(instructionReference(instruction)?.flags.map((flag) => flag.name).sort(), [...names].sort());
    });
  }

  const defaults: [string, string, string][] = [
    ['HEALTHCHECK', 'interval', '30s'],
    ['HEALTHCHECK', 'timeout', '30s'],
    ['HEALTHCHECK', 'start-period', '0s'],
    ['HEALTHCHECK', 'start-interval', '5s'],
    ['HEALTHCHECK', 'retries', '3'],
    ['RUN', 'network', 'default'],
    ['RUN', 'security', 'sandbox'],
    ['COPY', 'link', 'false'],
    ['COPY', 'parents', 'false'],
    ['ADD', 'keep-git-dir', 'false'],
  ];
  for (const [instruction, flag, value] of defaults) {
    it(`${instruction} --${flag} defaults to ${value}`, () => {
      assert.equal(flagReference(instruction, flag)?.default?.value, value);
    });
  }

  it('lists the values of enum flags', () => {
    assert.deepEqual(flagReference('RUN', 'network')?.value.values?.map((choice) => choice.value), ['default', 'none', 'host']);
    assert.deepEqual(flagReference('RUN', 'security')?.value.values?.map((choice) => choice.value), ['sandbox', 'insecure']);
    assert.ok(flagReference('FROM', 'platform')?.value.values?.some((choice) => choice.value === '$BUILDPLATFORM'));
  });

  const mountKeys: [string, string[]][] = [
    ['bind', ['type', 'target', 'source', 'from', 'readonly', 'readwrite']],
    ['cache', ['type', 'target', 'id', 'readonly', 'readwrite', 'sharing', 'from', 'source', 'mode', 'uid', 'gid']],
    ['tmpfs', ['type', 'target', 'size', 'readonly', 'readwrite']],
    ['secret', ['type', 'id', 'target', 'source', 'env', 'required', 'mode', 'uid', 'gid']],
    ['ssh', ['type', 'id', 'target', 'required', 'mode', 'uid', 'gid']],
  ];
  for (const [type, keys] of mountKeys) {
    it(`RUN --mount=type=${type} takes ${keys.join(', ')}`, () => {
      assert.deepEqual(mountType(type)?.options.map((option) => option.name).sort(), [...keys].sort());
    });
  }

  it('finds mount options by alias and knows per-type defaults', () => {
    assert.equal(mountOption('cache', 'DST')?.name, 'target');
    assert.equal(mountOption('bind', 'ro')?.name, 'readonly');
    assert.equal(mountOption('bind', 'readonly')?.default?.value, 'true');
    assert.equal(mountOption('cache', 'readonly')?.default?.value, 'false');
    assert.equal(mountOption('cache', 'sharing')?.default?.value, 'shared');
    assert.equal(mountOption('cache', 'mode')?.default?.value, '0755');
    assert.equal(mountOption('secret', 'mode')?.default?.value, '0400');
    assert.equal(mountOption('ssh', 'mode')?.default?.value, '0600');
    assert.equal(mountOption('secret', 'target')?.default?.description, '/run/secrets/<id>');
    assert.equal(mountOption('bind', 'sharing'), undefined, 'sharing is for cache mounts only');
    assert.deepEqual(MOUNT_TYPES.map((type) => type.name).sort(), ['bind', 'cache', 'secret', 'ssh', 'tmpfs']);
  });

  it('has the directives with the check options and all 22 BuildKit check names', () => {
    assert.deepEqual(directiveReference('CHECK')?.options?.map((option) => option.name), ['skip', 'error', 'experimental']);
    assert.equal(directiveReference('escape')?.default?.value, '\\');
    assert.ok(!directiveReference('syntax')?.value.values?.some((choice) => choice.value.includes('experimental')), 'no outdated docker/dockerfile:experimental');
    assert.equal(BUILD_CHECKS.length, 22);
    const checks = new Map(BUILD_CHECKS.map((check) => [check.name, check]));
    assert.equal(checks.get('JSONArgsRecommended')?.url, 'https://docs.docker.com/go/dockerfile/rule/json-args-recommended/');
    assert.equal(checks.get('StageNameCasing')?.url, 'https://docs.docker.com/go/dockerfile/rule/stage-name-casing/');
    assert.equal(checks.get('InvalidDefinitionDescription')?.experimental, true);
  });

  it('knows the automatic platform, proxy and BuildKit ARGs', () => {
    const names = PREDEFINED_ARGS.map((arg) => arg.name);
    for (const name of ['TARGETPLATFORM', 'TARGETARCH', 'BUILDPLATFORM', 'HTTP_PROXY', 'no_proxy', 'SOURCE_DATE_EPOCH', 'BUILDKIT_INLINE_CACHE']) assert.ok(names.includes(name), name);
  });

  it('ONBUILD triggers exclude ONBUILD, FROM and MAINTAINER', () => {
    const names = ONBUILD_TRIGGERS.map((entry) => entry.name);
    for (const name of ['ONBUILD', 'FROM', 'MAINTAINER'] as const) assert.ok(!names.includes(name), name);
    assert.equal(names.length, INSTRUCTION_NAMES.length - 3);
  });

  const durations: [string, number | undefined][] = [
    ['30s', 30_000],
    ['1m30s', 90_000],
    ['1.5h', 5_400_000],
    ['500ms', 500],
    // Go accepts both micro signs: U+00B5 (micro sign) and U+03BC (Greek mu).
    ['1500\u00b5s', 1.5],
    ['1500\u03bcs', 1.5],
    ['2us', 0.002],
    ['0', 0],
    ['0s', 0],
    ['10', undefined],
    ['1d', undefined],
    ['', undefined],
    ['s', undefined],
  ];
  for (const [text, ms] of durations) {
    it(`Go duration ${JSON.stringify(text)} → ${ms}`, () => assert.equal(parseDuration(text), ms));
  }

  it('parses values as Go does and describes them', () => {
    assert.equal(parseBoolean('True'), true);
    assert.equal(parseBoolean('0'), false);
    assert.equal(parseBoolean('yes'), undefined);
    assert.equal(describeDuration(90_000), '1 minute 30 seconds');
    assert.equal(describeOctalMode('0755'), 'rwxr-xr-x');
    assert.ok(isPermissions('u+x,g-w') && isPermissions('644') && !isPermissions('999') && !isPermissions('rwx'));
    assert.equal(signalReference('15')?.name, 'SIGTERM');
    assert.equal(signalReference('quit')?.name, 'SIGQUIT');
  });

  const corpus = realDockerfiles();
  it(`every flag, mount type and mount key used in the real corpus is in the table (${corpus.length} files)`, function () {
    if (corpus.length === 0) this.skip();
    const missing = new Set<string>();
    for (const [name, text] of corpus) {
      for (const instruction of analyzeText(text).ast.instructions) {
        const checked = instruction.trigger ?? instruction;
        if (!checked.known) continue;
        for (const flag of checked.flags) {
          if (!flagReference(checked.name, flag.name.value)) missing.add(`${name}: ${checked.name} --${flag.name.value}`);
          if (checked.name !== 'RUN' || flag.name.value !== 'mount' || !flag.value) continue;
          const fields = flag.value.value.split(',');
          const type = fields.find((field) => field.toLowerCase().startsWith('type='))?.slice(5) ?? 'bind';
          if (!mountType(type)) missing.add(`${name}: mount type ${type}`);
          for (const field of fields) {
            const key = field.split('=')[0];
            if (mountType(type) && !mountOption(type, key)) missing.add(`${name}: ${type} mount key ${key}`);
          }
        }
      }
    }
    assert.deepEqual([...missing], []);
  });
});
