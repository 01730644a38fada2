// The file has no instructions.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('no-instructions', {
  catches: [
    "# only a comment\n",
    "",
  ],
  clean: [
    "FROM debian:12\n",
  ],
});
