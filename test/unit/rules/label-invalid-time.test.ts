// Label value is not an RFC 3339 time.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('label-invalid-time', {
  catches: [
    "FROM alpine:3.20\nLABEL created=«yesterday»\n",
  ],
  clean: [
    "FROM alpine:3.20\nLABEL created=2024-06-01T12:00:00Z\n",
  ],
  options: {"labelSchema": {"created": "rfc3339"}},
});
