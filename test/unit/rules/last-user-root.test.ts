// The last USER of the final stage should not be root.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('last-user-root', {
  catches: [
    "FROM alpine:3.20\nUSER app\nUSER «root»\n",
  ],
  clean: [
    "FROM alpine:3.20\nUSER root\nRUN true\nUSER 10001\n",
    "FROM alpine:3.20 AS build\nUSER root\nFROM alpine:3.20\n",
  ],
});
