// ENV / LABEL / ARG pair without a value or `=`.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('key-value-invalid', {
  catches: [
    "FROM debian:12\nENV «A»\n",
    "FROM debian:12\nLABEL «a»\n",
    // BuildKit's ARG parser (not its line parser): "ARG names can not be blank".
    { text: "FROM debian:12\nARG «=x»\n", message: /ARG names can not be blank/ },
    { text: "ARG «=x»\nFROM debian:12\n", message: /ARG names can not be blank/ },
    { text: "FROM debian:12\nARG V=1 «==»\n", message: /ARG names can not be blank/ },
  ],
  clean: [
    "FROM debian:12\nENV A=1\n",
    "FROM debian:12\nARG NAME\n",
    "FROM debian:12\nARG NAME=\n",
    'FROM debian:12\nARG NAME="a =b"\n',
    "FROM debian:12\nENV A 1\n",
    "FROM debian:12\nLABEL a b=c\n",
  ],
});
