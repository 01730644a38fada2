// A label of the label schema is missing.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('label-required', {
  catches: [
    "FROM alpine:3.20\nLABEL other=x\n",
  ],
  clean: [
    "FROM alpine:3.20\nLABEL version=1.0.0 other=x\n",
  ],
  options: {"labelSchema": {"version": "semver"}},
});
