// Several ENTRYPOINT instructions in one stage: only the last one counts.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('multiple-entrypoint', {
  catches: [
    "FROM alpine:3.20\n«ENTRYPOINT [\"a\"]»\nENTRYPOINT [\"b\"]\n",
  ],
  clean: [
    "FROM alpine:3.20\nENTRYPOINT [\"a\"]\nCMD [\"b\"]\n",
  ],
  fixes: [
    { before: "FROM alpine:3.20\nENTRYPOINT [\"a\"]\nENTRYPOINT [\"b\"]\n", after: "FROM alpine:3.20\nENTRYPOINT [\"b\"]\n" },
  ],
});
