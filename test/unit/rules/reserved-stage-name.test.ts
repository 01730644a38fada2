// Reserved words should not be used as stage names.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('reserved-stage-name', {
  catches: [
    "FROM debian:12 AS «scratch»\n",
    "FROM debian:12 AS «context»\n",
  ],
  clean: [
    "FROM debian:12 AS base\n",
    "FROM scratch\n",
  ],
});
