// Pin versions in apk add.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('apk-pin-versions', {
  catches: [
    "FROM alpine:3.20\nRUN apk add --no-cache «curl»\n",
  ],
  clean: [
    "FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0\n",
    "FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0\n",
  ],
});
