// A flag is given twice.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('flag-duplicate', {
  catches: [
    "FROM debian:12\nCOPY --chown=1:1 «--chown=2:2» a /b\n",
  ],
  clean: [
    "FROM debian:12\nRUN --mount=type=cache,target=/a --mount=type=cache,target=/b true\n",
    "FROM debian:12\nCOPY --exclude=*.md --exclude=*.txt . /app/\n",
  ],
});
