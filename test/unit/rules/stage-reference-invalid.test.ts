// Reference to a stage that does not exist yet.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('stage-reference-invalid', {
  catches: [
    "FROM debian:12\nCOPY --from=«later» /x /y\nFROM debian:12 AS later\n",
    "FROM debian:12\nCOPY --from=«5» /x /y\n",
  ],
  clean: [
    "FROM debian:12 AS first\nFROM debian:12\nCOPY --from=first /x /y\nCOPY --from=0 /x /z\n",
  ],
});
