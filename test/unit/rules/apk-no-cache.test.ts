// Use apk add --no-cache.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('apk-no-cache', {
  catches: [
    "FROM alpine:3.20\nRUN «apk add curl=8.9.1-r0»\n",
  ],
  clean: [
    "FROM alpine:3.20\nRUN apk add --no-cache curl\n",
    "FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/*\n",
    "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n",
  ],
  fixes: [
    { before: "FROM alpine:3.20\nRUN apk update && apk add curl\n", after: "FROM alpine:3.20\nRUN apk update && apk add --no-cache curl\n" },
  ],
});
