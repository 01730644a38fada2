// Tag the base image version explicitly.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('image-untagged', {
  catches: [
    "FROM «debian»\n",
  ],
  clean: [
    "FROM debian:12\n",
    "FROM debian@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n",
    "FROM scratch\n",
    "FROM debian:12 AS base\nFROM base\n",
  ],
});
