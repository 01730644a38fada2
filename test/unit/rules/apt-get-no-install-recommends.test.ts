// Avoid additional packages with --no-install-recommends.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('apt-get-no-install-recommends', {
  catches: [
    "FROM debian:12\nRUN «apt-get install -y curl»\n",
  ],
  clean: [
    "FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n",
    "FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n",
  ],
  fixes: [
    { before: "FROM debian:12\nRUN apt-get install -y curl\n", after: "FROM debian:12\nRUN apt-get install --no-install-recommends -y curl\n" },
  ],
});
