// Which FROM lines get "Pull <image>": the base images the engine lacks, as the builder would
// name them, for the platform FROM names; never scratch, a stage, or a name or platform with an
// unknown variable.
import { strict as assert } from 'node:assert';
import { analyzeText, missingBaseImages } from '../../../server/src/dockerfile';
import type { KnownImage } from '../../../server/src/dockerfile/completion';
import { EOLS, withEol } from '../navigation/markers';

const engine: KnownImage[] = [
  { id: 'sha256:1', repoTags: ['alpine:3.20', 'docker.io/library/debian:12'], repoDigests: [], created: 1, sizeBytes: 1 },
  { id: 'sha256:2', repoTags: [], repoDigests: [`node@sha256:${'c'.repeat(64)}`], created: 1, sizeBytes: 1 },
];

function missing(text: string, images: KnownImage[] = engine, line?: number): Array<[string, number, string]> {
  const document = analyzeText(text);
  const lines = document.ast.lines;
  const from = line === undefined ? 0 : lines.lineStart(line);
  const to = line === undefined ? text.length : lines.lineStart(line) + 1;
  return missingBaseImages(document, from, to, images).map((entry) => [entry.reference, entry.stageIndex, text.slice(entry.start, entry.end)]);
}

describe('base images the engine does not have', () => {
  for (const [eolName, eol] of EOLS) {
    it(`names each missing base once per FROM, as substituted (${eolName})`, () => {
      const text = withEol('ARG TAG=22.04\nFROM ubuntu:${TAG} AS build\nFROM alpine:3.20\nFROM build\nFROM scratch\nFROM ghcr.io/org/tool:2\nFROM debian:12\n', eol);
      assert.deepEqual(missing(text), [
        ['ubuntu:22.04', 0, 'ubuntu:${TAG}'],
        ['ghcr.io/org/tool:2', 4, 'ghcr.io/org/tool:2'],
      ]);
    });
  }

  it('a tag the engine has under its full name, or a digest it has pulled, is not missing', () => {
    assert.deepEqual(missing(`FROM library/alpine:3.20\nFROM docker.io/debian:12\nFROM node@sha256:${'c'.repeat(64)}\n`), []);
    assert.deepEqual(missing(`FROM node@sha256:${'d'.repeat(64)}\n`), [[`node@sha256:${'d'.repeat(64)}`, 0, `node@sha256:${'d'.repeat(64)}`]]);
  });

  it('no tag means latest, as the pull fetches it', () => {
    assert.deepEqual(missing('FROM alpine\n'), [['alpine', 0, 'alpine']]);
    assert.deepEqual(missing('FROM alpine\n', [{ id: 'sha256:3', repoTags: ['alpine:latest'], repoDigests: [], created: 1, sizeBytes: 1 }]), []);
  });

  it('skips names that depend on unknown values, platforms that do, and invalid names', () => {
    assert.deepEqual(missing('ARG BASE\nARG PLATFORM\nFROM ${BASE}\nFROM --platform=$PLATFORM ubuntu:24.04\nFROM Bad:Name\n'), []);
  });

  it('a platform FROM spells out is pulled for it; $BUILDPLATFORM and $TARGETPLATFORM are the engine\'s own', () => {
    const document = analyzeText('ARG ARCH=arm64\nFROM --platform=linux/arm64 ubuntu:24.04\nFROM --platform=linux/$ARCH debian:13\nFROM --platform=$BUILDPLATFORM golang:1.22\nFROM --platform=${TARGETPLATFORM} alpine:3.21\n');
    assert.deepEqual(
      missingBaseImages(document, 0, document.ast.text.length, engine).map((entry) => [entry.reference, entry.platform]),
      [
        ['ubuntu:24.04', 'linux/arm64'],
        ['debian:13', 'linux/arm64'],
        ['golang:1.22', undefined],
        ['alpine:3.21', undefined],
      ],
    );
  });

  it('keeps to the FROM lines in the range', () => {
    const text = 'FROM one:1\nRUN true\nFROM two:2\n';
    assert.deepEqual(missing(text, engine, 0), [['one:1', 0, 'one:1']]);
    assert.deepEqual(missing(text, engine, 1), []);
    assert.deepEqual(missing(text, engine, 2), [['two:2', 1, 'two:2']]);
  });
});
