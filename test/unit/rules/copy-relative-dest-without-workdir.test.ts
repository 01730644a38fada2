// COPY to a relative destination without WORKDIR set.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('copy-relative-dest-without-workdir', {
  catches: [
    "FROM alpine:3.20\nCOPY app «app/»\n",
  ],
  clean: [
    "FROM alpine:3.20\nWORKDIR /srv\nCOPY app app/\n",
    "FROM alpine:3.20\nCOPY app /app/\n",
    "FROM scratch\nCOPY app app/\n",
  ],
});
