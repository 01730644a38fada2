// Using `latest` is prone to errors.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('image-latest', {
  catches: [
    "FROM «debian:latest»\n",
  ],
  clean: [
    "FROM debian:12\n",
    "FROM debian:latest@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n",
  ],
});
