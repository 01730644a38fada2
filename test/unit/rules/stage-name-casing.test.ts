// Stage names should be lowercase.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('stage-name-casing', {
  catches: [
    "FROM alpine:3.20 AS «Build»\n",
  ],
  clean: [
    "FROM alpine:3.20 AS build\n",
  ],
  fixes: [
    { before: "FROM alpine:3.20 AS Build\nFROM alpine:3.20\nCOPY --from=Build /x /y\n", after: "FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=build /x /y\n" },
  ],
});
