// Either use wget or curl, not both.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('wget-and-curl', {
  catches: [
    "FROM debian:12\nRUN curl -fsSLO https://a\nRUN curl -fsSLO https://b\nRUN «wget» -q https://c\n",
  ],
  clean: [
    "FROM debian:12\nRUN curl -fsSLO https://a\nRUN curl -fsSLO https://b\n",
  ],
});
