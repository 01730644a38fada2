// Several HEALTHCHECK instructions in one stage: only the last one counts.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('multiple-healthcheck', {
  catches: [
    "FROM alpine:3.20\n«HEALTHCHECK CMD a»\nHEALTHCHECK CMD b\n",
  ],
  clean: [
    "FROM alpine:3.20\nHEALTHCHECK CMD a\n",
  ],
  fixes: [
    { before: "FROM alpine:3.20\nHEALTHCHECK CMD a\nHEALTHCHECK NONE\n", after: "FROM alpine:3.20\nHEALTHCHECK NONE\n" },
  ],
});
