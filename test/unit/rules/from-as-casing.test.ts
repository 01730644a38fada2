// Match the casing of FROM
import { ruleSpec } from './support/ruleSpec';

ruleSpec('from-as-casing', {
  catches: [
    "FROM alpine:3.20 «as» build\n",
    "from alpine:3.20 «AS» build\n",
  ],
  clean: [
    "FROM alpine:3.20 AS build\n",
    "from alpine:3.20 as build\n",
  ],
  fixes: [
    { before: "FROM alpine:3.20 as build\n", after: "FROM alpine:3.20 AS build\n" },
  ],
});
