// Label not in the label schema.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('label-not-in-schema', {
  catches: [
    "FROM alpine:3.20\nLABEL version=1.0.0 «other»=x\n",
  ],
  clean: [
    "FROM alpine:3.20\nLABEL version=1.0.0\n",
  ],
  options: {"labelSchema": {"version": "semver"}, "strictLabels": true},
});
