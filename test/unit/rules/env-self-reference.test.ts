// ENV refers to a variable defined in the same instruction.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('env-self-reference', {
  catches: [
    "FROM alpine:3.20\nENV A=1 B=«$A»\n",
  ],
  clean: [
    "FROM alpine:3.20\nENV A=1\nENV B=$A\n",
    "FROM alpine:3.20\nENV PATH=/x:$PATH\n",
  ],
});
