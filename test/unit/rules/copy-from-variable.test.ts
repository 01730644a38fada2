// COPY --from and RUN --mount from= do not expand variables.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('copy-from-variable', {
  catches: [
    "FROM debian:12 AS build\nFROM debian:12\nARG S=build\nCOPY --from=«$S» /x /y\n",
  ],
  clean: [
    "FROM debian:12 AS build\nFROM debian:12\nCOPY --from=build /x /y\n",
  ],
});
