// Only ARG (and comments) may come before the first FROM.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('instruction-before-from', {
  catches: [
    "«RUN» echo hi\nFROM debian:12\n",
  ],
  clean: [
    "ARG V=12\nFROM debian:${V}\n",
    "# comment\nFROM debian:12\n",
  ],
});
