// Invalid stage name.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('stage-name-invalid', {
  catches: [
    "FROM debian:12 AS «1st»\n",
  ],
  clean: [
    "FROM debian:12 AS first-stage.1\n",
  ],
});
