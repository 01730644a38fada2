// ENV / LABEL / ARG pair without a value or `=`.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('key-value-invalid', {
  catches: [
    "FROM debian:12\nENV «A»\n",
    "FROM debian:12\nLABEL «a»\n",
  ],
  clean: [
    "FROM debian:12\nENV A=1\n",
    "FROM debian:12\nARG NAME\n",
    "FROM debian:12\nENV A 1\n",
    "FROM debian:12\nLABEL a b=c\n",
  ],
});
