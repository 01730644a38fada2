// Consecutive RUN instructions could be one layer.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('consecutive-run', {
  catches: [
    "FROM alpine:3.20\nRUN a\n«RUN» b\n",
  ],
  clean: [
    "FROM alpine:3.20\nRUN a && b\n",
    "FROM alpine:3.20\nRUN a\nRUN --mount=type=cache,target=/root/.cache b\n",
    "FROM alpine:3.20\nRUN a\nENV X=1\nRUN b\n",
  ],
  fixes: [
    { before: "FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN curl --version\n", after: "FROM alpine:3.20\nRUN apk add --no-cache curl && \\\n    curl --version\n" },
  ],
});
