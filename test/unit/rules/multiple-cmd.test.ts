// Several CMD instructions in one stage: only the last one counts.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('multiple-cmd', {
  catches: [
    "FROM alpine:3.20\n«CMD [\"a\"]»\nCMD [\"b\"]\n",
  ],
  clean: [
    "FROM alpine:3.20\nCMD [\"a\"]\nFROM alpine:3.20\nCMD [\"b\"]\n",
  ],
  fixes: [
    { before: "FROM alpine:3.20\nCMD [\"a\"]\nCMD [\"b\"]\n", after: "FROM alpine:3.20\nCMD [\"b\"]\n" },
  ],
});
