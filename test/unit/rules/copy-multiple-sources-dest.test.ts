// COPY/ADD with several sources needs a directory destination ending in `/`.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('copy-multiple-sources-dest', {
  catches: [
    "FROM debian:12\nCOPY a b «/app»\n",
    "FROM debian:12\nADD a b «dir»\n",
  ],
  clean: [
    "FROM debian:12\nCOPY a b /app/\n",
    "FROM debian:12\nCOPY go.mod go.sum .\n",
    "FROM debian:12\nCOPY a b ..\n",
    "FROM debian:12\nCOPY a /app\n",
  ],
  fixes: [
    { before: "FROM debian:12\nCOPY a b /app\n", after: "FROM debian:12\nCOPY a b /app/\n" },
    { before: "FROM debian:12\nCOPY [\"a\", \"b\", \"/app\"]\n", after: "FROM debian:12\nCOPY [\"a\", \"b\", \"/app/\"]\n" },
  ],
});
