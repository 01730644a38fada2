// COPY or ADD of a file that .dockerignore excludes from the build context.
import { DockerignoreMatcher } from '../../../client/src/engine/operations/dockerignore';
import { ruleSpec } from './support/ruleSpec';

const matcher = new DockerignoreMatcher(['*.md', '!README.md', 'secrets/', 'build']);

ruleSpec('copy-ignored-file', {
  catches: [
    'FROM alpine:3.20\nCOPY «CHANGELOG.md» /docs/\n',
    'FROM alpine:3.20\nCOPY app «./secrets/token» /app/\n',
    'FROM alpine:3.20\nADD «build» /srv/\n',
  ],
  clean: [
    'FROM alpine:3.20\nCOPY README.md /docs/\n',
    'FROM alpine:3.20\nCOPY . /app/\n',
    'FROM alpine:3.20 AS b\nFROM alpine:3.20\nCOPY --from=b build /srv/\n',
    'FROM alpine:3.20\nCOPY *.md /docs/\n',
  ],
  options: { contextIgnores: (path) => matcher.ignores(path) },
});
