// Label value is not a semantic version.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('label-invalid-semver', {
  catches: [
    "FROM alpine:3.20\nLABEL version=«1.0»\n",
  ],
  clean: [
    "FROM alpine:3.20\nLABEL version=1.0.0-rc.1\n",
  ],
  options: {"labelSchema": {"version": "semver"}},
});
