// Use `key=value` in ENV and LABEL.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('legacy-key-value', {
  catches: [
    "FROM alpine:3.20\nENV «A 1»\n",
    "FROM alpine:3.20\nLABEL «maintainer me»\n",
  ],
  clean: [
    "FROM alpine:3.20\nENV A=1\n",
    "FROM alpine:3.20\nLABEL a=b\n",
  ],
  fixes: [
    { before: "FROM alpine:3.20\nENV A hello world\n", after: "FROM alpine:3.20\nENV A=\"hello world\"\n" },
    { before: "FROM alpine:3.20\nENV PATH /opt/bin:$PATH\n", after: "FROM alpine:3.20\nENV PATH=/opt/bin:$PATH\n" },
  ],
});
