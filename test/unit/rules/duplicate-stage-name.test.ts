// Stage names must be unique.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('duplicate-stage-name', {
  catches: [
    "FROM debian:12 AS build\nFROM alpine:3.20 AS «build»\n",
    "FROM debian:12 AS build\nFROM alpine:3.20 AS «BUILD»\n",
  ],
  clean: [
    "FROM debian:12 AS build\nFROM alpine:3.20 AS test\n",
  ],
  fixes: [
    { before: "FROM debian:12 AS build\nFROM alpine:3.20 AS build\n", after: "FROM debian:12 AS build\nFROM alpine:3.20 AS build-2\n" },
  ],
});
