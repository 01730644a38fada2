// Instructions should all use the same casing.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('instruction-casing', {
  catches: [
    "FROM alpine:3.20\nRUN a\n«run» b\n",
  ],
  clean: [
    "from alpine:3.20\nrun a\n",
    "FROM alpine:3.20\nRUN a\n",
  ],
  fixes: [
    { before: "FROM alpine:3.20\nRUN a\nrun b\n", after: "FROM alpine:3.20\nRUN a\nRUN b\n" },
  ],
});
