// Invalid FROM: image reference, platform or argument count.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('from-invalid', {
  catches: [
    "FROM «Debian:12»\n",
    "FROM debian:12 AS\n",
    "FROM --platform=linux debian:12\n",
  ],
  clean: [
    "FROM debian:12\n",
    "FROM debian:12 AS build\n",
    "FROM --platform=$BUILDPLATFORM debian:12\n",
  ],
});
