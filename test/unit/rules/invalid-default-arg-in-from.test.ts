// With its ARG defaults, the base image name is empty or invalid.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('invalid-default-arg-in-from', {
  catches: [
    "ARG BASE\nFROM «$BASE»\n",
    "ARG VERSION\nFROM «docker:${VERSION}-dind»\n",
  ],
  clean: [
    "ARG BASE=alpine:3.20\nFROM $BASE\n",
  ],
});
