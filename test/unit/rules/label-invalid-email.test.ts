// Label value is not a valid email address.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('label-invalid-email', {
  catches: [
    "FROM alpine:3.20\nLABEL maintainer=«jane»\n",
  ],
  clean: [
    "FROM alpine:3.20\nLABEL maintainer=jane@example.com\n",
  ],
  options: {"labelSchema": {"maintainer": "email"}},
});
