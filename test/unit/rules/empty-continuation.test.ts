// Empty continuation line.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('empty-continuation', {
  catches: [
    "FROM alpine:3.20\nRUN a && \\\n\n    b\n",
  ],
  clean: [
    "FROM alpine:3.20\nRUN a && \\\n    b\n",
  ],
  fixes: [
    { before: "FROM alpine:3.20\nRUN a && \\\n\n    b\n", after: "FROM alpine:3.20\nRUN a && \\\n    b\n" },
  ],
});
