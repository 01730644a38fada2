// Non-numeric USER may not be resolvable by the host.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('user-non-numeric', {
  catches: [
    "FROM alpine:3.20\nUSER «app»\n",
  ],
  clean: [
    "FROM alpine:3.20\nUSER 10001:10001\n",
  ],
});
