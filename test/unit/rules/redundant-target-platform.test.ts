// `--platform=$TARGETPLATFORM` in FROM is redundant.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('redundant-target-platform', {
  catches: [
    "FROM «--platform=$TARGETPLATFORM» debian:12\n",
  ],
  clean: [
    "FROM --platform=$BUILDPLATFORM debian:12\n",
  ],
  fixes: [
    { before: "FROM --platform=$TARGETPLATFORM debian:12\n", after: "FROM debian:12\n" },
  ],
});
