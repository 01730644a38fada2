import { strict as assert } from 'node:assert';
import { analyzeText, parseImageReference } from '../../../server/src/dockerfile';
import { documentLinks, registryPage } from '../../../server/src/dockerfile/links';
import { EOLS, sliceOf, withEol } from '../navigation/markers';
import { LineIndex } from '../../../server/src/dockerfile';

describe('document links', () => {
  const pages: ReadonlyArray<[string, string | undefined]> = [
    ['ubuntu', 'https://hub.docker.com/_/ubuntu'],
    ['ubuntu:24.04', 'https://hub.docker.com/_/ubuntu/tags?name=24.04'],
    ['library/node:20-alpine', 'https://hub.docker.com/_/node/tags?name=20-alpine'],
    ['docker.io/bitnami/redis:7', 'https://hub.docker.com/r/bitnami/redis/tags?name=7'],
    ['bitnami/redis@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'https://hub.docker.com/r/bitnami/redis'],
    ['ghcr.io/owner/app:1.2', 'https://github.com/owner/app/pkgs/container/app'],
    ['quay.io/prometheus/node-exporter:v1.8.0', 'https://quay.io/repository/prometheus/node-exporter?tab=tags&tag=v1.8.0'],
    ['quay.io/coreos/etcd@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'https://quay.io/repository/coreos/etcd/manifest/sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'],
    ['mcr.microsoft.com/dotnet/sdk:8.0', 'https://mcr.microsoft.com/artifact/mar/dotnet/sdk'],
    ['gcr.io/distroless/static-debian12', 'https://console.cloud.google.com/gcr/images/distroless/global/static-debian12'],
    ['us.gcr.io/my-project/app', 'https://console.cloud.google.com/gcr/images/my-project/us/app'],
    ['europe-docker.pkg.dev/proj/repo/img:1', 'https://console.cloud.google.com/artifacts/docker/proj/europe/repo/img'],
    ['public.ecr.aws/docker/library/alpine', 'https://gallery.ecr.aws/docker/library/alpine'],
    ['registry.gitlab.com/group/project/image', 'https://gitlab.com/group/project/container_registry'],
    ['registry.example.com:5000/team/app', undefined],
    ['localhost:5000/app', undefined],
  ];
  for (const [reference, url] of pages) {
    it(`page of ${reference}`, () => assert.equal(registryPage(parseImageReference(reference))?.url, url));
  }

  for (const [eolName, eol] of EOLS) {
    it(`links in a Dockerfile: FROM, --from, mount from=, variables resolved, ADD URL, local sources (${eolName})`, () => {
      const text = withEol(
        'ARG BASE=golang:1.23\nFROM ${BASE} AS build\nFROM scratch\nCOPY --from=build /out /out\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\nRUN --mount=type=bind,from=alpine:3,target=/x true\nADD https://example.com/tool.tgz /opt/\nCOPY requirements.txt src/*.py ./\nCOPY ["app.py", "/app/"]\nCOPY <<EOF /motd\nhi\nEOF\n',
        eol,
      );
      const lines = new LineIndex(text);
      const found = documentLinks(analyzeText(text));
      assert.deepEqual(
        found.links.map((link) => [sliceOf(text, lines, link.range), link.target]),
        [
          ['${BASE}', 'https://hub.docker.com/_/golang/tags?name=1.23'],
          ['nginx:1.27', 'https://hub.docker.com/_/nginx/tags?name=1.27'],
          ['alpine:3', 'https://hub.docker.com/_/alpine/tags?name=3'],
          ['https://example.com/tool.tgz', 'https://example.com/tool.tgz'],
        ],
      );
      assert.match(found.links[0].tooltip ?? '', /Open golang:1\.23 on Docker Hub \(\$\{BASE\} is golang:1\.23 here\)/);
      assert.deepEqual(
        found.localSources.map((source) => [sliceOf(text, lines, source.range), source.path]),
        [
          ['requirements.txt', 'requirements.txt'],
          ['"app.py"', 'app.py'],
        ],
      );
    });
  }

  it('no link for an ADD source shaped like an address that is none', () => {
    assert.deepEqual(documentLinks(analyzeText('FROM scratch\nADD http://: /x\nADD https://[oops /y\n')).links, []);
  });
});
