// FROM uses an ARG not declared before the first FROM.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('undefined-arg-in-from', {
  catches: [
    "FROM debian:«${VERSION}»\n",
    "FROM debian:12\nARG BASE=alpine\nFROM «$BASE»\n",
  ],
  clean: [
    "ARG VERSION=12\nFROM debian:${VERSION}\n",
    "FROM --platform=$BUILDPLATFORM debian:12\n",
    "FROM debian:${VERSION:-12}\n",
  ],
});
