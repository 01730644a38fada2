// The final stage has no HEALTHCHECK.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('healthcheck-missing', {
  catches: [
    "FROM alpine:3.20\nCMD [\"app\"]\n",
  ],
  clean: [
    "FROM alpine:3.20\nHEALTHCHECK CMD true\n",
    "FROM alpine:3.20 AS base\nHEALTHCHECK CMD true\nFROM base\n",
  ],
});
