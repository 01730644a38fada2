// Invalid HEALTHCHECK duration.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('healthcheck-invalid-duration', {
  catches: [
    "FROM debian:12\nHEALTHCHECK --interval=«5» CMD true\n",
    "FROM debian:12\nHEALTHCHECK --timeout=«1d» CMD true\n",
    "FROM debian:12\nHEALTHCHECK --start-period=«100us» CMD true\n",
  ],
  clean: [
    "FROM debian:12\nHEALTHCHECK --interval=0s --timeout=0 --start-period=1m30s --start-interval=500ms CMD true\n",
  ],
});
