// FROM --platform should not use a constant value.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('from-platform-constant', {
  catches: [
    "FROM --platform=«linux/amd64» debian:12\n",
  ],
  clean: [
    "FROM --platform=$BUILDPLATFORM debian:12\n",
    "FROM debian:12\n",
  ],
});
