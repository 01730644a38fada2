// COPY --from names no stage of the file.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('copy-from-unknown-stage', {
  catches: [
    "FROM debian:12 AS build\nFROM debian:12\nCOPY --from=«bulid» /x /y\n",
    { text: "FROM debian:12\nCOPY --from=«latr» /x /y\nFROM debian:12 AS later\n", message: /is not a stage of this file.*later/ },
  ],
  clean: [
    "FROM debian:12 AS build\nFROM debian:12\nCOPY --from=build /x /y\n",
    "FROM debian:12\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n",
    "FROM debian:12\nCOPY --from=ghcr.io/org/tool /bin/tool /bin/\n",
    // BuildKit finds a stage defined later.
    "FROM debian:12\nCOPY --from=later /x /y\nFROM debian:12 AS later\n",
  ],
  fixes: [
    { before: "FROM debian:12 AS build\nFROM debian:12\nCOPY --from=bulid /x /y\n", after: "FROM debian:12 AS build\nFROM debian:12\nCOPY --from=build /x /y\n" },
  ],
});
