// Possibly sensitive data in ARG or ENV.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('secrets-in-arg-or-env', {
  catches: [
    "FROM alpine:3.20\nARG «GITHUB_TOKEN»\n",
    "FROM alpine:3.20\nENV «DB_PASSWORD»=secret\n",
    "FROM alpine:3.20\nENV «AWS_SECRET_ACCESS_KEY»=x\n",
  ],
  clean: [
    "FROM alpine:3.20\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\n",
    "FROM alpine:3.20\nARG PUBLIC_KEY=abc\n",
    "FROM alpine:3.20\nENV KEYBOARD=us\n",
  ],
});
