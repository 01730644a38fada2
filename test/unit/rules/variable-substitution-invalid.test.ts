// Invalid variable substitution.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('variable-substitution-invalid', {
  catches: [
    "FROM debian:12\nENV A=${B\n",
  ],
  clean: [
    "FROM debian:12\nENV A=${B:-x}\n",
  ],
});
