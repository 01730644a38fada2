// A reference to a stage BuildKit cannot use: an index past the last stage, or a cycle.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('stage-reference-invalid', {
  catches: [
    "FROM debian:12\nCOPY --from=«5» /x /y\n",
    { text: "FROM debian:12 AS a\nCOPY --from=«b» /x /y\nFROM debian:12 AS b\nCOPY --from=a /x /z\n", message: /makes a cycle/ },
  ],
  clean: [
    "FROM debian:12 AS first\nFROM debian:12\nCOPY --from=first /x /y\nCOPY --from=0 /x /z\n",
    // A stage defined later is found (BuildKit builds it).
    "FROM debian:12 AS first\nCOPY --from=later /x /y\nFROM debian:12 AS later\n",
    "FROM debian:12 AS first\nCOPY --from=1 /x /y\nFROM debian:12\n",
  ],
});
