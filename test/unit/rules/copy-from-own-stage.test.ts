// COPY --from cannot reference its own stage.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('copy-from-own-stage', {
  catches: [
    "FROM debian:12 AS build\nCOPY --from=«build» /x /y\n",
    "FROM debian:12\nCOPY --from=«0» /x /y\n",
    "FROM debian:12 AS build\nRUN --mount=from=«build»,target=/x true\n",
  ],
  clean: [
    "FROM debian:12 AS build\nFROM debian:12\nCOPY --from=build /x /y\n",
  ],
});
