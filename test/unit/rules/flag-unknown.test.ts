// Unknown flag for this instruction.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('flag-unknown', {
  catches: [
    "FROM debian:12\nCOPY --«form»=build /x /y\n",
    "FROM debian:12\nRUN --«mnt»=type=cache,target=/x true\n",
  ],
  clean: [
    "FROM debian:12\nADD --unpack=true app.tar /opt/\n",
    "FROM debian:12\nCOPY --chmod=755 --link --parents a /b/\n",
    "FROM debian:12\nRUN --mount=type=cache,target=/x --network=none --security=sandbox true\n",
    "FROM --platform=$BUILDPLATFORM debian:12\n",
    "FROM debian:12\nHEALTHCHECK --interval=5s --timeout=3s --start-period=0s --start-interval=1s --retries=0 CMD true\n",
  ],
  fixes: [
    { before: "FROM debian:12\nCOPY --form=build /x /y\n", after: "FROM debian:12\nCOPY --from=build /x /y\n" },
  ],
});
