// COPY --from names no stage defined before it.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('copy-from-unknown-stage', {
  catches: [
    "FROM debian:12 AS build\nFROM debian:12\nCOPY --from=«bulid» /x /y\n",
  ],
  clean: [
    "FROM debian:12 AS build\nFROM debian:12\nCOPY --from=build /x /y\n",
    "FROM debian:12\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n",
    "FROM debian:12\nCOPY --from=ghcr.io/org/tool /bin/tool /bin/\n",
  ],
  fixes: [
    { before: "FROM debian:12 AS build\nFROM debian:12\nCOPY --from=bulid /x /y\n", after: "FROM debian:12 AS build\nFROM debian:12\nCOPY --from=build /x /y\n" },
  ],
});
