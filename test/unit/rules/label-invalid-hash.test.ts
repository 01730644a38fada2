// Label value is not a git hash.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('label-invalid-hash', {
  catches: [
    "FROM alpine:3.20\nLABEL revision=«xyz»\n",
  ],
  clean: [
    "FROM alpine:3.20\nLABEL revision=0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6\n",
  ],
  options: {"labelSchema": {"revision": "hash"}},
});
