// wget without --progress bloats the build log.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('wget-progress', {
  catches: [
    "FROM debian:12\nRUN «wget» https://example.com/x\n",
  ],
  clean: [
    "FROM debian:12\nRUN wget -q https://example.com/x\n",
    "FROM debian:12\nRUN wget --progress=dot:giga https://example.com/x\n",
    "FROM debian:12\nRUN wget -nv https://example.com/x\n",
  ],
  fixes: [
    { before: "FROM debian:12\nRUN wget https://example.com/x\n", after: "FROM debian:12\nRUN wget --progress=dot:giga https://example.com/x\n" },
  ],
});
