// Label value is not an SPDX license identifier.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('label-invalid-spdx', {
  catches: [
    "FROM alpine:3.20\nLABEL license=«\"MIT or GPL\"»\n",
  ],
  clean: [
    "FROM alpine:3.20\nLABEL license=Apache-2.0\n",
  ],
  options: {"labelSchema": {"license": "spdx"}},
});
