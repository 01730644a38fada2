// Label value is empty.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('label-empty', {
  catches: [
    "FROM alpine:3.20\nLABEL «description=\"\"»\n",
  ],
  clean: [
    "FROM alpine:3.20\nLABEL description=\"a service\"\n",
  ],
});
