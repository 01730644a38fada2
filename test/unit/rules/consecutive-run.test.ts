// Consecutive RUN instructions could be one layer: one finding per run of consecutive RUNs.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('consecutive-run', {
  catches: [
    "FROM alpine:3.20\nRUN a\n«RUN» b\n",
    { text: "FROM alpine:3.20\nRUN a\n«RUN» b\nRUN c\nRUN d\n", count: 1, message: /\(4 in a row, lines 2–5\)/ },
    { text: "FROM alpine:3.20\nRUN a\nRUN b\nENV X=1\nRUN c\nRUN d\n", count: 2 },
    { text: "FROM alpine:3.20\nRUN a\n# a comment between them\nRUN b\n", count: 1 },
    { text: "FROM alpine:3.20\nRUN --mount=type=cache,target=/c a\n«RUN» --mount=type=cache,target=/c b\n", count: 1 },
  ],
  clean: [
    "FROM alpine:3.20\nRUN a && b\n",
    "FROM alpine:3.20\nRUN a\nRUN --mount=type=cache,target=/root/.cache b\n",
    "FROM alpine:3.20\nRUN a\nENV X=1\nRUN b\n",
    'FROM alpine:3.20\nRUN a\nRUN ["b"]\n',
    "FROM alpine:3.20 AS one\nRUN a\nFROM alpine:3.20\nRUN b\n",
  ],
  fixes: [
    { before: "FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN curl --version\n", after: "FROM alpine:3.20\nRUN apk add --no-cache curl && \\\n    curl --version\n", title: /^Merge with the previous RUN$/ },
    { before: "FROM alpine:3.20\nRUN a\nRUN b\nRUN c\n", after: "FROM alpine:3.20\nRUN a && \\\n    b && \\\n    c\n", title: /^Merge these 3 RUNs into one$/ },
    // `cd` would carry over into the next command: only the RUNs before it merge.
    { before: "FROM alpine:3.20\nRUN a\nRUN b\nRUN cd /x\nRUN d\n", after: "FROM alpine:3.20\nRUN a && \\\n    b && \\\n    cd /x\nRUN d\n", title: /^Merge these 3 RUNs into one$/ },
  ],
});
