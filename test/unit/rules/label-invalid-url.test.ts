// Label value is not a valid URL.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('label-invalid-url', {
  catches: [
    "FROM alpine:3.20\nLABEL homepage=«not-a-url»\n",
  ],
  clean: [
    "FROM alpine:3.20\nLABEL homepage=https://example.com/x\n",
  ],
  options: {"labelSchema": {"homepage": "url"}},
});
