// Invalid HEALTHCHECK --retries.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('healthcheck-invalid-retries', {
  catches: [
    "FROM debian:12\nHEALTHCHECK --retries=«-1» CMD true\n",
    "FROM debian:12\nHEALTHCHECK --retries=«three» CMD true\n",
  ],
  clean: [
    "FROM debian:12\nHEALTHCHECK --retries=0 CMD true\n",
    "FROM debian:12\nHEALTHCHECK --retries=5 CMD true\n",
  ],
});
