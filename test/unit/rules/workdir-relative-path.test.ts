// Relative WORKDIR without an absolute WORKDIR before it in the stage.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('workdir-relative-path', {
  catches: [
    "FROM alpine:3.20\nWORKDIR «app»\n",
  ],
  clean: [
    "FROM alpine:3.20\nWORKDIR /app\n",
    "FROM alpine:3.20\nWORKDIR /src\nWORKDIR tools/gopls\n",
    "FROM alpine:3.20\nWORKDIR $HOME/app\n",
    "FROM scratch\nWORKDIR app\n",
    "FROM alpine:3.20 AS base\nWORKDIR /src\nFROM base\nWORKDIR sub\n",
  ],
  fixes: [
    { before: "FROM alpine:3.20\nWORKDIR app\n", after: "FROM alpine:3.20\nWORKDIR /app\n" },
    { before: "FROM alpine:3.20\nWORKDIR ./app\n", after: "FROM alpine:3.20\nWORKDIR /app\n" },
  ],
});
